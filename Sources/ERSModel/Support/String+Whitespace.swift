extension String {
    /// The string without leading and trailing whitespace (Unicode `isWhitespace`).
    func trimmingWhitespace() -> String {
        let characters = drop(while: \.isWhitespace)
        guard let last = characters.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(characters[...last])
    }
}
