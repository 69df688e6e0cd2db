import CalendarSpec
import Foundation
import Planner
import Policy
import Store

/// The facts a person enters one at a time (an event, a steward taking over an area, a waiver, a campaign),
/// each checked against the store and recorded with its re-plan.
extension FactRecording {
  /// Records a state, grade or dated event of `household` at the local time `when` (its project's zone).
  public func recordEvent(_ change: HouseholdEntry.Change, household: String, at when: String) throws
    -> RecordedFacts
  {
    guard let found = try store.household(household) else {
      throw OperationError("'\(household)' is not a known household")
    }
    let instant = try pastInstant(when, zone: try zone(ofProject: found.project))
    var batch = FactBatch()
    batch.householdEntries = [HouseholdEntry(household: household, change: change, at: instant)]
    return try record(batch)
  }

  /// Records that ticket `number` was closed at the local time `when` (the rules' zone).
  public func recordTicketClosed(_ number: String, at when: String) throws -> RecordedFacts {
    let zone = rules?.settings.timeZone.identifier ?? "Asia/Shanghai"
    var batch = FactBatch()
    batch.ticketClosures = [TicketClosure(number: number, at: try LocalTime.instant(when, zone: zone))]
    return try record(batch)
  }

  /// Records that `steward` takes over `area` at the local time `when`; nothing when they are in charge then.
  public func assignSteward(_ steward: String, area: String, at when: String) throws -> RecordedFacts {
    let catalog = try store.catalog(withHouseholds: false)
    guard let found = try store.read({ try $0.area(area) }) else {
      throw OperationError("'\(area)' is not a known area")
    }
    guard catalog.stewards.contains(steward) else {
      throw OperationError("'\(steward)' is not a known steward")
    }
    let since = try LocalTime.instant(when, zone: catalog.projectZones[found.project] ?? "Asia/Shanghai")
    var batch = FactBatch()
    // The same steward again is no change of steward: it owes the area no sweep.
    if found.steward(at: since) != steward {
      batch.assignments = [AreaAssignment(area: area, steward: steward, since: since)]
    }
    return try record(batch)
  }

  /// Waives task `task` with `reason`, now.
  public func waive(task: String, reason: String) throws -> RecordedFacts {
    guard task.split(separator: "/").count >= 4 else {
      throw OperationError("'\(task)' is not a task id; expected HOUSEHOLD/RULE/ANCHOR/ORDINAL")
    }
    guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
      throw OperationError("reason is empty")
    }
    var batch = FactBatch()
    batch.waivers = [Waiver(task: task, reason: reason, at: clock)]
    return try record(batch)
  }

  /// Creates (or updates) a campaign of `rule` over `project` (some `buildings` of it when given) for the days
  /// `first` through `last`.
  public func createCampaign(
    id: String?, rule: String, project: String, buildings: Set<String>?, first: LocalDate, last: LocalDate
  ) throws -> RecordedFacts {
    guard first <= last else { throw OperationError("the first day \(first) is after the last day \(last)") }
    if let rules, rules.rule(rule) == nil { throw OperationError("'\(rule)' is not a rule") }
    let catalog = try store.catalog(withHouseholds: false)
    guard catalog.projectZones[project] != nil else {
      throw OperationError("'\(project)' is not a known project")
    }
    if let buildings {
      let known = Set(catalog.areas.values.filter { $0.project == project }.flatMap(\.buildings))
      let unknown = buildings.subtracting(known).sorted()
      guard unknown.isEmpty else {
        throw OperationError("not buildings of \(project): \(unknown.joined(separator: ", "))")
      }
    }
    var batch = FactBatch()
    batch.campaigns = [
      Campaign(
        id: id ?? "\(rule)-\(project)-\(first)", rule: rule, project: project, buildings: buildings,
        from: first,
        to: last)
    ]
    return try record(batch)
  }

  /// The zone of `project` as the store knows it.
  func zone(ofProject project: String) throws -> String {
    try store.catalog(withHouseholds: false).projectZones[project] ?? "Asia/Shanghai"
  }

  /// The instant of the local time `text` in `zone`, refused when it is after the clock.
  func pastInstant(_ text: String, zone: String) throws -> Date {
    let instant = try LocalTime.instant(text, zone: zone)
    guard instant <= clock else { throw OperationError("'\(text)' is in the future") }
    return instant
  }
}
