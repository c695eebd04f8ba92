/// One workload of the system (`services[]` in the spec): a Deployment, its Service, config,
/// autoscaler, disruption budget and network policy in Kubernetes; a service in compose.
public struct Service: Sendable, Hashable, Codable {
    /// Name of the service and of its Kubernetes objects (DNS-1035 label, at most 63 characters).
    public var name: String
    /// The container image.
    public var image: ImageReference
    /// The container's entrypoint (Kubernetes `command`); nil keeps the image's.
    public var command: [String]?
    /// Arguments (Kubernetes `args`); `$(VAR)` refers to an env var declared earlier.
    public var args: [String]?
    /// Named container ports; probes and routes refer to them by name.
    public var ports: [ContainerPort]
    /// Plain environment variables, in order (later ones may refer to earlier ones as `$(VAR)`).
    public var env: [EnvVar]?
    /// Non-secret configuration, rendered as a ConfigMap the container reads with `envFrom`
    /// (keys are env var names, values strings). A change rolls exactly this service's pods.
    public var config: [String: String]?
    /// Secrets, mounted as files under `/run/secrets/<name>` and announced in `<env>_FILE`.
    public var secrets: [SecretReference]?
    /// CPU and memory requests and limits.
    public var resources: ResourceRequirements?
    /// Liveness, readiness and startup probes.
    public var probes: Probes?
    /// Fixed replica count when there is no autoscaling (default 1).
    public var replicas: Int?
    /// Horizontal pod autoscaling (`autoscaling/v2`); when set, the Deployment has no `replicas`.
    public var autoscaling: Autoscaling?
    /// PodDisruptionBudget.
    public var disruptionBudget: DisruptionBudget?
    /// Who may connect to this service and where it may connect, beyond the defaults.
    public var network: NetworkAccess?
    /// How a new version replaces the old one.
    public var rollout: RolloutStrategy?
    /// Names of the datastores this service uses (each must be declared in `datastores`).
    public var datastores: [String]?
    /// Paths that must be writable inside the read-only root filesystem (emptyDir volumes),
    /// e.g. `/tmp`.
    public var writablePaths: [String]?
    /// Whether compose publishes this service's ports on the host (default: only the gateway).
    public var publish: Bool?
    /// The UID (and GID) the container runs as: Kubernetes pod `securityContext.runAsUser`,
    /// `runAsGroup` and `fsGroup`, compose `user`. Nil takes the renderer's default (65532,
    /// the distroless `nonroot` user). Never 0.
    public var runAsUser: Int?

    private enum CodingKeys: String, CodingKey {
        case name, image, command, args, ports, env, config, secrets, resources, probes, replicas, autoscaling
        case disruptionBudget, network, rollout, datastores, writablePaths, publish, runAsUser
    }

    /// Creates a service; every optional part defaults to nil (not set).
    public init(
        name: String, image: ImageReference, command: [String]? = nil, args: [String]? = nil,
        ports: [ContainerPort] = [], env: [EnvVar]? = nil, config: [String: String]? = nil,
        secrets: [SecretReference]? = nil, resources: ResourceRequirements? = nil, probes: Probes? = nil,
        replicas: Int? = nil, autoscaling: Autoscaling? = nil, disruptionBudget: DisruptionBudget? = nil,
        network: NetworkAccess? = nil, rollout: RolloutStrategy? = nil, datastores: [String]? = nil,
        writablePaths: [String]? = nil, publish: Bool? = nil, runAsUser: Int? = nil
    ) {
        self.name = name
        self.image = image
        self.command = command
        self.args = args
        self.ports = ports
        self.env = env
        self.config = config
        self.secrets = secrets
        self.resources = resources
        self.probes = probes
        self.replicas = replicas
        self.autoscaling = autoscaling
        self.disruptionBudget = disruptionBudget
        self.network = network
        self.rollout = rollout
        self.datastores = datastores
        self.writablePaths = writablePaths
        self.publish = publish
        self.runAsUser = runAsUser
    }
}

extension Service {
    /// Decodes a service; absent `ports` decode as empty.
    /// - Throws: `DecodingError` when a value has the wrong shape.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try c.decode(String.self, forKey: .name), image: try c.decode(ImageReference.self, forKey: .image),
            command: try c.decodeIfPresent([String].self, forKey: .command), args: try c.decodeIfPresent([String].self, forKey: .args),
            ports: try c.decodeIfPresent([ContainerPort].self, forKey: .ports) ?? [],
            env: try c.decodeIfPresent([EnvVar].self, forKey: .env), config: try c.decodeIfPresent([String: String].self, forKey: .config),
            secrets: try c.decodeIfPresent([SecretReference].self, forKey: .secrets),
            resources: try c.decodeIfPresent(ResourceRequirements.self, forKey: .resources),
            probes: try c.decodeIfPresent(Probes.self, forKey: .probes), replicas: try c.decodeIfPresent(Int.self, forKey: .replicas),
            autoscaling: try c.decodeIfPresent(Autoscaling.self, forKey: .autoscaling),
            disruptionBudget: try c.decodeIfPresent(DisruptionBudget.self, forKey: .disruptionBudget),
            network: try c.decodeIfPresent(NetworkAccess.self, forKey: .network),
            rollout: try c.decodeIfPresent(RolloutStrategy.self, forKey: .rollout),
            datastores: try c.decodeIfPresent([String].self, forKey: .datastores),
            writablePaths: try c.decodeIfPresent([String].self, forKey: .writablePaths), publish: try c.decodeIfPresent(Bool.self, forKey: .publish),
            runAsUser: try c.decodeIfPresent(Int.self, forKey: .runAsUser)
        )
    }

    /// The port called `name`, or nil.
    public func port(named name: String) -> ContainerPort? { ports.first { $0.name == name } }
}
