import Policy

/// A selector reduced to bit masks, so that matching a household costs no hashing in the common case.
struct CompiledSelector: Sendable {
  private let states: UInt8
  private let grades: UInt8
  private let projects: Set<String>
  private let tags: Set<String>

  /// The compiled form of `selector`.
  init(_ selector: Selector) {
    states = selector.states.isEmpty ? 0xFF : selector.states.reduce(0) { $0 | CompiledSelector.bit($1) }
    grades = selector.grades.isEmpty ? 0xFF : selector.grades.reduce(0) { $0 | CompiledSelector.bit($1) }
    projects = selector.projects
    tags = selector.tags
  }

  /// Whether a household in `state` with `grade`, of `project` with `householdTags`, is selected.
  func matches(state: HouseholdState, grade: Grade?, project: String, tags householdTags: Set<String>) -> Bool
  {
    guard states & CompiledSelector.bit(state) != 0 else { return false }
    guard grades == 0xFF || grade.map({ grades & CompiledSelector.bit($0) != 0 }) == true else {
      return false
    }
    return (projects.isEmpty || projects.contains(project))
      && (tags.isEmpty || tags.isSubset(of: householdTags))
  }

  /// Whether a household whose history holds the states of `stateBits` and the grades of `gradeBits` (see
  /// `bits(of:)`) can match at some point; false rules it out without looking at the history.
  func mayMatch(stateBits: UInt8, gradeBits: UInt8) -> Bool {
    states & stateBits != 0 && (grades == 0xFF || grades & gradeBits != 0)
  }

  /// The bits of the states in `history`.
  static func bits(of history: some Sequence<Dated<HouseholdState>>) -> UInt8 {
    history.reduce(0) { $0 | bit($1.value) }
  }

  /// The bits of the grades in `history`.
  static func bits(of history: some Sequence<Dated<Grade>>) -> UInt8 {
    history.reduce(0) { $0 | bit($1.value) }
  }

  private static func bit(_ state: HouseholdState) -> UInt8 {
    switch state {
    case .vacant: return 1
    case .renovating: return 2
    case .occupied: return 4
    }
  }

  private static func bit(_ grade: Grade) -> UInt8 {
    switch grade {
    case .a: return 1
    case .b: return 2
    case .c: return 4
    case .d: return 8
    }
  }
}
