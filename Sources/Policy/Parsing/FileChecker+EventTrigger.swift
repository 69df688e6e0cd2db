import CalendarSpec

extension FileChecker {
  /// An event trigger: `after` one or more events, `within` a span or `until` another event.
  mutating func event(_ section: Section) -> EventTrigger? {
    guard let after = words(section, "after", as: EventName.self, required: true) else { return nil }
    let count = int(section, "count", minimum: 1, maximum: RuleFileLimits.maximumCount) ?? 1
    guard let end = windowEnd(section, after: after) else { return nil }
    guard sameSubject(after + [end.event].compactMap { $0 }, section) else { return nil }
    return EventTrigger(after: after, end: end, count: count)
  }

  private mutating func windowEnd(_ section: Section, after: [EventName]) -> WindowEnd? {
    let hasWithin = section.values["within"] != nil
    let hasUntil = section.values["until"] != nil
    if hasWithin && hasUntil {
      report(
        section.ref, "until",
        "contradicts within; expected either within (a span after the event) "
          + "or until (a closing event), not both")
      return nil
    }
    if hasWithin { return within(section) }
    if hasUntil { return until(section, after: after) }
    report(
      section.ref, "after", "the window never closes; expected within = \"<span>\" or until = \"<event>\"")
    return nil
  }

  private mutating func within(_ section: Section) -> WindowEnd? {
    guard let span = span(section, "within") else { return nil }
    guard span.count > 0 else {
      report(section.ref, "within", "'\(span)' is an empty window; expected a span of at least 1 day")
      return nil
    }
    return .within(span)
  }

  private mutating func until(_ section: Section, after: [EventName]) -> WindowEnd? {
    guard let event = word(section, "until", as: EventName.self) else { return nil }
    guard !after.contains(event) else {
      report(
        section.ref, "until",
        "'\(event.rawValue)' also opens the window; "
          + "expected a closing event different from after")
      return nil
    }
    return .until(event)
  }

  private mutating func sameSubject(_ events: [EventName], _ section: Section) -> Bool {
    guard let first = events.first, let other = events.first(where: { $0.subject != first.subject }) else {
      return true
    }
    report(
      section.ref, "after",
      "'\(first.rawValue)' is a \(first.subject.rawValue) event but "
        + "'\(other.rawValue)' is a \(other.subject.rawValue) event; expected events of one subject")
    return false
  }
}

extension WindowEnd {
  /// The closing event, for an `until` window.
  var event: EventName? {
    if case .until(let event) = self { return event }
    return nil
  }
}
