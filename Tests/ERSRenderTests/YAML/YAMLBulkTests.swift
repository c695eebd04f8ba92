import ERSRender
import Testing

/// Writing many documents at once: the size of a large system's output.
@Suite("YAML bulk output")
struct YAMLBulkTests {
    @Test("3,000 Deployment-like documents are written in order, each as written alone")
    func threeThousandDeployments() {
        let values = (0..<3000).map(DeploymentFixture.deployment(index:))
        let output = YAMLWriter.documents(values)

        #expect(output == values.map(YAMLWriter.document).joined(separator: "---\n"))
        #expect(output.utf8.count > 3000 * 1000)
        #expect(
            YAMLWriter.document(values[1]) == """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: service-1
                  labels:
                    app.kubernetes.io/name: service-1
                    app.kubernetes.io/part-of: ers
                    tier: backend
                  annotations:
                    checksum/config: a1b2c3
                    note: "on"
                spec:
                  replicas: 2
                  selector:
                    matchLabels:
                      app.kubernetes.io/name: service-1
                      app.kubernetes.io/part-of: ers
                      tier: backend
                  template:
                    metadata:
                      labels:
                        app.kubernetes.io/name: service-1
                        app.kubernetes.io/part-of: ers
                        tier: backend
                    spec:
                      containers:
                      - name: service-1
                        image: registry.example.com/ers/service-1:1.1.0
                        ports:
                        - name: http
                          containerPort: 8001
                          protocol: TCP
                        env:
                        - name: LOG_LEVEL
                          value: info
                        - name: FEATURE_X
                          value: "yes"
                        - name: RETRIES
                          value: "3"
                        resources:
                          limits:
                            cpu: 500m
                            memory: 512Mi
                          requests:
                            cpu: "0.25"
                            memory: 1Gi
                        readinessProbe:
                          httpGet:
                            path: /healthz
                            port: http
                          periodSeconds: 10
                      volumes: []

                """
        )
    }
}
