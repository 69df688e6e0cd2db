import Store

/// Who is calling: the token the request carried, known for the duration of the request.
struct Caller: Sendable {
  /// The request's caller; set by the authentication middleware before any operation runs.
  @TaskLocal static var current: Caller?

  /// The token.
  let token: TokenRecord

  /// Whom it speaks for.
  var principal: Principal { token.principal }

  /// The caller of the running request.
  static func required() throws -> Caller {
    guard let current else { throw Problem.unauthenticated }
    return current
  }
}

/// Where a household belongs now: what decides who may see it.
struct HouseholdOwnership: Sendable {
  /// Its project.
  let project: String
  /// The steward in charge of its area now.
  let steward: String
}

extension Principal {
  /// Whether the caller may read the household's brief and tasks.
  func mayRead(_ household: HouseholdOwnership) -> Bool {
    switch self {
    case .steward(let id): household.steward == id
    case .lead(let project): household.project == project
    case .operations, .admin: true
    case .integration(_, let scopes): scopes.contains(.reportsRead)
    case .calendar: false
    }
  }

  /// Whether the caller may read the owner's full name and phone: the household's steward, its lead, operations.
  func mayRevealContact(_ household: HouseholdOwnership) -> Bool {
    switch self {
    case .steward(let id): household.steward == id
    case .lead(let project): household.project == project
    case .operations: true
    case .admin, .integration, .calendar: false
    }
  }

  /// Whether the caller may record a visit to the household (as `steward`).
  func mayRecordVisit(_ household: HouseholdOwnership, as steward: String) -> Bool {
    switch self {
    case .steward(let id): household.steward == id && steward == id
    case .lead: false
    case .operations, .admin: true
    case .integration(_, let scopes): scopes.contains(.visitsWrite)
    case .calendar: false
    }
  }

  /// Whether the caller may void facts (a visit entered by mistake).
  var mayVoid: Bool {
    switch self {
    case .operations, .admin: true
    case .steward, .lead, .integration, .calendar: false
    }
  }

  /// The tasks the caller may list: nil for all, else the one steward's or project's.
  var taskScope: (steward: String?, project: String?)? {
    switch self {
    case .steward(let id): (id, nil)
    case .lead(let project): (nil, project)
    case .operations, .admin: nil
    case .integration(_, let scopes): scopes.contains(.reportsRead) ? nil : ("", "")
    case .calendar: ("", "")
    }
  }

  /// Whether the caller may record an event, state or grade of the household: its steward, operations, admins,
  /// an integration with `events:write`.
  func mayRecordEvent(_ household: HouseholdOwnership) -> Bool {
    switch self {
    case .steward(let id): household.steward == id
    case .lead: false
    case .operations, .admin: true
    case .integration(_, let scopes): scopes.contains(.eventsWrite)
    case .calendar: false
    }
  }

  /// Whether the caller may say a ticket was closed: an integration with `events:write`, operations, admins.
  var mayCloseTicket: Bool {
    switch self {
    case .operations, .admin: true
    case .integration(_, let scopes): scopes.contains(.eventsWrite)
    case .steward, .lead, .calendar: false
    }
  }

  /// Whether the caller may manage `project` (waive its tasks, assign its areas): operations, admins, its lead.
  func mayManage(project: String) -> Bool {
    switch self {
    case .lead(let own): own == project
    case .operations, .admin: true
    case .steward, .integration, .calendar: false
    }
  }

  /// Whether the caller may create campaigns: operations and admins.
  var mayCreateCampaign: Bool {
    switch self {
    case .operations, .admin: true
    case .steward, .lead, .integration, .calendar: false
    }
  }

  /// The project whose part of `steward`'s day or month the caller sees (nil: all of it); 403 when none.
  func projectSeen(ofSteward steward: String) throws -> String? {
    switch self {
    case .steward(let id) where id == steward: return nil
    case .steward: throw Problem.forbidden("a steward sees only their own plan")
    case .lead(let own): return own
    case .operations, .admin: return nil
    case .integration(_, let scopes) where scopes.contains(.reportsRead): return nil
    case .integration: throw Problem.forbidden("the token lacks the scope reports:read")
    case .calendar: throw Problem.forbidden("a calendar secret reads only its feed")
    }
  }

  /// The project the caller's reports cover given the one asked for (nil: all); 403 when they may not read it.
  func reportProject(asked project: String?) throws -> String? {
    switch self {
    case .operations, .admin: return project
    case .integration(_, let scopes) where scopes.contains(.reportsRead): return project
    case .integration: throw Problem.forbidden("the token lacks the scope reports:read")
    case .lead(let own):
      guard project == nil || project == own else {
        throw Problem.forbidden("a lead reads only their own project's reports")
      }
      return own
    case .steward: throw Problem.forbidden("stewards do not read reports")
    case .calendar: throw Problem.forbidden("a calendar secret reads only its feed")
    }
  }

  /// Whether the caller may read the outbox: admins only.
  var mayReadOutbox: Bool {
    if case .admin = self { return true }
    return false
  }
}
