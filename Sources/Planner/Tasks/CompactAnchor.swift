import CalendarSpec
import Policy

/// A task anchor stored in 24 bytes: months and days as integers instead of dates.
enum CompactAnchor: Sendable, Hashable {
  /// A quota period: its kind and first month index.
  case period(Period, Int32)
  /// An event and its local day number.
  case event(EventName, Int32)
  /// A ticket number.
  case ticket(String)
  /// A campaign id.
  case campaign(String)

  /// The compact form of `anchor`.
  init(_ anchor: TaskAnchor) {
    switch anchor {
    case .period(let key): self = .period(key.period, Int32(key.first.index))
    case .event(let name, let day): self = .event(name, Int32(day.dayNumber))
    case .ticket(let number): self = .ticket(number)
    case .campaign(let id): self = .campaign(id)
    }
  }

  /// The anchor it stands for.
  var anchor: TaskAnchor {
    switch self {
    case .period(let kind, let first):
      return .period(PeriodKey(kind, containing: YearMonth(index: Int(first))))
    case .event(let name, let day): return .event(name, LocalDate(dayNumber: Int(day)))
    case .ticket(let number): return .ticket(number)
    case .campaign(let id): return .campaign(id)
    }
  }
}
