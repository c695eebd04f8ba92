import ERSModel
import Testing

@Suite("Did-you-mean suggestions")
struct ClosestMatchTests {
    static let specKeys = ["replicas", "resources", "image", "ports", "port", "environment", "name"]

    @Test(
        "suggests the closest key within max(2, length / 3) edits",
        arguments: [
            ("replics", String?.some("replicas")), ("imgae", "image"), ("Replicas", "replicas"),
            ("enviroment", "environment"), ("ports", "ports"), ("prots", "ports"), ("nane", "name"), ("nmae", "image"),
            ("resorces", "resources"), ("foo", nil), ("environmentVariables", nil), ("", nil), ("x", nil),
        ])
    func suggestion(text: String, expected: String?) {
        #expect(closestMatch(to: text, among: Self.specKeys) == expected)
    }

    @Test("ties go to the candidate listed first; empty candidates are ignored")
    func ties() {
        #expect(closestMatch(to: "cat", among: ["bat", "hat"]) == "bat")
        #expect(closestMatch(to: "cat", among: ["hat", "bat"]) == "hat")
        #expect(closestMatch(to: "ab", among: ["", "zz"]) == "zz")
        #expect(closestMatch(to: "ab", among: []) == nil)
    }

    @Test(
        "Levenshtein distance",
        arguments: [
            ("kitten", "sitting", 3), ("", "abc", 3), ("abc", "", 3), ("abc", "abc", 0), ("flaw", "lawn", 2),
            ("é", "e", 1), ("Name", "name", 1),
        ])
    func distance(a: String, b: String, expected: Int) {
        #expect(levenshteinDistance(a, b) == expected)
        #expect(levenshteinDistance(b, a) == expected)
    }
}
