import CalendarSpec
import Testing

/// A span counts at most 10,000 units, so that adding it to a date cannot overflow (issue 16).
@Suite struct SpanLimitTests {
  @Test func spansBeyondTenThousandUnitsAreRefused() {
    #expect((try? CalendarSpan(parsing: "10000 years")) != nil)
    #expect(throws: CalendarSpecError.self) { try CalendarSpan(parsing: "10001 days") }
    #expect(throws: CalendarSpecError.self) { try CalendarSpan(parsing: "9223372036854775807 years") }
  }
}
