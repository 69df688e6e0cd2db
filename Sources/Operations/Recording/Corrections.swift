import Foundation
import Planner
import Store

/// Corrections: a visit, waiver or history entry entered by mistake is voided, as a fact of its own (who, when,
/// why); the original stays in the history and the re-plan reopens what it had settled.
extension FactRecording {
  /// Voids visit `id` for `reason`, by `by`, now.
  public func voidVisit(_ id: String, reason: String, by: String) throws -> RecordedFacts {
    try void(.visit(id), reason: reason, by: by)
  }

  /// Voids the waiver of task `task` for `reason`, by `by`, now.
  public func voidWaiver(task: String, reason: String, by: String) throws -> RecordedFacts {
    try void(.waiver(task: task), reason: reason, by: by)
  }

  /// Voids the state, grade or event `change` of `household` recorded at the local time `when` (its project's
  /// zone), for `reason`, by `by`, now.
  public func voidEntry(
    _ change: HouseholdEntry.Change, household: String, at when: String, reason: String, by: String
  ) throws -> RecordedFacts {
    guard let found = try store.household(household) else {
      throw OperationError("'\(household)' is not a known household")
    }
    let instant = try LocalTime.instant(when, zone: try zone(ofProject: found.project))
    return try void(
      .entry(HouseholdEntry(household: household, change: change, at: instant)), reason: reason, by: by)
  }

  private func void(_ subject: Correction.Subject, reason: String, by: String) throws -> RecordedFacts {
    guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
      throw OperationError("reason is empty")
    }
    guard !by.trimmingCharacters(in: .whitespaces).isEmpty else {
      throw OperationError("who voids it is not said")
    }
    var batch = FactBatch()
    batch.corrections = [Correction(subject, reason: reason, by: by, at: clock)]
    do {
      return try record(batch)
    } catch let error as StoreError {
      throw OperationError(error.message)
    }
  }
}
