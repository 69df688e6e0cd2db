import CalendarSpec
import Foundation

extension FileChecker {
  /// The off days and make-up working days of a `holidays-<year>.toml` file.
  mutating func holidays(_ root: Section, year expectedYear: Int?) -> HolidayCalendar? {
    let before = problems.count
    allow(root, keys: ["year", "holiday"])
    let year = int(root, "year", minimum: 1, required: true)
    if let year, let expectedYear, year != expectedYear {
      report(root.ref, "year", "\(year) does not match the file name; expected \(expectedYear)")
    }
    let datesYear = expectedYear ?? year
    var calendar = HolidayCalendar(officialYears: Set([datesYear].compactMap { $0 }))
    for section in tables(root, "holiday", inline: false, required: true) ?? [] {
      allow(section, keys: ["name", "off", "working"])
      _ = string(section, "name", required: true)
      let off = dates(section, "off", year: datesYear, required: true)
      let working = dates(section, "working", year: datesYear)
      checkMakeUpDays(section, working, off: off)
      calendar.offDays.formUnion(off)
      calendar.workingDays.formUnion(working)
    }
    return problems.count == before ? calendar : nil
  }

  private mutating func checkMakeUpDays(_ section: Section, _ working: [LocalDate], off: [LocalDate]) {
    for date in working where date.isoWeekday <= 5 {
      report(
        section.ref, "working", "'\(date)' is a weekday; expected a Saturday or Sunday made a working day",
        value: date.description)
    }
    for date in working where off.contains(date) {
      report(
        section.ref, "working", "'\(date)' is also an off day; expected it in off or in working, not both",
        value: date.description)
    }
  }

  private mutating func dates(_ section: Section, _ key: String, year: Int?, required: Bool = false)
    -> [LocalDate]
  {
    let expected = "a date, a range \"first..last\" or an array of them"
    guard let node = value(section, key, required: required, expected: expected) else { return [] }
    let items: [TOMLNode]
    if case .array(let elements) = node { items = elements } else { items = [node] }
    return items.flatMap { dates(of: $0, section, key, year: year, expected: expected) }
  }

  private mutating func dates(
    of node: TOMLNode, _ section: Section, _ key: String, year: Int?, expected: String
  )
    -> [LocalDate]
  {
    let ends: [LocalDate]
    switch node {
    case .date(let date): ends = [date]
    case .string(let text): ends = dateRange(text, section, key)
    default:
      wrongType(section, key, expected: expected, found: node)
      return []
    }
    for date in ends where year != nil && date.year != year {
      report(
        section.ref, key, "'\(date)' is not in \(year ?? 0); expected dates of the file's year",
        value: date.description)
      return []
    }
    guard let first = ends.first, let last = ends.last else { return [] }
    return (0...(last.dayNumber - first.dayNumber)).map { first.adding(days: $0) }
  }

  /// The first and last day of a range (one day for a single date); expanded once both are checked.
  private mutating func dateRange(_ text: String, _ section: Section, _ key: String) -> [LocalDate] {
    let ends = text.components(separatedBy: "..").map { $0.trimmingCharacters(in: .whitespaces) }
    let dates = ends.compactMap { LocalDate(parsing: $0) }
    guard ends.count <= 2, dates.count == ends.count else {
      report(
        section.ref, key, "'\(text)': expected a date YYYY-MM-DD or a range YYYY-MM-DD..YYYY-MM-DD",
        value: text)
      return []
    }
    guard let first = dates.first, let last = dates.last, first <= last else {
      report(section.ref, key, "'\(text)' ends before it starts; expected first..last", value: text)
      return []
    }
    guard last.dayNumber - first.dayNumber < 366 else {
      report(
        section.ref, key, "'\(text)' is longer than a year; expected the days of one holiday", value: text)
      return []
    }
    return [first, last]
  }
}
