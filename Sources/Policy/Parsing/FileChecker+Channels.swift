extension FileChecker {
  /// `channels = [...]` for every state, or a `[channels]` table of channels per state.
  mutating func channelPolicy(_ root: Section, selected: Set<HouseholdState>) -> ChannelPolicy? {
    guard case .table = root.values["channels"] else {
      return words(root, "channels", as: Channel.self, required: true).map { ChannelPolicy(all: Set($0)) }
    }
    guard let section = table(root, "channels") else { return nil }
    allow(section, keys: HouseholdState.spellings)
    let states = selected.isEmpty ? Set(HouseholdState.allCases) : selected
    var byState: [HouseholdState: Set<Channel>] = [:]
    for state in HouseholdState.allCases where section.values[state.rawValue] != nil {
      guard states.contains(state) else {
        report(
          section.ref, state.rawValue,
          "the rule does not select \(state.rawValue) households "
            + "([select].state); expected \(Suggestion.list(sorted(states)))")
        continue
      }
      byState[state] = words(section, state.rawValue, as: Channel.self).map(Set.init)
    }
    for state in sorted(states) where section.values[state] == nil {
      report(
        section.ref, state, "missing; the rule selects \(state) households; expected an array of channels")
    }
    return byState.count == states.count ? ChannelPolicy(all: [], byState: byState) : nil
  }

  private func sorted(_ states: Set<HouseholdState>) -> [String] {
    HouseholdState.allCases.filter(states.contains).map(\.rawValue)
  }
}
