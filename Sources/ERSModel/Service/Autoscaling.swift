/// Horizontal pod autoscaling (`autoscaling/v2` HorizontalPodAutoscaler `spec`).
public struct Autoscaling: Sendable, Hashable, Codable {
    /// Lowest replica count (at least 1).
    public var minReplicas: Int
    /// Highest replica count (at least `minReplicas`).
    public var maxReplicas: Int
    /// Resource utilization targets.
    public var metrics: [ResourceMetric]
    /// Scaling speed limits; rendered only when set.
    public var behavior: ScalingBehavior?

    /// Creates an autoscaling rule.
    public init(minReplicas: Int, maxReplicas: Int, metrics: [ResourceMetric], behavior: ScalingBehavior? = nil) {
        self.minReplicas = minReplicas
        self.maxReplicas = maxReplicas
        self.metrics = metrics
        self.behavior = behavior
    }
}

/// A `Resource` metric with a `Utilization` target (percent of the request).
public struct ResourceMetric: Sendable, Hashable, Codable {
    /// Which resource.
    public var resource: ResourceName
    /// Target average utilization, percent of the container's request (1–100 is usual; more is allowed).
    public var averageUtilization: Int

    /// Creates a metric.
    public init(resource: ResourceName, averageUtilization: Int) {
        self.resource = resource
        self.averageUtilization = averageUtilization
    }
}

/// A compute resource an autoscaler can target.
public enum ResourceName: String, Sendable, Hashable, Codable, CaseIterable {
    case cpu
    case memory
}

/// HPA `behavior`: how fast to scale up and down.
public struct ScalingBehavior: Sendable, Hashable, Codable {
    /// Scale-up rules.
    public var scaleUp: ScalingRules?
    /// Scale-down rules.
    public var scaleDown: ScalingRules?

    /// Creates a behavior.
    public init(scaleUp: ScalingRules? = nil, scaleDown: ScalingRules? = nil) {
        self.scaleUp = scaleUp
        self.scaleDown = scaleDown
    }
}

/// `HPAScalingRules`: a stabilization window (0–3600 seconds) and policies.
public struct ScalingRules: Sendable, Hashable, Codable {
    /// Seconds of past recommendations considered (0–3600).
    public var stabilizationWindowSeconds: Int?
    /// `Max` (default), `Min` or `Disabled`.
    public var selectPolicy: SelectPolicy?
    /// The policies (at least one unless `selectPolicy` is `Disabled`).
    public var policies: [ScalingPolicy]?

    /// Creates rules.
    public init(stabilizationWindowSeconds: Int? = nil, selectPolicy: SelectPolicy? = nil, policies: [ScalingPolicy]? = nil) {
        self.stabilizationWindowSeconds = stabilizationWindowSeconds
        self.selectPolicy = selectPolicy
        self.policies = policies
    }
}

/// `HPAScalingPolicy`: change at most `value` pods or percent per `periodSeconds` (1–1800).
public struct ScalingPolicy: Sendable, Hashable, Codable {
    /// `Pods` or `Percent`.
    public var type: ScalingPolicyType
    /// Pods or percent (greater than 0).
    public var value: Int
    /// Window in seconds (1–1800).
    public var periodSeconds: Int

    /// Creates a policy.
    public init(type: ScalingPolicyType, value: Int, periodSeconds: Int) {
        self.type = type
        self.value = value
        self.periodSeconds = periodSeconds
    }
}

/// `HPAScalingPolicyType`.
public enum ScalingPolicyType: String, Sendable, Hashable, Codable, CaseIterable {
    case pods = "Pods"
    case percent = "Percent"
}

/// `ScalingPolicySelect`.
public enum SelectPolicy: String, Sendable, Hashable, Codable, CaseIterable {
    case max = "Max"
    case min = "Min"
    case disabled = "Disabled"
}
