/// How the writer spells one string: the choice is made by ``init(utf8:in:)``, which scans
/// the string's UTF-8 bytes once.
enum YAMLScalarStyle: Equatable {
    /// Where a string stands, which limits the styles it can take.
    enum Position {
        /// A mapping key: one line, never a block scalar.
        case key
        /// A value in a mapping or sequence.
        case value
        /// The whole document: a block scalar only without an indentation indicator, whose
        /// meaning at the top level differs between the spec and libyaml.
        case root
    }

    /// What a literal block scalar does with the text's trailing line breaks.
    enum Chomping: Equatable {
        /// `|-`: the text has no trailing line break.
        case strip
        /// `|`: the text has exactly one.
        case clip
        /// `|+`: the text has two or more.
        case keep
    }

    /// Unquoted, because every YAML 1.1 and 1.2 reader reads it back as the same string.
    case plain
    /// Double-quoted on one line, with escapes.
    case doubleQuoted
    /// A literal block scalar (`|`) whose lines are indented two spaces past the parent.
    /// `indentationIndicator` is set when the first line starts with a space, tab or line
    /// break, so that the indentation cannot be detected from it.
    case literal(chomping: Chomping, indentationIndicator: Bool)
}
