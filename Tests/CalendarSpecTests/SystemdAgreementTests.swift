import CalendarSpec
import Foundation
import Testing

/// CalendarSpec against the answers `systemd-analyze calendar` recorded in Fixtures/.
@Suite struct SystemdAgreementTests {
  @Test func enoughCasesAreRecorded() {
    #expect(Fixtures.elapses.count >= 300)
    let zones = Set(Fixtures.elapses.map(\.zone))
    #expect(zones.isSuperset(of: ["Europe/Berlin", "America/New_York"]))
  }

  @Test(arguments: Fixtures.elapses)
  func normalizesLikeSystemd(_ fixture: ElapseCase) throws {
    let event = try CalendarEvent(parsing: fixture.expression)
    #expect(event.normalized == fixture.normalized)
  }

  @Test(arguments: Fixtures.elapses)
  func elapsesLikeSystemd(_ fixture: ElapseCase) throws {
    let event = try CalendarEvent(parsing: fixture.expression)
    let base = Date(timeIntervalSince1970: TimeInterval(fixture.base))
    let elapses = event.elapses(after: base, in: Fixtures.zone(fixture.zone)).prefix(fixture.elapses.count)
    // systemd prints whole seconds, so fractional elapses are compared truncated.
    #expect(elapses.map { Int($0.timeIntervalSince1970.rounded(.down)) } == fixture.elapses)
    if fixture.elapses.isEmpty {
      #expect(event.nextElapse(after: base, in: Fixtures.zone(fixture.zone)) == nil)
    }
  }

  @Test(arguments: Fixtures.repeatedHour)
  func repeatedHourDiffersDeliberately(_ fixture: RepeatedHourCase) throws {
    let event = try CalendarEvent(parsing: fixture.expression)
    let base = Date(timeIntervalSince1970: TimeInterval(fixture.base))
    let elapses = event.elapses(after: base, in: Fixtures.zone(fixture.zone)).prefix(fixture.expected.count)
    #expect(elapses.map { Int($0.timeIntervalSince1970) } == fixture.expected)
    #expect(fixture.expected != fixture.systemd, "the fixture should show a difference from systemd")
  }

  @Test(arguments: Fixtures.invalid)
  func rejectsWhatSystemdRejects(_ fixture: InvalidCase) {
    #expect(throws: CalendarSpecError.self) { try CalendarEvent(parsing: fixture.expression) }
  }
}
