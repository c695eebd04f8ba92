import ERSModel
import Testing

@Suite("Kubernetes kind name limits")
struct KubernetesKindTests {
    static let limits: [(KubernetesKind, KubernetesNameRule, Int)] = [
        (.namespace, .dns1123Label, 63), (.serviceAccount, .dns1123Subdomain, 253),
        (.deployment, .dns1123Subdomain, 63), (.statefulSet, .dns1123Label, 52), (.service, .dns1035Label, 63),
        (.configMap, .dns1123Subdomain, 253), (.secret, .dns1123Subdomain, 253),
        (.horizontalPodAutoscaler, .dns1123Subdomain, 253), (.podDisruptionBudget, .dns1123Subdomain, 253),
        (.networkPolicy, .dns1123Subdomain, 253), (.ingress, .dns1123Subdomain, 253),
        (.httpRoute, .dns1123Subdomain, 253), (.job, .dns1123Subdomain, 63), (.cronJob, .dns1123Subdomain, 52),
        (.persistentVolumeClaim, .dns1123Subdomain, 253), (.rollout, .dns1123Subdomain, 63),
    ]

    @Test("each kind has its rule and limit", arguments: limits)
    func ruleAndLimit(kind: KubernetesKind, rule: KubernetesNameRule, maxLength: Int) {
        #expect(kind.nameRule == rule)
        #expect(kind.maxNameLength == maxLength)
        #expect((kind.nameLengthReason != nil) == (maxLength < rule.maxLength))
    }

    @Test("a name of exactly the limit is valid and one more is not", arguments: limits)
    func lengthBoundary(kind: KubernetesKind, rule: KubernetesNameRule, maxLength: Int) {
        #expect(kind.nameProblems(String(repeating: "a", count: maxLength)) == [])
        let problems = kind.nameProblems(String(repeating: "a", count: maxLength + 1))
        #expect(problems.count == 1)
        #expect(problems.first?.contains("it must be at most \(maxLength) characters") == true)
    }

    @Test("covers every kind")
    func allKinds() {
        #expect(Set(Self.limits.map(\.0)) == Set(KubernetesKind.allCases))
    }

    @Test("Service names are DNS-1035 labels")
    func serviceMessage() {
        #expect(
            KubernetesKind.service.nameProblems("Auth_Service") == [
                "'Auth_Service' is not a valid Service name (a DNS-1035 label): it must consist of lower case alphanumeric characters or '-', start with a letter and end with an alphanumeric character (e.g. 'auth-service')"
            ])
        #expect(KubernetesNameRules.nameProblems("9lives", kind: .service).count == 1)
        #expect(KubernetesNameRules.nameProblems("nine-lives", kind: .service) == [])
    }

    @Test("the CronJob limit explains the Job name suffix")
    func cronJobMessage() {
        let name = String(repeating: "c", count: 53)
        #expect(
            KubernetesKind.cronJob.nameProblems(name) == [
                "'\(name)' is not a valid CronJob name (a DNS-1123 subdomain): it is 53 characters long; it must be at most 52 characters (the CronJob controller appends an 11-character suffix ('-' and a timestamp) to the names of the Jobs it creates, which may not exceed 63) (e.g. '\(name.dropLast())')"
            ])
    }

    @Test(
        "dots: allowed in subdomain names, not in StatefulSet, Namespace or Service names",
        arguments: [
            (KubernetesKind.deployment, true), (.configMap, true), (.job, true), (.statefulSet, false),
            (.namespace, false), (.service, false),
        ])
    func dots(kind: KubernetesKind, allowed: Bool) {
        #expect(kind.nameProblems("web.v2").isEmpty == allowed)
    }

    @Test("the kind name is the API kind")
    func kindName() {
        #expect(KubernetesKind.horizontalPodAutoscaler.kindName == "HorizontalPodAutoscaler")
        #expect(KubernetesKind.httpRoute.kindName == "HTTPRoute")
    }
}
