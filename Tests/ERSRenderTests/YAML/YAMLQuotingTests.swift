import ERSRender
import Testing

/// Which strings are written plain and which double-quoted, and how quotes escape.
@Suite("YAML string quoting")
struct YAMLQuotingTests {
    /// Words YAML 1.1 readers (go-yaml v2, PyYAML, Psych) read as bools or null, in any case.
    static let boolAndNullWords = [
        "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE",
        "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF", "null", "Null", "NULL",
        "~", "yEs", "nO", "tRUE", "fAlSe", "oN", "OfF", "nuLL",
    ]

    /// Numbers of YAML 1.1, 1.2 core, go-yaml and Psych, and YAML 1.1 timestamps.
    static let numbersAndTimestamps = [
        "0", "7", "42", "8080", "-1", "+1", "0123", "0o17", "0O17", "0x1F", "0X1f", "0b101",
        "-0b101", "1_000", "1,000", "1:20", "190:20:30", "1.10", "1.", "0.5", ".5", "+.5", "-.5",
        "1e3", "1E3", "6478e18", "1E+3", "1e-3", "12e03", ".inf", ".Inf", ".INF", "-.inf",
        "-.Inf", "+.inf", ".nan", ".NaN", ".NAN", "1.2.3", "10.0.0.1", "0.0.0.0", "2001-12-14",
        "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5", "2001-12-15T02:59:43.1Z",
        "1-2-3", "0e0", "1d", "0755", "0x", "0b", ".", "+", "...", "00", "-0",
    ]

    /// Strings that start with an indicator or contain `: `, ` #`, a trailing `:`, a tab,
    /// or leading or trailing spaces.
    static let indicatorsAndSpaces = [
        "-", "- a", "-a", "--port=8080", "-Xmx512m", "---", "?", "? a", "?a", ":", ":a", ": a",
        "::1", ",a", "[a]", "]", "{a: 1}", "}", "#a", "# comment", "&anchor", "*alias", "*.example.com",
        "!tag", "!!str", "|", "|-", ">", ">-", "'quoted'", "\"dq\"", "%YAML", "%25", "@at",
        "`tick`", "a: b", "a:", "key: value", "a #b", "x # comment", " a", "a ", " ", "  ", "\t",
        "a\tb", "\ta", "a\t", "<<", "=", "... a", "...a", "",
    ]

    /// Strings every reader reads back as themselves unquoted.
    static let plainStrings = [
        "auth", "v1", "apps/v1", "Deployment", "nginx:1.25", "1.25-alpine", "1Gi", "500m",
        "100Mi", "250m", "30s", "1h30m", "app.kubernetes.io/name", "RollingUpdate", "25%",
        "http://example.com:8080/path", "a:b", "a#b", "a,b", "a[b]", "a{b}", "a'b", "a\"b",
        "C:\\Windows", "a|b", "a>b", "a  b", "a - b", "a=b", "<<a", "==", "=a", "a...", "/healthz",
        "$(POD_IP)", "${VAR}", "8080/TCP", "10.0.0.0/8x", "Infinity", "NaN", "inf", "nan", "yes-no",
        "nully", "truex", "y2", "e", "E", "x", "_", "_1", ".env", ".git", "~foo", "héllo", "日本語",
        "😀", "emoji 😀 text", "Ωmega", "\u{A0}", "a\u{A0}", "\u{3000}a", "١٢٣", "e\u{301}",
        "hello world", "a.b.c", "ENV_VAR", "0.5Gi", "1.5h",
    ]

    @Test("YAML 1.1 bool and null words are quoted", arguments: boolAndNullWords)
    func boolAndNullWordsAreQuoted(_ word: String) {
        #expect(YAMLWriter.document(.string(word)) == "\"\(word)\"\n")
        #expect(YAMLWriter.document([word: .string(word)]) == "\"\(word)\": \"\(word)\"\n")
    }

    @Test("numbers and timestamps are quoted", arguments: numbersAndTimestamps)
    func numbersAndTimestampsAreQuoted(_ text: String) {
        #expect(YAMLWriter.document(["k": .string(text)]) == "k: \"\(text)\"\n")
    }

    @Test("indicators, `: `, ` #` and edge spaces are quoted", arguments: indicatorsAndSpaces)
    func indicatorsAreQuoted(_ text: String) {
        let written = YAMLWriter.document(["k": .string(text)])
        #expect(written.hasPrefix("k: \""), "\(written)")
        #expect(written.hasSuffix("\"\n"), "\(written)")
    }

    @Test("ordinary strings stay plain", arguments: plainStrings)
    func ordinaryStringsArePlain(_ text: String) {
        #expect(YAMLWriter.document(["k": .string(text)]) == "k: \(text)\n")
        #expect(YAMLWriter.document([text: 1]) == "\(text): 1\n")
        #expect(YAMLWriter.document([.string(text)]) == "- \(text)\n")
    }

    @Test(
        "double quotes escape what they must",
        arguments: [
            ("\"a\"b'", #""\"a\"b'""#),
            ("back\\slash ", #""back\\slash ""#),
            ("tab\there", #""tab\there""#),
            ("\r\n", #""\r\n""#),
            ("nul\u{0}", #""nul\0""#),
            ("bell\u{7}", #""bell\x07""#),
            ("\u{1B}[31m", #""\x1B[31m""#),
            ("del\u{7F}", #""del\x7F""#),
            ("c1\u{80}\u{85}\u{9F}", #""c1\x80\x85\x9F""#),
            ("a\u{2028}b\u{2029}", #""a\u2028b\u2029""#),
            ("\u{FEFF}bom", #""\uFEFFbom""#),
            ("\u{FFFE}\u{FFFF}", #""\uFFFE\uFFFF""#),
            ("ünï 😀 \u{A0}\u{FFFD}\u{10FFFF}", "ünï 😀 \u{A0}\u{FFFD}\u{10FFFF}"),
            ("- ünï", "\"- ünï\""),
        ]
    )
    func escapes(_ text: String, _ expected: String) {
        #expect(YAMLWriter.document(["k": .string(text)]) == "k: \(expected)\n")
    }

    @Test("a line break in a key is escaped, never a block scalar")
    func keyWithLineBreak() {
        #expect(YAMLWriter.document(["a\nb": "c"]) == "\"a\\nb\": c\n")
    }

    @Test("integers, bools and null are plain")
    func nonStringScalars() {
        let value: YAMLValue = [
            "zero": 0, "negative": -42, "max": .int(.max), "min": .int(.min), "yes": true,
            "no": false, "nothing": .null,
        ]
        #expect(
            YAMLWriter.document(value) == """
                zero: 0
                negative: -42
                max: 9223372036854775807
                min: -9223372036854775808
                "yes": true
                "no": false
                nothing: null

                """
        )
    }
}
