import CalendarSpec
import Policy

/// What a task is owed for: a calendar period, an event, a ticket or a campaign.
public enum TaskAnchor: Sendable, Hashable, CustomStringConvertible {
  /// A quota period (`2026-Q1`).
  case period(PeriodKey)
  /// A household or area event on a local day (`moved-in` on 2026-01-31).
  case event(EventName, LocalDate)
  /// A closed ticket, by number.
  case ticket(String)
  /// A campaign, by id.
  case campaign(String)

  /// The anchor as it appears in a task id: the period, the event's day, the ticket number or the campaign id.
  public var description: String {
    switch self {
    case .period(let key): return key.description
    case .event(_, let day): return day.description
    case .ticket(let number): return number
    case .campaign(let id): return id
    }
  }
}
