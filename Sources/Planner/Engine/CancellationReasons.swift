import CalendarSpec
import Foundation
import Policy

/// The reasons given for cancelled tasks, written once per rule, state, grade and day within a planning run, so
/// that the many tasks cancelled for the same reason share one string.
final class CancellationReasons {
  private struct Key: Hashable {
    let rule: Int
    let state: HouseholdState?
    let grade: Grade?
    let day: Int
  }

  private var written: [Key: String] = [:]

  /// Why a household in `state` with `grade` no longer matches `rule` on local `day`.
  func reason(rule: RuleEntry, state: HouseholdState?, grade: Grade?, day: LocalDate) -> String {
    let key = Key(rule: rule.index, state: state, grade: grade, day: day.dayNumber)
    if let text = written[key] { return text }
    let text =
      "no longer matches \(rule.id): state \(state?.rawValue ?? "unknown"), grade \(grade?.rawValue ?? "none") "
      + "since \(day)"
    written[key] = text
    return text
  }
}
