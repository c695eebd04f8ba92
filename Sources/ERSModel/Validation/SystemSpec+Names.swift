extension SystemSpec {
    /// Object names, label keys and values, port names and env var names as the API server
    /// checks them (k8s.io/apimachinery/pkg/util/validation), and uniqueness.
    func validateNames() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        func check(_ problems: [String], _ path: FieldPath) {
            diagnostics += problems.map { .error(path, $0) }
        }
        check(KubernetesNameRules.nameProblems(namespace, kind: .namespace), [.key("namespace")])
        check(KubernetesNameRules.nameProblems(name, kind: .namespace), [.key("name")])
        let cronJobName = "\(name)\(SystemSpec.partitionMaintenanceSuffix)"
        for problem in KubernetesNameRules.nameProblems(cronJobName, kind: .cronJob) {
            diagnostics.append(.error([.key("name")], "the partition-maintenance CronJob would be named '\(cronJobName)': \(problem); shorten the system name to at most \(KubernetesKind.cronJob.maxNameLength - SystemSpec.partitionMaintenanceSuffix.count) characters"))
        }
        for (key, value) in (labels ?? [:]).sorted(by: { $0.key < $1.key }) {
            check(KubernetesNameRules.labelKeyProblems(key), [.key("labels"), .key(key)])
            check(KubernetesNameRules.labelValueProblems(value), [.key("labels"), .key(key)])
        }
        for service in services {
            let path = FieldPath([.key("services"), .name(service.name)])
            check(KubernetesNameRules.nameProblems(service.name, kind: .service), path.key("name"))
            var numbers: [Int: String] = [:]
            for port in service.ports {
                let portPath = path.key("ports").name(port.name)
                check(KubernetesNameRules.containerPortNameProblems(port.name), portPath.key("name"))
                if let other = numbers[port.containerPort] {
                    diagnostics.append(.error(portPath.key("containerPort"), "containerPort \(port.containerPort) is already used by port '\(other)'; each port needs its own number"))
                } else {
                    numbers[port.containerPort] = port.name
                }
            }
            for variable in service.env ?? [] {
                check(KubernetesNameRules.environmentVariableNameProblems(variable.name), path.key("env").name(variable.name).key("name"))
            }
            for key in (service.config ?? [:]).keys.sorted() {
                check(KubernetesNameRules.environmentVariableNameProblems(key), path.key("config").key(key))
            }
            for secret in service.secrets ?? [] {
                let secretPath = path.key("secrets").name(secret.name)
                check(KubernetesNameRules.nameProblems(secret.name, kind: .namespace), secretPath.key("name"))
                check(KubernetesNameRules.nameProblems(secret.secretName, kind: .secret), secretPath.key("secretName"))
                check(KubernetesNameRules.configMapKeyProblems(secret.key), secretPath.key("key"))
                check(KubernetesNameRules.environmentVariableNameProblems(secret.fileEnvName), secretPath.key("env"))
            }
        }
        for datastore in datastores {
            check(KubernetesNameRules.nameProblems(datastore.name, kind: .service), [.key("datastores"), .name(datastore.name), .key("name")])
        }
        let objectNames = services.map(\.name) + datastores.filter { $0.placement == .inCluster }.map(\.name)
        var seen: Set<String> = []
        for (index, name) in objectNames.enumerated() where !seen.insert(name).inserted {
            let path: FieldPath = index < services.count ? [.key("services"), .name(name), .key("name")] : [.key("datastores"), .name(name), .key("name")]
            diagnostics.append(.error(path, "'\(name)' is both a service and a datastore; their Kubernetes objects would collide — rename one"))
        }
        for route in gateway.routes {
            check(KubernetesNameRules.nameProblems(route.name, kind: .namespace), [.key("gateway"), .key("routes"), .name(route.name), .key("name")])
        }
        return diagnostics
    }

    /// Suffix of the partition-maintenance CronJob's name after the system name.
    public static let partitionMaintenanceSuffix = "-partition-maintenance"
}
