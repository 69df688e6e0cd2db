import Foundation

/// A systemd calendar event (`OnCalendar=` syntax of systemd.time(7)), parsed and normalized.
public struct CalendarEvent: Sendable, Hashable, CustomStringConvertible {
  /// The expression as written.
  public let original: String
  /// The expression as systemd normalizes it, e.g. `*-*-* *:02/3:00`.
  public let normalized: String
  /// The zone the expression names (`UTC`, `Asia/Shanghai`), nil when it names none.
  public let timeZone: TimeZone?
  let fields: CalendarFields

  /// Parses an expression; throws naming the part that is wrong.
  public init(parsing expression: String) throws(CalendarSpecError) {
    let fields = try CalendarParser.parse(expression)
    self.original = expression
    self.fields = fields
    self.normalized = CalendarFormatter.format(fields)
    if fields.utc {
      self.timeZone = TimeZone(secondsFromGMT: 0)
    } else {
      self.timeZone = fields.zoneName.flatMap(ZoneNames.zone)
    }
  }

  /// The normalized form.
  public var description: String { normalized }

  /// The first elapse strictly after `base`, evaluated in the expression's zone or else in `zone`;
  /// nil when the event never elapses again.
  public func nextElapse(after base: Date, in zone: TimeZone) -> Date? {
    var search = makeSearch(zone)
    return search.next(after: Self.micros(base)).map(Self.date)
  }

  /// The elapses strictly after `base`, in order, computed lazily.
  public func elapses(after base: Date, in zone: TimeZone) -> some Sequence<Date> {
    ElapseSequence(search: makeSearch(zone), base: Self.micros(base))
  }

  private func makeSearch(_ zone: TimeZone) -> ElapseSearch {
    ElapseSearch(
      wall: WallClockSearch(fields: fields), everyHour: fields.everyHour,
      offsets: ZoneOffsets(zone: timeZone ?? zone))
  }

  static func micros(_ date: Date) -> Int64 {
    Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
  }

  static func date(_ micros: Int64) -> Date {
    Date(timeIntervalSince1970: TimeInterval(micros) / 1_000_000)
  }
}

/// The lazy sequence of elapses returned by `CalendarEvent.elapses(after:in:)`.
struct ElapseSequence: Sequence, IteratorProtocol {
  var search: ElapseSearch
  var base: Int64?

  mutating func next() -> Date? {
    guard let current = base, let next = search.next(after: current) else {
      base = nil
      return nil
    }
    base = next
    return CalendarEvent.date(next)
  }
}
