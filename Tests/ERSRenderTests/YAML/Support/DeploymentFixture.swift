import ERSRender

/// Kubernetes-like objects built the way renderers build them.
enum DeploymentFixture {
    /// A Deployment for service number `index`.
    static func deployment(index: Int) -> YAMLValue {
        let name = "service-\(index)"
        let labels = ["app.kubernetes.io/name": name, "app.kubernetes.io/part-of": "ers", "tier": "backend"]
        let port = 8000 + index % 1000
        let command: [YAMLValue]? = index.isMultiple(of: 2) ? ["/bin/server", "--port=\(port)"] : nil
        let container: YAMLValue = [
            "name": .string(name),
            "image": .string("registry.example.com/ers/\(name):1.\(index % 10).0"),
            "command": command.map(YAMLValue.sequence),
            "ports": [["name": "http", "containerPort": .int(port), "protocol": "TCP"]],
            "env": [
                ["name": "LOG_LEVEL", "value": "info"],
                ["name": "FEATURE_X", "value": "yes"],
                ["name": "RETRIES", "value": "3"],
            ],
            "resources": ["limits": ["cpu": "500m", "memory": "512Mi"], "requests": ["cpu": "0.25", "memory": "1Gi"]],
            "readinessProbe": ["httpGet": ["path": "/healthz", "port": "http"], "periodSeconds": 10],
        ]
        return [
            "apiVersion": "apps/v1",
            "kind": "Deployment",
            "metadata": [
                "name": .string(name),
                "labels": .sortedMapping(labels),
                "annotations": .sortedMapping(["checksum/config": "a1b2c3", "note": "on"]),
            ],
            "spec": [
                "replicas": .int(1 + index % 3),
                "selector": ["matchLabels": .sortedMapping(labels)],
                "template": [
                    "metadata": ["labels": .sortedMapping(labels)],
                    "spec": ["containers": [container], "volumes": []],
                ],
            ],
        ]
    }

    /// A ConfigMap holding an nginx configuration.
    static func configMap(index: Int) -> YAMLValue {
        let config = """
            server {
                listen 80;
                location / {
                    proxy_pass http://service-\(index):8080;
                }
            }

            """
        return [
            "apiVersion": "v1",
            "kind": "ConfigMap",
            "metadata": ["name": .string("nginx-\(index)")],
            "data": .sortedMapping(["nginx.conf": config, "version": "1.10", "empty": ""]),
        ]
    }
}
