public import ERSModel

/// The spec file format: every key, its shape and meaning. Drives the structural check of spec
/// files and `ersctl schema`. Keys mirror ``SystemSpec`` and its parts one to one (a test holds
/// them together).
public enum SpecSchema {
    /// The root of an environment file. `base` (the file it overlays) is only read at the root.
    public static let root = SchemaType.object(SchemaObject("Spec", "An ERS environment spec.", [
        .optional("base", .string, "Path of the spec this file overlays, relative to this file (e.g. base.yaml)."),
        .required("name", .string, "System name (DNS-1123 label), the app.kubernetes.io/part-of label."),
        .required("environment", .string, "Environment name, e.g. production."),
        .required("namespace", .string, "Kubernetes namespace (DNS-1123 label)."),
        .optional("labels", .map(.string), "Labels put on every resource."),
        .required("images", images, "Default image registry and tag."),
        .required("services", .list(service, keyedBy: "name"), "The services."),
        .optional("datastores", .list(datastore, keyedBy: "name"), "PostgreSQL and Redis datastores."),
        .required("gateway", gateway, "The nginx API gateway."),
        .optional("partitionedTables", .list(partitionedTable, keyedBy: "name"), "Range-partitioned PostgreSQL tables."),
        .optional("collectionSchedules", .list(collectionSchedule, keyedBy: "name"), "Periodic collections."),
    ]))

    static let images = SchemaType.object(SchemaObject("ImageDefaults", "Where images come from.", [
        .required("registry", .string, "Registry and path prefix for repositories without a registry host, e.g. registry.example.com/ers."),
        .required("tag", .string, "Tag for images that name none, e.g. \"1.4.2\" (quote it). Never latest outside development."),
    ]))

    static let image = SchemaType.object(SchemaObject("ImageReference", "A container image.", [
        .required("repository", .string, "Repository, e.g. ers-server or docker.io/library/postgres."),
        .optional("tag", .string, "Tag (quote it: \"1.10\"); default images.tag."),
        .optional("digest", .string, "Digest, sha256:…"),
    ]))

    static let port = SchemaType.object(SchemaObject("ContainerPort", "A named container port.", [
        .required("name", .string, "Port name (IANA service name: at most 15 characters, lower case)."),
        .required("containerPort", .integer(minimum: 1, maximum: 65535), "Port the container listens on."),
        .optional("servicePort", .integer(minimum: 1, maximum: 65535), "Port of the Kubernetes Service (default containerPort)."),
        .optional("hostPort", .integer(minimum: 1, maximum: 65535), "Port compose publishes on the host (default servicePort)."),
        .optional("protocol", .enumeration(PortProtocol.self), "TCP (default), UDP or SCTP."),
    ]))

    static let envVar = SchemaType.object(SchemaObject("EnvVar", "An environment variable.", [
        .required("name", .string, "Variable name."),
        .required("value", .string, "Value, always a string (quote numbers and yes/no); $(VAR) expands an earlier variable."),
    ]))

    static let secret = SchemaType.object(SchemaObject("SecretReference", "A Secret key mounted as a file.", [
        .required("name", .string, "File name under /run/secrets and compose secret name."),
        .required("env", .string, "Variable the program reads; the container gets <env>_FILE."),
        .required("secretName", .string, "Kubernetes Secret name."),
        .required("key", .string, "Key in the Secret."),
    ]))

    static let resourceList = SchemaType.object(SchemaObject("ResourceList", "CPU (cores, 250m) and memory (bytes, 512Mi).", [
        .optional("cpu", .quantity, "CPU, e.g. 250m or \"1\"."),
        .optional("memory", .quantity, "Memory, e.g. 512Mi (not 512m, which is millibytes)."),
        .optional("ephemeral-storage", .quantity, "Ephemeral storage, e.g. 1Gi."),
    ]))

    static let resources = SchemaType.object(SchemaObject("ResourceRequirements", "Requests and limits.", [
        .optional("requests", resourceList, "What the scheduler reserves."),
        .optional("limits", resourceList, "The most the container may use."),
    ]))

    static let probe = SchemaType.object(SchemaObject("Probe", "An HTTP GET probe on a named port.", [
        .required("path", .string, "Request path, e.g. /health."),
        .required("port", .string, "Name of a declared port."),
        .optional("initialDelaySeconds", .integer(minimum: 0, maximum: nil), "Seconds before the first probe."),
        .optional("periodSeconds", .integer(minimum: 1, maximum: nil), "Seconds between probes."),
        .optional("timeoutSeconds", .integer(minimum: 1, maximum: nil), "Seconds before a probe times out."),
        .optional("failureThreshold", .integer(minimum: 1, maximum: nil), "Failures before the probe fails."),
        .optional("successThreshold", .integer(minimum: 1, maximum: nil), "Successes before it succeeds (1 for liveness)."),
    ]))

    static let probes = SchemaType.object(SchemaObject("Probes", "The container's probes.", [
        .optional("liveness", probe, "Restart when failing (/health)."),
        .optional("readiness", probe, "Out of the Service when failing (/ready)."),
        .optional("startup", probe, "Hold the others until started."),
    ]))

    static let scalingRules = SchemaType.object(SchemaObject("ScalingRules", "HPA scaling rules.", [
        .optional("stabilizationWindowSeconds", .integer(minimum: 0, maximum: 3600), "Seconds of history considered (0–3600)."),
        .optional("selectPolicy", .enumeration(SelectPolicy.self), "Max, Min or Disabled."),
        .optional("policies", .list(.object(SchemaObject("ScalingPolicy", "At most value pods/percent per period.", [
            .required("type", .enumeration(ScalingPolicyType.self), "Pods or Percent."),
            .required("value", .integer(minimum: 1, maximum: nil), "Pods or percent."),
            .required("periodSeconds", .integer(minimum: 1, maximum: 1800), "Window in seconds (1–1800)."),
        ])), keyedBy: nil), "Policies."),
    ]))

    static let autoscaling = SchemaType.object(SchemaObject("Autoscaling", "autoscaling/v2 HorizontalPodAutoscaler.", [
        .required("minReplicas", .integer(minimum: 1, maximum: 2147483647), "Lowest replica count."),
        .required("maxReplicas", .integer(minimum: 1, maximum: 2147483647), "Highest replica count."),
        .required("metrics", .list(.object(SchemaObject("ResourceMetric", "A resource utilization target.", [
            .required("resource", .enumeration(ResourceName.self), "cpu or memory."),
            .required("averageUtilization", .integer(minimum: 1, maximum: nil), "Percent of the request."),
        ])), keyedBy: nil), "Utilization targets."),
        .optional("behavior", .object(SchemaObject("ScalingBehavior", "Scaling speed.", [
            .optional("scaleUp", scalingRules, "Scale-up rules."),
            .optional("scaleDown", scalingRules, "Scale-down rules."),
        ])), "Scaling speed limits."),
    ]))

    static let disruptionBudget = SchemaType.object(SchemaObject("DisruptionBudget", "PodDisruptionBudget: one of the two.", [
        .optional("minAvailable", .intOrPercent, "Pods that must stay up (count or percent)."),
        .optional("maxUnavailable", .intOrPercent, "Pods that may be down (count or percent)."),
    ]))

    static let network = SchemaType.object(SchemaObject("NetworkAccess", "Network access beyond the defaults.", [
        .optional("ingressFrom", .list(.string, keyedBy: nil), "Services allowed to connect."),
        .optional("egress", .list(.object(SchemaObject("EgressRule", "Egress to an IP block.", [
            .required("cidr", .string, "CIDR, e.g. 10.0.0.0/8."),
            .optional("except", .list(.string, keyedBy: nil), "CIDRs to exclude."),
            .required("ports", .list(.integer(minimum: 1, maximum: 65535), keyedBy: nil), "TCP ports."),
        ])), keyedBy: nil), "Egress destinations outside the namespace."),
        .optional("allowExternalIngress", .boolean, "Whether anything outside the namespace may connect."),
    ]))

    static let rollout = SchemaType.object(SchemaObject("RolloutStrategy", "How a new version replaces the old (Argo Rollouts terms).", [
        .required("strategy", .enumeration(RolloutKind.self), "rolling, blueGreen or canary."),
        .optional("maxSurge", .intOrPercent, "Rolling: extra pods during the update (default 25%)."),
        .optional("maxUnavailable", .intOrPercent, "Rolling: pods that may be unavailable (default 0)."),
        .optional("blueGreen", .object(SchemaObject("BlueGreenStrategy", "Blue-green settings.", [
            .optional("preview", .boolean, "Reach the new slot before promotion: <service>-preview Service; on a host, testRouting requests (default true)."),
            .optional("autoPromotionSeconds", .integer(minimum: 0, maximum: nil), "Seconds after the new slot is healthy before automatic promotion; absent waits for promote."),
            .optional("scaleDownDelaySeconds", .integer(minimum: 0, maximum: nil), "Seconds the old slot keeps running once it gets no traffic (default 30)."),
            .optional("activeSlot", .enumeration(RolloutSlot.self), "The slot that serves now: blue (default) or green. Update it after a promotion."),
        ])), "Blue-green settings (strategy blueGreen only)."),
        .optional("canary", .object(SchemaObject("CanaryStrategy", "Canary settings.", [
            .required("steps", .list(.object(SchemaObject("CanaryStep", "Exactly one of setWeight and pause.", [
                .optional("setWeight", .integer(minimum: 0, maximum: 100), "Percent of traffic to the new version; weights increase step by step."),
                .optional("pause", .object(SchemaObject("CanaryPause", "A pause at the current weight.", [
                    .optional("durationSeconds", .integer(minimum: 0, maximum: nil), "Seconds; absent waits for promote."),
                ])), "Pause."),
            ])), keyedBy: nil), "Ordered steps; after the last the canary is promoted to 100%."),
            .optional("trafficRouting", .enumeration(CanaryTrafficRouting.self), "Kubernetes traffic split: gatewayAPI (HTTPRoute weights, default), ingressNginx (canary annotations), replicas (pod ratio)."),
            .optional("scaleDownDelaySeconds", .integer(minimum: 0, maximum: nil), "Seconds the old version keeps running once it gets no traffic (default 30)."),
        ])), "Canary settings (strategy canary only; required there)."),
        .optional("analysis", .object(SchemaObject("RolloutAnalysis", "The gate of each step: a breach aborts to 100% stable.", [
            .optional("windowSeconds", .integer(minimum: 1, maximum: nil), "Seconds of traffic each judgement looks at (default 60)."),
            .optional("minimumRequests", .integer(minimum: 1, maximum: nil), "Requests to the new version needed before judging (default 100)."),
            .optional("errorRate", .object(SchemaObject("ErrorRateLimit", "Limits on the new version's 5xx share.", [
                .optional("maxPercent", .number(minimum: 0, maximum: 100), "Highest 5xx share, percent (e.g. 1 or 0.5)."),
                .optional("maxPointsAboveStable", .number(minimum: 0, maximum: 100), "Most the 5xx share may exceed the stable version's, percentage points."),
            ])), "5xx share limits."),
            .optional("p99Latency", .object(SchemaObject("LatencyLimit", "Limits on the new version's p99 upstream response time.", [
                .optional("maxMilliseconds", .integer(minimum: 1, maximum: nil), "Highest p99, milliseconds."),
                .optional("maxRatioToStable", .number(minimum: 1, maximum: nil), "Highest ratio to the stable version's p99, e.g. 1.5."),
            ])), "p99 latency limits."),
        ])), "Analysis gate (blueGreen and canary)."),
        .optional("testRouting", .object(SchemaObject("TestRouting", "Requests that always reach the new version.", [
            .optional("header", .object(SchemaObject("TestRouteHeader", "A header match.", [
                .required("name", .string, "Header name, e.g. X-ERS-Canary."),
                .required("value", .string, "Value that matches exactly, e.g. always."),
            ])), "Header and value."),
            .optional("cookie", .object(SchemaObject("TestRouteCookie", "A cookie match.", [
                .required("name", .string, "Cookie name (letters, digits, _), e.g. ers_canary."),
                .required("value", .string, "Value that matches exactly, e.g. always."),
            ])), "Cookie and value."),
        ])), "Test routing (blueGreen and canary)."),
        .optional("controller", .enumeration(RolloutController.self), "Kubernetes: ersctl (Deployments patched per step, default) or argoRollouts (an Argo Rollouts Rollout)."),
        .optional("host", .object(SchemaObject("HostRollout", "The service on a single host behind the nginx gateway (ersctl rollout start).", [
            .required("slots", .object(SchemaObject("HostSlots", "Where each slot listens.", [
                .required("blue", .string, "host:port of the blue slot, e.g. 127.0.0.1:8081."),
                .required("green", .string, "host:port of the green slot, e.g. 127.0.0.1:8082."),
            ])), "Slot addresses."),
            .required("deploy", .list(.string, keyedBy: nil), "Command starting {version} in {slot} (no shell; placeholders {service} {slot} {version} {image} {address} {host} {port})."),
            .required("stop", .list(.string, keyedBy: nil), "Command stopping {slot}."),
            .optional("healthPath", .string, "Health endpoint reporting the version (default: readiness probe path, else /health)."),
            .optional("versionHeader", .string, "Header with the running version; absent: JSON body field version."),
            .optional("startTimeoutSeconds", .integer(minimum: 1, maximum: nil), "Seconds to become healthy with the expected version (default 120)."),
            .optional("commandTimeoutSeconds", .integer(minimum: 1, maximum: nil), "Seconds a deploy or stop command may run (default 300)."),
        ])), "Single-host executor settings."),
    ]))

    static let service = SchemaType.object(SchemaObject("Service", "A service: Deployment, Service, config and policies.", [
        .required("name", .string, "Service name (DNS-1035 label)."),
        .required("image", image, "Container image."),
        .optional("command", .list(.string, keyedBy: nil), "Entrypoint (Kubernetes command)."),
        .optional("args", .list(.string, keyedBy: nil), "Arguments (Kubernetes args)."),
        .optional("ports", .list(port, keyedBy: "name"), "Named ports."),
        .optional("env", .list(envVar, keyedBy: "name"), "Environment variables, in order."),
        .optional("config", .map(.string), "Non-secret configuration (ConfigMap, read with envFrom)."),
        .optional("secrets", .list(secret, keyedBy: "name"), "Secrets mounted as files."),
        .optional("resources", resources, "CPU and memory."),
        .optional("probes", probes, "Probes."),
        .optional("replicas", .integer(minimum: 0, maximum: 2147483647), "Replicas without autoscaling (default 1)."),
        .optional("autoscaling", autoscaling, "Horizontal pod autoscaling."),
        .optional("disruptionBudget", disruptionBudget, "PodDisruptionBudget."),
        .optional("network", network, "Network access beyond the defaults."),
        .optional("rollout", rollout, "Rollout strategy."),
        .optional("datastores", .list(.string, keyedBy: nil), "Datastores used (names)."),
        .optional("writablePaths", .list(.string, keyedBy: nil), "Writable paths in the read-only root filesystem."),
        .optional("publish", .boolean, "Publish ports on the host in compose."),
        .optional("runAsUser", .integer(minimum: 1, maximum: 2147483647), "UID and GID the container runs as (default 65532; never 0)."),
    ]))

    static let datastore = SchemaType.object(SchemaObject("Datastore", "A PostgreSQL or Redis datastore.", [
        .required("name", .string, "Name (DNS-1035 label)."),
        .required("engine", .enumeration(DatastoreEngine.self), "postgresql or redis."),
        .required("placement", .enumeration(DatastorePlacement.self), "inCluster or external."),
        .optional("image", image, "Image (inCluster)."),
        .optional("host", .string, "Host name (external)."),
        .optional("port", .integer(minimum: 1, maximum: 65535), "TCP port."),
        .optional("database", .string, "PostgreSQL database."),
        .optional("user", .string, "User name."),
        .optional("passwordSecret", .object(SchemaObject("SecretKeySelector", "A Secret key.", [
            .required("secretName", .string, "Secret name."),
            .required("key", .string, "Key in the Secret."),
        ])), "The Secret key holding the password."),
        .optional("sslmode", .enumeration(SSLMode.self), "PostgreSQL sslmode."),
        .optional("cidr", .string, "CIDR of an external datastore (for egress policy)."),
        .optional("storage", .object(SchemaObject("Storage", "A persistent volume claim.", [
            .required("size", .quantity, "Size, e.g. 20Gi."),
            .optional("storageClassName", .string, "StorageClass."),
        ])), "Persistent volume (inCluster)."),
        .optional("resources", resources, "CPU and memory (inCluster)."),
    ]))

    static let route = SchemaType.object(SchemaObject("Route", "A gateway route.", [
        .required("name", .string, "Route name (DNS-1123 label)."),
        .required("path", .string, "Path, starting with /."),
        .optional("match", .enumeration(PathMatch.self), "prefix (default) or exact."),
        .required("service", .string, "Target service."),
        .required("port", .string, "Target port name."),
        .optional("public", .boolean, "Skip authentication (login, health)."),
    ]))

    static let gateway = SchemaType.object(SchemaObject("Gateway", "The nginx API gateway.", [
        .required("service", .string, "The service that runs nginx."),
        .required("port", .string, "The gateway service's port name."),
        .required("auth", .object(SchemaObject("GatewayAuth", "The auth_request target.", [
            .required("service", .string, "Auth service."),
            .required("port", .string, "Auth service port name."),
            .required("verifyPath", .string, "Verify path, e.g. /auth/verify."),
        ])), "Where auth_request goes."),
        .required("routes", .list(route, keyedBy: "name"), "Routes."),
        .optional("clientMaxBodySize", .quantity, "Largest request body, bytes (e.g. 10Mi)."),
        .optional("rateLimit", .object(SchemaObject("RateLimit", "Per-client rate limit.", [
            .required("requestsPerSecond", .integer(minimum: 1, maximum: nil), "Requests per second."),
            .required("burst", .integer(minimum: 0, maximum: nil), "Burst above the rate."),
        ])), "Rate limit."),
        .optional("timeouts", .object(SchemaObject("GatewayTimeouts", "Proxy timeouts, seconds.", [
            .optional("connectSeconds", .integer(minimum: 1, maximum: 86400), "proxy_connect_timeout."),
            .optional("sendSeconds", .integer(minimum: 1, maximum: 86400), "proxy_send_timeout."),
            .optional("readSeconds", .integer(minimum: 1, maximum: 86400), "proxy_read_timeout."),
        ])), "Timeouts."),
        .optional("exposure", .object(SchemaObject("GatewayExposure", "How the gateway is reached.", [
            .required("kind", .enumeration(ExposureKind.self), "httpRoute or ingress."),
            .required("hostnames", .list(.string, keyedBy: nil), "Host names."),
            .optional("parentRefs", .list(.object(SchemaObject("ParentReference", "A Gateway.", [
                .required("name", .string, "Gateway name."),
                .optional("namespace", .string, "Gateway namespace."),
                .optional("sectionName", .string, "Listener name."),
            ])), keyedBy: "name"), "Gateways (httpRoute)."),
            .optional("ingressClassName", .string, "Ingress class (ingress)."),
            .optional("tlsSecretName", .string, "TLS Secret (ingress)."),
        ])), "Exposure."),
        .optional("trustedProxies", .list(.string, keyedBy: nil), "CIDRs of proxies whose X-Forwarded-For is trusted for the client address (set_real_ip_from)."),
    ]))

    static let partitionedTable = SchemaType.object(SchemaObject("PartitionedTable", "A monthly range-partitioned table.", [
        .required("name", .string, "Table name."),
        .required("partitionColumn", .string, "timestamptz partition key column."),
        .required("interval", .enumeration(PartitionInterval.self), "monthly."),
        .required("premake", .integer(minimum: 1, maximum: 240), "Partitions created ahead."),
        .optional("retention", .object(SchemaObject("Retention", "Partition retention.", [
            .required("months", .integer(minimum: 1, maximum: nil), "Months kept."),
            .required("action", .enumeration(RetentionAction.self), "drop or detach."),
        ])), "Retention; absent keeps everything."),
        .optional("defaultPartition", .boolean, "Create a DEFAULT partition."),
        .required("columns", .list(.object(SchemaObject("Column", "A column.", [
            .required("name", .string, "Column name."),
            .required("type", .string, "PostgreSQL type, e.g. bigint, varchar(255), timestamptz."),
            .optional("nullable", .boolean, "NULL allowed (default true)."),
            .optional("default", .string, "Default expression."),
            .optional("identity", .boolean, "GENERATED ALWAYS AS IDENTITY."),
        ])), keyedBy: "name"), "Columns."),
        .required("primaryKey", .list(.string, keyedBy: nil), "Primary key columns (include the partition column)."),
        .optional("indexes", .list(.object(SchemaObject("TableIndex", "An index.", [
            .required("name", .string, "Index name."),
            .required("columns", .list(.string, keyedBy: nil), "Columns."),
            .optional("method", .enumeration(IndexMethod.self), "btree (default), gin, brin, hash."),
        ])), keyedBy: "name"), "Indexes."),
    ]))

    static let collectionSchedule = SchemaType.object(SchemaObject("CollectionSchedule", "A periodic collection.", [
        .required("name", .string, "Schedule name."),
        .required("schedule", .string, "Cron expression (5 fields, UTC)."),
        .required("reportType", .string, "Report type."),
        .optional("selector", .map(.string), "Host labels to match."),
    ]))
}
