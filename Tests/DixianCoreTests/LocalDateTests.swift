import DixianCore
import Testing

/// LocalDate holds only real days and does day arithmetic exactly.
struct LocalDateTests {
    @Test func impossibleDaysAreRefused() {
        #expect(LocalDate(year: 2023, month: 2, day: 29) == nil)
        #expect(LocalDate(year: 2024, month: 2, day: 29) != nil)
        #expect(LocalDate(year: 1900, month: 2, day: 29) == nil)
        #expect(LocalDate(year: 2000, month: 2, day: 29) != nil)
        #expect(LocalDate(year: 2024, month: 13, day: 1) == nil)
        #expect(LocalDate(year: 2024, month: 4, day: 31) == nil)
        #expect(LocalDate(iso: "2024-1-05") == nil)
        #expect(LocalDate(iso: "2024/01/05") == nil)
        #expect(LocalDate(iso: "２０２４-01-05") == nil)
    }

    @Test func dayNumbersRoundTripAcrossFourCenturies() {
        for dayNumber in stride(from: -30_000, through: 150_000, by: 7) {
            let date = LocalDate(dayNumber: dayNumber)
            #expect(date.dayNumber == dayNumber)
            #expect(LocalDate(year: date.year, month: date.month, day: date.day) == date)
        }
    }

    @Test func arithmeticAndWeekdays() throws {
        let nationalDay = try #require(LocalDate(iso: "2024-10-01"))
        #expect(nationalDay.weekday == 2)  // a Tuesday
        #expect(nationalDay.adding(days: 15).description == "2024-10-16")
        #expect(nationalDay.adding(days: -1).description == "2024-09-30")
        #expect(LocalDate(iso: "2024-12-31")!.days(until: LocalDate(iso: "2025-03-31")!) == 90)
        #expect(LocalDate(dayNumber: 0).description == "1970-01-01")
    }
}
