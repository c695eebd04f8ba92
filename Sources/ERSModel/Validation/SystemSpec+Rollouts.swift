extension SystemSpec {
    /// Rollout strategies: settings only with the strategy they belong to, canary steps (exactly
    /// one of `setWeight` and `pause`, weights 0–100 and increasing), analysis limits, test
    /// routing names and values that nginx and the Gateway API can match, host slots and
    /// commands; a warning when a weight cannot be realised exactly by replica ratios.
    func validateRollouts() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for service in services {
            guard let rollout = service.rollout else { continue }
            let path = FieldPath([.key("services"), .name(service.name), .key("rollout")])
            diagnostics += validateStrategyFields(rollout, path: path)
            if let canary = rollout.canary {
                diagnostics += validateCanary(canary, service: service, path: path.key("canary"))
            }
            if let analysis = rollout.analysis {
                diagnostics += validateAnalysis(analysis, path: path.key("analysis"))
            }
            if let testRouting = rollout.testRouting {
                diagnostics += validateTestRouting(testRouting, path: path.key("testRouting"))
            }
            if let host = rollout.host {
                diagnostics += validateHost(host, path: path.key("host"))
            }
        }
        return diagnostics
    }

    /// Settings that belong to another strategy than the chosen one.
    private func validateStrategyFields(_ rollout: RolloutStrategy, path: FieldPath) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let kind = rollout.strategy
        if kind != .rolling {
            for (field, value) in [("maxSurge", rollout.maxSurge), ("maxUnavailable", rollout.maxUnavailable)] where value != nil {
                diagnostics.append(.error(path.key(field), "\(field) applies to strategy rolling only (strategy is \(kind.rawValue)); remove it"))
            }
        }
        if rollout.blueGreen != nil, kind != .blueGreen {
            diagnostics.append(.error(path.key("blueGreen"), "blueGreen settings apply to strategy blueGreen only (strategy is \(kind.rawValue)); remove them or set strategy: blueGreen"))
        }
        if rollout.canary != nil, kind != .canary {
            diagnostics.append(.error(path.key("canary"), "canary settings apply to strategy canary only (strategy is \(kind.rawValue)); remove them or set strategy: canary"))
        }
        if kind == .canary, rollout.canary == nil {
            diagnostics.append(.error(path.key("canary"), "strategy canary needs canary.steps, e.g. [{setWeight: 10}, {pause: {durationSeconds: 300}}, {setWeight: 50}]"))
        }
        if kind == .rolling {
            for (field, isSet) in [("analysis", rollout.analysis != nil), ("testRouting", rollout.testRouting != nil)] where isSet {
                diagnostics.append(.error(path.key(field), "\(field) applies to strategies blueGreen and canary only (strategy is rolling); remove it or change the strategy"))
            }
            if rollout.controller == .argoRollouts {
                diagnostics.append(.error(path.key("controller"), "an Argo Rollouts Rollout needs strategy blueGreen or canary (strategy is rolling); remove controller or change the strategy"))
            }
        }
        return diagnostics
    }

    /// Steps, weights and their realisability.
    private func validateCanary(_ canary: CanaryStrategy, service: Service, path: FieldPath) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if canary.steps.isEmpty {
            diagnostics.append(.error(path.key("steps"), "a canary needs at least one step, e.g. [{setWeight: 10}, {pause: {durationSeconds: 300}}]"))
        }
        var previous: (weight: Int, index: Int)?
        let replicas = service.autoscaling?.minReplicas ?? service.replicas ?? 1
        for (index, step) in canary.steps.enumerated() {
            let stepPath = path.key("steps").index(index)
            switch (step.setWeight, step.pause) {
            case (nil, nil):
                diagnostics.append(.error(stepPath, "a step needs exactly one of setWeight and pause; add setWeight: <percent> or pause: {durationSeconds: <seconds>}"))
            case (_?, _?):
                diagnostics.append(.error(stepPath, "a step has exactly one of setWeight and pause; split it into two steps"))
            case (let weight?, nil):
                if !(0...100).contains(weight) {
                    diagnostics.append(.error(stepPath.key("setWeight"), "\(weight) is not a percentage; use a value from 0 to 100"))
                } else if let previous, weight <= previous.weight {
                    diagnostics.append(.error(stepPath.key("setWeight"), "weights must increase: \(weight) follows \(previous.weight) (step \(previous.index)); to hold a weight, add a pause step instead"))
                }
                if canary.effectiveTrafficRouting == .replicas, (0...100).contains(weight), (weight * replicas) % 100 != 0 {
                    let pods = Int((Double(weight * replicas) / 100).rounded())
                    let realised = Int((Double(pods * 100) / Double(replicas)).rounded())
                    diagnostics.append(.warning(stepPath.key("setWeight"), "setWeight \(weight) cannot be realised exactly by replica ratios: with trafficRouting replicas and \(replicas) replica\(replicas == 1 ? "" : "s") the nearest split is \(pods) canary pod\(pods == 1 ? "" : "s") of \(replicas) (\(realised)%); \(replicas) replicas split exactly only at multiples of \(100 / gcd(100, replicas))%: use such a weight, a replica count that divides it (e.g. 4 for steps of 25%), or trafficRouting gatewayAPI (exact weights)"))
                }
                previous = (weight, index)
            case (nil, let pause?):
                if let seconds = pause.durationSeconds, seconds < 0 {
                    diagnostics.append(.error(stepPath.key("pause").key("durationSeconds"), "\(seconds) is negative; use seconds ≥ 0, or leave durationSeconds out to wait for promote"))
                }
            }
        }
        if let delay = canary.scaleDownDelaySeconds, delay < 0 {
            diagnostics.append(.error(path.key("scaleDownDelaySeconds"), "\(delay) is negative; use seconds ≥ 0"))
        }
        if canary.effectiveTrafficRouting == .ingressNginx, !gateway.routes.contains(where: { $0.service == service.name }) {
            diagnostics.append(.error(path.key("trafficRouting"), "ingressNginx splits the gateway routes of the service, and no route goes to '\(service.name)'; add a route or use trafficRouting gatewayAPI"))
        }
        return diagnostics
    }

    /// Window, sample and limits.
    private func validateAnalysis(_ analysis: RolloutAnalysis, path: FieldPath) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if let window = analysis.windowSeconds, window < 1 {
            diagnostics.append(.error(path.key("windowSeconds"), "\(window) is too short; use at least 1 second"))
        }
        if let minimum = analysis.minimumRequests, minimum < 1 {
            diagnostics.append(.error(path.key("minimumRequests"), "\(minimum) would judge on no requests at all; use at least 1"))
        }
        let limits: [(FieldPath, Double?, ClosedRange<Double>, String)] = [
            (path.key("errorRate").key("maxPercent"), analysis.errorRate?.maxPercent, 0...100, "a percentage from 0 to 100"),
            (path.key("errorRate").key("maxPointsAboveStable"), analysis.errorRate?.maxPointsAboveStable, 0...100, "percentage points from 0 to 100"),
            (path.key("p99Latency").key("maxRatioToStable"), analysis.p99Latency?.maxRatioToStable, 1...1000, "a ratio of at least 1, e.g. 1.5"),
        ]
        for (limitPath, value, range, expected) in limits {
            if let value, !range.contains(value) {
                diagnostics.append(.error(limitPath, "\(value) is out of range; use \(expected)"))
            }
        }
        if let milliseconds = analysis.p99Latency?.maxMilliseconds, milliseconds < 1 {
            diagnostics.append(.error(path.key("p99Latency").key("maxMilliseconds"), "\(milliseconds) is not a latency; use milliseconds ≥ 1"))
        }
        let hasLimit = [analysis.errorRate?.maxPercent, analysis.errorRate?.maxPointsAboveStable, analysis.p99Latency?.maxRatioToStable].contains { $0 != nil }
            || analysis.p99Latency?.maxMilliseconds != nil
        if !hasLimit {
            diagnostics.append(.error(path, "the analysis sets no limit, so it gates nothing; add errorRate.maxPercent and/or p99Latency.maxMilliseconds"))
        }
        return diagnostics
    }

    /// Header and cookie names and values nginx and the Gateway API can match.
    private func validateTestRouting(_ testRouting: TestRouting, path: FieldPath) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if testRouting.header == nil, testRouting.cookie == nil {
            diagnostics.append(.error(path, "test routing needs a header or a cookie, e.g. header: {name: X-ERS-Canary, value: always}"))
        }
        if let header = testRouting.header {
            if header.name.isEmpty || !header.name.utf8.allSatisfy({ $0.isASCIIAlphanumeric || $0 == UInt8(ascii: "-") }) {
                diagnostics.append(.error(path.key("header").key("name"), "'\(header.name)' is not a header name nginx can match; use letters, digits and '-', e.g. X-ERS-Canary"))
            }
            diagnostics += validateMatchValue(header.value, path: path.key("header").key("value"))
        }
        if let cookie = testRouting.cookie {
            if cookie.name.isEmpty || !cookie.name.utf8.allSatisfy({ $0.isASCIIAlphanumeric || $0 == UInt8(ascii: "_") }) {
                diagnostics.append(.error(path.key("cookie").key("name"), "'\(cookie.name)' is not a cookie name nginx can match ($cookie_<name>); use letters, digits and '_', e.g. ers_canary"))
            }
            diagnostics += validateMatchValue(cookie.value, path: path.key("cookie").key("value"))
        }
        return diagnostics
    }

    private func validateMatchValue(_ value: String, path: FieldPath) -> [Diagnostic] {
        let allowed: Set<UInt8> = [UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "-")]
        guard value.isEmpty || !value.utf8.allSatisfy({ $0.isASCIIAlphanumeric || allowed.contains($0) }) else { return [] }
        return [.error(path, "'\(value)' cannot be matched exactly; use letters, digits, '.', '_', '~' and '-', e.g. always")]
    }

    /// Slot addresses and commands.
    private func validateHost(_ host: HostRollout, path: FieldPath) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for slot in RolloutSlot.allCases {
            let address = host.address(of: slot)
            if !Self.isHostPort(address) {
                diagnostics.append(.error(path.key("slots").key(slot.rawValue), "'\(address)' is not host:port (a host name or IPv4 address and a port 1–65535), e.g. 127.0.0.1:8081"))
            }
        }
        if host.slots.blue == host.slots.green {
            diagnostics.append(.error(path.key("slots").key("green"), "blue and green both listen on \(host.slots.green); the two versions run side by side, so give each slot its own port"))
        }
        for (field, command) in [("deploy", host.deploy), ("stop", host.stop)] where command.first?.isEmpty ?? true {
            diagnostics.append(.error(path.key(field), "the \(field) command is empty; give the program and its arguments, e.g. [docker, compose, up, --detach, \"{service}-{slot}\"]"))
        }
        if let healthPath = host.healthPath, !healthPath.hasPrefix("/") || healthPath.contains(" ") {
            diagnostics.append(.error(path.key("healthPath"), "'\(healthPath)' is not a request path; start it with / and use no spaces, e.g. /health"))
        }
        if let header = host.versionHeader, header.isEmpty || !header.utf8.allSatisfy({ $0.isASCIIAlphanumeric || $0 == UInt8(ascii: "-") }) {
            diagnostics.append(.error(path.key("versionHeader"), "'\(header)' is not a header name; use letters, digits and '-', e.g. X-Version"))
        }
        for (field, value) in [("startTimeoutSeconds", host.startTimeoutSeconds), ("commandTimeoutSeconds", host.commandTimeoutSeconds)] {
            if let value, value < 1 {
                diagnostics.append(.error(path.key(field), "\(value) is too short; use at least 1 second"))
            }
        }
        return diagnostics
    }

    /// Whether `text` is `host:port` with a host name or IPv4 address and a port 1–65535.
    static func isHostPort(_ text: String) -> Bool {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let port = Int(parts[1]), (1...65535).contains(port), !parts[0].isEmpty else { return false }
        return parts[0].utf8.allSatisfy { $0.isASCIIAlphanumeric || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") }
    }
}

/// The greatest common divisor of two non-negative integers.
func gcd(_ a: Int, _ b: Int) -> Int {
    var (x, y) = (abs(a), abs(b))
    while y != 0 { (x, y) = (y, x % y) }
    return x
}
