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
    }
  }

  /// Whether the caller may read the owner's full name and phone: the household's steward, its lead, operations.
  func mayRevealContact(_ household: HouseholdOwnership) -> Bool {
    switch self {
    case .steward(let id): household.steward == id
    case .lead(let project): household.project == project
    case .operations: true
    case .admin, .integration: false
    }
  }

  /// Whether the caller may record a visit to the household (as `steward`).
  func mayRecordVisit(_ household: HouseholdOwnership, as steward: String) -> Bool {
    switch self {
    case .steward(let id): household.steward == id && steward == id
    case .lead: false
    case .operations, .admin: true
    case .integration(_, let scopes): scopes.contains(.visitsWrite)
    }
  }

  /// Whether the caller may void facts (a visit entered by mistake).
  var mayVoid: Bool {
    switch self {
    case .operations, .admin: true
    case .steward, .lead, .integration: false
    }
  }

  /// The tasks the caller may list: nil for all, else the one steward's or project's.
  var taskScope: (steward: String?, project: String?)? {
    switch self {
    case .steward(let id): (id, nil)
    case .lead(let project): (nil, project)
    case .operations, .admin: nil
    case .integration(_, let scopes): scopes.contains(.reportsRead) ? nil : ("", "")
    }
  }
}
