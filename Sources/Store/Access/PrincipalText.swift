import Foundation

extension Principal {
  /// What the principal is without its scopes: `steward:S`, `lead:P`, `operations`, `admin`, `integration:NAME`, `calendar:S`.
  public var identity: String {
    switch self {
    case .steward(let id): "steward:\(id)"
    case .lead(let project): "lead:\(project)"
    case .operations: "operations"
    case .admin: "admin"
    case .integration(let name, _): "integration:\(name)"
    case .calendar(let steward): "calendar:\(steward)"
    }
  }

  /// The scopes of an integration; empty for every other principal.
  public var scopes: Set<Scope> {
    if case .integration(_, let scopes) = self { return scopes }
    return []
  }

  /// Reads `identity` back, with `scopes` for an integration (other principals take none); nil when `identity`
  /// names no principal, or a name is empty.
  public init?(identity: String, scopes: Set<Scope> = []) {
    let colon = identity.firstIndex(of: ":")
    let kind = colon.map { String(identity[..<$0]) } ?? identity
    let name = colon.map { String(identity[identity.index(after: $0)...]) }
    guard name?.isEmpty != true else { return nil }
    switch (kind, name) {
    case ("operations", nil) where scopes.isEmpty: self = .operations
    case ("admin", nil) where scopes.isEmpty: self = .admin
    case ("steward", let name?) where scopes.isEmpty: self = .steward(name)
    case ("lead", let name?) where scopes.isEmpty: self = .lead(project: name)
    case ("integration", let name?): self = .integration(name: name, scopes: scopes)
    case ("calendar", let name?) where scopes.isEmpty: self = .calendar(steward: name)
    default: return nil
    }
  }

  /// Reads `description` back: an identity, an integration's followed by its scopes in brackets
  /// (`integration:crm[events:write,visits:write]`); nil when the text names no principal or an unknown scope.
  public init?(text: String) {
    guard text.hasPrefix("integration:"), text.hasSuffix("]"), let open = text.lastIndex(of: "[") else {
      self.init(identity: text)
      return
    }
    let listed = text[text.index(after: open)..<text.index(before: text.endIndex)]
    guard let scopes = Scope.set(text: String(listed)) else { return nil }
    self.init(identity: String(text[..<open]), scopes: scopes)
  }
}

extension Scope {
  /// Scopes as stored: their names sorted and joined by commas (empty for none).
  public static func text(_ scopes: Set<Scope>) -> String {
    scopes.map(\.rawValue).sorted().joined(separator: ",")
  }

  /// Reads `text(_:)` back; nil when a name is not a scope.
  public static func set(text: String) -> Set<Scope>? {
    var scopes: Set<Scope> = []
    for word in text.split(separator: ",") {
      guard let scope = Scope(rawValue: String(word)) else { return nil }
      scopes.insert(scope)
    }
    return scopes
  }
}

extension Principal {
  /// Whether this is a calendar feed's secret rather than a bearer token.
  public var isCalendar: Bool {
    if case .calendar = self { return true }
    return false
  }
}
