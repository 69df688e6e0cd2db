import CalendarSpec

extension Rule {
  /// The trigger as a phrase: `1 per quarter`, `within 1 month after moved-in`, `campaign (100% …)`.
  public var triggerText: String {
    switch trigger {
    case .quota(let quota): return quota.text
    case .event(let event): return event.text
    case .campaign:
      let percent = Int(((campaign?.coverage ?? 1) * 100).rounded())
      return "campaign: \(percent)% of the campaign's households within its window"
    }
  }

  /// The channels as a phrase: `wechat, phone, sms`, or `occupied: in-home; vacant: phone, wechat`.
  public var channelsText: String {
    guard !channels.byState.isEmpty else { return Channel.ordered(channels.all).joined(separator: ", ") }
    return HouseholdState.allCases.compactMap { state in
      channels.byState[state].map { "\(state.rawValue): " + Channel.ordered($0).joined(separator: ", ") }
    }.joined(separator: "; ")
  }

  /// The selector as a phrase: `state vacant; grade A, B`, or `every household`.
  public var selectorText: String {
    let parts = [
      ("state", HouseholdState.allCases.filter(selector.states.contains).map(\.rawValue)),
      ("grade", Grade.allCases.filter(selector.grades.contains).map(\.rawValue)),
      ("project", selector.projects.sorted()),
      ("tags", selector.tags.sorted()),
    ].filter { !$0.1.isEmpty }
    guard !parts.isEmpty else { return "every household" }
    return parts.map { "\($0.0) \($0.1.joined(separator: ", "))" }.joined(separator: "; ")
  }
}

extension Quota {
  /// `1 per quarter`, or `2 per year, 1 each half-year`.
  public var text: String {
    let base = "\(count) per \(period.rawValue)"
    return each == period ? base : "\(base), \(countPerEach) each \(each.rawValue)"
  }
}

extension EventTrigger {
  /// `within 1 month after moved-in`, or `after renovation-permit until renovation-accepted`.
  public var text: String {
    let opening =
      after.count == 1
      ? after[0].rawValue : "the first of " + after.map(\.rawValue).joined(separator: " or ")
    let visits = count == 1 ? "" : "\(count) visits "
    switch end {
    case .within(let span): return "\(visits)within \(span) after \(opening)"
    case .until(let event): return "\(visits)after \(opening) until \(event.rawValue)"
    }
  }
}

extension Channel {
  /// The channels of a set in declaration order.
  static func ordered(_ channels: Set<Channel>) -> [String] {
    allCases.filter(channels.contains).map(\.rawValue)
  }
}
