import Foundation

extension Facts {
  /// The latest instant a fact is dated at (campaigns, announced ahead, aside); nil when none is dated.
  ///
  /// The planner ignores facts dated after its clock; a plan stored as the plan of these facts is made at this
  /// instant at the earliest, so that a clock read before a concurrent write committed cannot leave that write's
  /// facts out of a plan stamped current.
  public var latestInstant: Date? {
    var latest = Date.distantPast
    for household in households.values {
      for state in household.states where state.since > latest { latest = state.since }
      for grade in household.grades where grade.since > latest { latest = grade.since }
      for event in household.events where event.at > latest { latest = event.at }
    }
    if let contact = households.latestContact, contact > latest { latest = contact }
    for tickets in ticketsByHousehold.values {
      for ticket in tickets { if let closed = ticket.closedAt, closed > latest { latest = closed } }
    }
    for waivers in waiversByHousehold.values {
      for waiver in waivers where waiver.at > latest { latest = waiver.at }
    }
    for area in areas.values {
      for assignment in area.stewards where assignment.since > latest { latest = assignment.since }
    }
    return latest == .distantPast ? nil : latest
  }
}
