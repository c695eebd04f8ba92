public import ArgumentParser
public import ERSModel
import Foundation

extension YearMonth: ArgumentParser.ExpressibleByArgument {
    /// Parses `--as-of YYYY-MM`.
    public init?(argument: String) { self.init(argument) }
}

extension YearMonth {
    /// The current month in UTC.
    static var current: YearMonth { YearMonth(containingUnixTime: Int64(Date().timeIntervalSince1970)) }
}
