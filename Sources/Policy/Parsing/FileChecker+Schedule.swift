import CalendarSpec
import Foundation

extension FileChecker {
  /// The `[[schedule]]` entries of `schedules.toml`, checking each calendar against `base` in `zone`.
  mutating func schedules(_ root: Section, zone: TimeZone, base: Date) -> [Schedule]? {
    let before = problems.count
    allow(root, keys: ["schedule"])
    var schedules: [Schedule] = []
    for section in tables(root, "schedule", inline: false, required: true) ?? [] {
      guard let schedule = schedule(section, zone: zone, base: base) else { continue }
      if let earlier = schedules.firstIndex(where: { $0.id == schedule.id }) {
        report(
          section.ref, "id",
          "'\(schedule.id)' is already the id of [[schedule]][\(earlier + 1)]; "
            + "expected unique ids")
      }
      schedules.append(schedule)
    }
    return problems.count == before ? schedules : nil
  }

  private mutating func schedule(_ section: Section, zone: TimeZone, base: Date) -> Schedule? {
    let before = problems.count
    let name = word(section, "report", as: ReportName.self, required: true)
    allow(section, keys: name?.keys ?? ReportName.allCases.flatMap(\.keys).uniqued())
    let id = string(section, "id", required: true)
    let title = string(section, "title", required: true)
    let calendar = calendarEvent(section, "calendar", zone: zone, base: base)
    let days = word(section, "days", as: DayFilter.self) ?? .all
    let audience =
      name == .overdueEscalation ? nil : word(section, "audience", as: Audience.self, required: true)
    let report = name.flatMap { self.report($0, section) }
    guard problems.count == before, let id, let title, let calendar, let report,
      let audience = audience ?? report.firstAudience
    else { return nil }
    return Schedule(id: id, title: title, calendar: calendar, days: days, audience: audience, report: report)
  }

  private mutating func calendarEvent(_ section: Section, _ key: String, zone: TimeZone, base: Date)
    -> CalendarEvent?
  {
    let expected = "a systemd calendar expression such as '*-*-25 09:00'"
    guard let text = string(section, key, required: true, expected: expected) else { return nil }
    let event: CalendarEvent
    do {
      event = try CalendarEvent(parsing: text)
    } catch {
      report(section.ref, key, "\(error)")
      return nil
    }
    guard event.nextElapse(after: base, in: zone) != nil else {
      report(
        section.ref, key,
        "'\(text)' never elapses after \(LocalDate(base, in: zone)); "
          + "expected an expression that names a time that exists")
      return nil
    }
    return event
  }
}

extension Report {
  /// Who hears of an escalation first.
  var firstAudience: Audience? {
    if case .overdueEscalation(let escalation) = self { return escalation.steps.first?.audience }
    return nil
  }
}

extension Array where Element: Hashable {
  /// The elements without repeats, in first-seen order.
  func uniqued() -> [Element] {
    var seen: Set<Element> = []
    return filter { seen.insert($0).inserted }
  }
}
