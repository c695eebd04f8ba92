import ERSModel
import Testing

/// Every short string over the quantity alphabet either parses to a quantity whose canonical
/// form is stable, or fails with an error naming the text: never a crash.
@Suite("Quantity robustness")
struct QuantityRobustnessTests {
    static let alphabet: [String] = [
        "0", "1", "5", "9", ".", "+", "-", "e", "E", "i", "K", "M", "G", "P", "m", "u", "n", "k", " ", "B",
    ]

    /// A deterministic pseudo-random sequence (a 64-bit linear congruential generator).
    struct Generator {
        var state: UInt64
        mutating func next(below bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    @Test("random texts parse to stable canonical forms or fail cleanly")
    func randomTexts() {
        var generator = Generator(state: 2024)
        var parsed = 0
        for _ in 0..<5000 {
            let length = generator.next(below: 9)
            let text = (0..<length).map { _ in Self.alphabet[generator.next(below: Self.alphabet.count)] }.joined()
            do {
                let quantity = try Quantity(parsing: text)
                parsed += 1
                let canonical = quantity.description
                let reparsed = try Quantity(parsing: canonical)
                #expect(reparsed == quantity, "\(text) → \(canonical)")
                #expect(reparsed.description == canonical, "\(text) → \(canonical)")
            } catch {
                #expect(error.text == text)
                #expect(!error.message.isEmpty)
            }
        }
        #expect(parsed > 100)
    }
}
