import ERSModel
import Foundation
import Testing

@Suite("YearMonth")
struct YearMonthTests {
    @Test func parsesAndPrintsYYYYMM() throws {
        let month = try #require(YearMonth("2026-01"))
        #expect(month.year == 2026)
        #expect(month.month == 1)
        #expect(month.description == "2026-01")
        #expect(YearMonth("0001-12")?.description == "0001-12")
    }

    @Test(arguments: ["2026-1", "2026-13", "2026-00", "0000-01", " 2026-01", "2026-01 ", "2026/01", "20261-01", "２０２６-01", "", "-026-01"])
    func refusesMalformedMonths(_ text: String) {
        #expect(YearMonth(text) == nil)
    }

    @Test func refusesMonthOutsideOneToTwelve() {
        #expect(YearMonth(year: 2026, month: 0) == nil)
        #expect(YearMonth(year: 2026, month: 13) == nil)
        #expect(YearMonth(year: Int.max, month: 12) == nil)
    }

    @Test func decemberRollsOverToJanuary() throws {
        let december = try #require(YearMonth("2025-12"))
        #expect(december.next.description == "2026-01")
        #expect(december.advanced(by: 1) == YearMonth("2026-01"))
        #expect(try #require(YearMonth("2026-01")).advanced(by: -1) == december)
        #expect(december.advanced(by: 25).description == "2028-01")
        #expect(december.advanced(by: -24).description == "2023-12")
        #expect(december.distance(to: try #require(YearMonth("2026-04"))) == 4)
    }

    @Test func windowIsAClosedRangeOfMonths() throws {
        let asOf = try #require(YearMonth("2025-11"))
        let months = (asOf...asOf.advanced(by: 3)).map(\.description)
        #expect(months == ["2025-11", "2025-12", "2026-01", "2026-02"])
        #expect(asOf < asOf.next)
    }

    @Test func firstInstantIsUTCMidnightOfTheFirst() throws {
        let january = try #require(YearMonth("2026-01"))
        #expect(january.firstInstantLiteral == "2026-01-01 00:00:00+00")
        #expect(january.firstInstantUnixTime == 1_767_225_600)
        #expect(YearMonth("1970-01")?.firstInstantUnixTime == 0)
    }

    @Test func februaryBoundsInLeapAndCommonYears() throws {
        let february2026 = try #require(YearMonth("2026-02"))
        #expect(february2026.firstInstantLiteral == "2026-02-01 00:00:00+00")
        #expect(february2026.next.firstInstantLiteral == "2026-03-01 00:00:00+00")
        #expect(february2026.firstInstantUnixTime == 1_769_904_000)
        #expect(february2026.next.firstInstantUnixTime - february2026.firstInstantUnixTime == 28 * 86_400)
        let february2024 = try #require(YearMonth("2024-02"))
        #expect(february2024.firstInstantUnixTime == 1_706_745_600)
        #expect(february2024.next.firstInstantUnixTime == 1_709_251_200)
        #expect(february2024.next.firstInstantUnixTime - february2024.firstInstantUnixTime == 29 * 86_400)
        #expect(YearMonth("1900-03")?.firstInstantUnixTime == -2_203_891_200)
        #expect(YearMonth("2000-03")?.firstInstantUnixTime == 951_868_800)
    }

    @Test func containingUnixTimeUsesUTC() {
        #expect(YearMonth(containingUnixTime: 0).description == "1970-01")
        #expect(YearMonth(containingUnixTime: -1).description == "1969-12")
        #expect(YearMonth(containingUnixTime: 1_767_225_599).description == "2025-12")
        #expect(YearMonth(containingUnixTime: 1_767_225_600).description == "2026-01")
        #expect(YearMonth(containingUnixTime: 1_709_251_199).description == "2024-02")
    }

    @Test func roundTripsAgreeOverFourCenturies() throws {
        var month = try #require(YearMonth("1900-01"))
        for _ in 0..<(400 * 12) {
            #expect(YearMonth(containingUnixTime: month.firstInstantUnixTime) == month)
            #expect(YearMonth(containingUnixTime: month.next.firstInstantUnixTime - 1) == month)
            month = month.next
        }
    }

    @Test func codesAsAString() throws {
        let data = try JSONEncoder().encode([YearMonth("2026-03")])
        #expect(String(decoding: data, as: UTF8.self) == #"["2026-03"]"#)
        #expect(try JSONDecoder().decode([YearMonth].self, from: data) == [YearMonth("2026-03")])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([YearMonth].self, from: Data(#"["2026-3"]"#.utf8)) }
    }
}
