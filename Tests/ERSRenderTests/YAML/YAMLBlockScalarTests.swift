import ERSRender
import Testing

/// Multi-line strings: literal blocks with each chomping mode, indentation indicators, and
/// the double-quoted fallback.
@Suite("YAML literal block scalars")
struct YAMLBlockScalarTests {
    @Test("no trailing line break: strip chomping `|-`")
    func strip() {
        #expect(YAMLWriter.document(["sql": "SELECT 1\nFROM t"]) == "sql: |-\n  SELECT 1\n  FROM t\n")
    }

    @Test("one trailing line break: clip chomping `|`")
    func clip() {
        let config = "server {\n    listen 80;\n\n    location / {}\n}\n"
        #expect(
            YAMLWriter.document(["data": ["nginx.conf": .string(config)]]) == """
                data:
                  nginx.conf: |
                    server {
                        listen 80;

                        location / {}
                    }

                """
        )
    }

    @Test("several trailing line breaks: keep chomping `|+`, also before a next key")
    func keep() {
        let value: YAMLValue = ["a": "x\ny\n\n\n", "b": 1]
        #expect(YAMLWriter.document(value) == "a: |+\n  x\n  y\n\n\nb: 1\n")
    }

    @Test(
        "a first line starting with a space, tab or line break gets indentation indicator 2",
        arguments: [
            ("  indented\nnext", "k: |2-\n    indented\n  next\n"),
            ("\ttab\nnext\n", "k: |2\n  \ttab\n  next\n"),
            ("\nafter empty\n\n", "k: |2+\n\n  after empty\n\n"),
            (" \n x", "k: |2-\n   \n   x\n"),
        ]
    )
    func indentationIndicator(_ text: String, _ expected: String) {
        #expect(YAMLWriter.document(["k": .string(text)]) == expected)
    }

    @Test("lines are indented past the key or the sequence dash, at any depth")
    func nestedBlocks() {
        let value: YAMLValue = [
            "spec": ["containers": [["name": "a", "args": ["sh", "-c", "echo 1\necho 2\n", " x\ny"]]]]
        ]
        #expect(
            YAMLWriter.document(value) == """
                spec:
                  containers:
                  - name: a
                    args:
                    - sh
                    - "-c"
                    - |
                      echo 1
                      echo 2
                    - |2-
                       x
                      y

                """
        )
    }

    @Test("tabs, trailing spaces and YAML-looking lines are carried as they are")
    func contentKeptVerbatim() {
        let text = "# not a comment\n---\n...\nkey: value\n- item\n\tindented \n"
        #expect(
            YAMLWriter.document(["k": .string(text)])
                == "k: |\n  # not a comment\n  ---\n  ...\n  key: value\n  - item\n  \tindented \n"
        )
    }

    @Test(
        "text a literal block cannot carry is double-quoted",
        arguments: [
            ("a\r\nb", #""a\r\nb""#),
            ("line\u{85}\nnext", #""line\x85\nnext""#),
            ("a\u{2028}\nb", #""a\u2028\nb""#),
            ("bell\u{7}\n", #""bell\x07\n""#),
            ("\n", #""\n""#),
            ("\n\n\n", #""\n\n\n""#),
        ]
    )
    func fallsBackToDoubleQuotes(_ text: String, _ expected: String) {
        #expect(YAMLWriter.document(["k": .string(text)]) == "k: \(expected)\n")
    }

    @Test("a multi-line document root is a block without indicator, else double-quoted")
    func rootStrings() {
        #expect(YAMLWriter.document("a\nb\n") == "|\n  a\n  b\n")
        #expect(YAMLWriter.document(" a\nb") == "\" a\\nb\"\n")
    }
}
