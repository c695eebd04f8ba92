import ERSRender
import Testing

/// Block layout: indentation, nesting, empty collections, key order, documents.
@Suite("YAML layout")
struct YAMLLayoutTests {
    @Test("sequences inside a mapping stay at the key's column, like kubectl prints them")
    func kubernetesStyleNesting() {
        let pod: YAMLValue = [
            "spec": [
                "containers": [
                    ["name": "auth", "ports": [["containerPort": 8080], ["containerPort": 9090, "name": "metrics"]]],
                    ["name": "sidecar", "args": ["--verbose", "run"]],
                ]
            ]
        ]
        #expect(
            YAMLWriter.document(pod) == """
                spec:
                  containers:
                  - name: auth
                    ports:
                    - containerPort: 8080
                    - containerPort: 9090
                      name: metrics
                  - name: sidecar
                    args:
                    - "--verbose"
                    - run

                """
        )
    }

    @Test("sequences of sequences and mappings in sequences start on the dash's line")
    func compactNesting() {
        let value: YAMLValue = [
            ["a", ["b", "c"], [["k": "v", "list": [1, 2]]]],
            ["x": ["y": [[true]]]],
        ]
        #expect(
            YAMLWriter.document(value) == """
                - - a
                  - - b
                    - c
                  - - k: v
                      list:
                      - 1
                      - 2
                - x:
                    "y":
                    - - true

                """
        )
    }

    @Test("empty collections are written inline, anywhere")
    func emptyCollections() {
        let value: YAMLValue = ["labels": [:], "args": [], "items": [[], [:], .null]]
        #expect(YAMLWriter.document(value) == "labels: {}\nargs: []\nitems:\n- []\n- {}\n- null\n")
        #expect(YAMLWriter.document([:]) == "{}\n")
        #expect(YAMLWriter.document([]) == "[]\n")
    }

    @Test("keys keep the order they were written in")
    func keyOrder() {
        let value: YAMLValue = ["zeta": 1, "alpha": 2, "mid": 3, "Beta": 4, "_": 5]
        #expect(YAMLWriter.document(value) == "zeta: 1\nalpha: 2\nmid: 3\nBeta: 4\n_: 5\n")
    }

    @Test("documents are separated by `---` lines")
    func documents() {
        let output = YAMLWriter.documents([["kind": "Service"], ["kind": "Deployment"], "text"])
        #expect(output == "kind: Service\n---\nkind: Deployment\n---\ntext\n")
        #expect(YAMLWriter.documents([]) == "")
        #expect(YAMLWriter.documents([["a": 1]]) == YAMLWriter.document(["a": 1]))
    }

    @Test("top-level scalars")
    func rootScalars() {
        #expect(YAMLWriter.document(7) == "7\n")
        #expect(YAMLWriter.document(false) == "false\n")
        #expect(YAMLWriter.document(.null) == "null\n")
        #expect(YAMLWriter.document("no") == "\"no\"\n")
    }

    @Test("unicode keys and values are written as UTF-8")
    func unicode() {
        let value: YAMLValue = ["名前": "日本語", "emoji": "🚀 launch", "ключ": ["значение"]]
        #expect(YAMLWriter.document(value) == "名前: 日本語\nemoji: 🚀 launch\nключ:\n- значение\n")
    }

    @Test("a key longer than readers accept as an implicit key becomes an explicit `? key`")
    func longKey() {
        let key = String(repeating: "k", count: 1100)
        #expect(YAMLWriter.document([key: "v", "short": 1]) == "? \(key)\n: v\nshort: 1\n")
        #expect(YAMLWriter.document(["m": [key: ["a": 1]]]) == "m:\n  ? \(key)\n  :\n    a: 1\n")
        let shortEnough = String(repeating: "k", count: 1000)
        #expect(YAMLWriter.document([shortEnough: "v"]) == "\(shortEnough): v\n")
    }
}
