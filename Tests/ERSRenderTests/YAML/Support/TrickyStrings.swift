/// Strings that YAML writers get wrong: every quoting case of ``YAMLQuotingTests`` plus
/// control characters, unicode, multi-line text and long text.
enum TrickyStrings {
    /// Multi-line texts: every chomping mode, indentation-indicator cases, and texts that
    /// need the double-quoted fallback.
    static let multiLine = [
        "a\nb", "a\nb\n", "a\nb\n\n", "a\nb\n\n\n", "\na", "\n\na\n", " a\nb", "  indented\n    more\n",
        "\ta\nb", "a\n\tb", "a\n\n\nb", "a \nb ", "line\n  \n", "\n", "\n\n", "a\n ", "a\n  \n\n",
        "   \n", " \n a", "\n \n", "\t\n", "x\n\u{FEFF}y", "|\n>", "\"\\\n'", "a\r\nb", "a\u{85}b\nc",
        "a\u{2028}\nb", "trailing spaces   \nok", "# not a comment\n---\n...\n", "key: value\n- item\n",
        "server {\n    listen 80;\n\n    location / {\n        proxy_pass http://auth:8080;\n    }\n}\n",
        "SELECT *\n  FROM reports\n WHERE owner = 'ops' -- \"quoted\"\n;\n", "---\n", "...\n", "- a\n- b",
        "ünï\ncödé 😀\n", "\u{A0}\nx", String(repeating: "a line of text\n", count: 100),
    ]

    /// Control characters, unicode, whitespace and long text on one line.
    static let singleLine = [
        "\u{0}", "\u{1}", "a\u{7}b", "\u{1B}[31m", "\u{7F}", "\u{80}", "\u{85}", "\u{9F}", "a\u{2028}b",
        "a\u{2029}b", "\u{FEFF}bom", "a\u{FEFF}", "\u{FFFE}", "\u{FFFF}", "\r", "\r\n", "\u{E000}",
        "\u{FFFD}", "\u{10FFFF}", "ＡＢＣ", "٣.١٤", "e\u{301}", "a\u{A0}b", "\u{A0}", "\u{3000}a",
        "\\", "\\n", "\"", "'", "''", "\"\"", "a'b\"c\\d", "#", "a #", "a:", "a: ", ":", "-1:20",
        String(repeating: "long ", count: 400), String(repeating: "x", count: 5000),
    ]

    /// Everything: the quoting tables, the lists above.
    static let all: [String] =
        YAMLQuotingTests.boolAndNullWords + YAMLQuotingTests.numbersAndTimestamps
        + YAMLQuotingTests.indicatorsAndSpaces + YAMLQuotingTests.plainStrings + multiLine + singleLine
}
