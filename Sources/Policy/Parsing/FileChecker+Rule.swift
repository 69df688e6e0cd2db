import CalendarSpec

extension FileChecker {
  /// The keys a rule file may have at its root.
  static let ruleKeys = [
    "id", "title", "description", "kind", "channels", "interviewees", "split", "grace", "precedence",
    "select", "trigger", "visiting-window",
  ]

  /// The rule of a rule file named `name`.toml, or nil when anything in it is wrong.
  mutating func rule(_ root: Section, name: String, defaultWindow: VisitingWindow) -> Rule? {
    let before = problems.count
    allow(root, keys: FileChecker.ruleKeys)
    let id = ruleID(root, name: name)
    let title = string(root, "title", required: true, expected: "a short title")
    let description = string(root, "description") ?? ""
    let kind = word(root, "kind", as: InterviewKind.self, required: true)
    let selector = self.selector(root)
    let parsedTrigger = trigger(root)
    let channels = channelPolicy(root, selected: selector?.states ?? [])
    let interviewees = words(root, "interviewees", as: Interviewee.self) ?? []
    let window = visitingWindow(root, "visiting-window", default: defaultWindow)
    let split = ruleSplit(root, trigger: parsedTrigger?.trigger)
    let grace = span(root, "grace")
    let precedence = int(root, "precedence", minimum: 0) ?? 100
    guard problems.count == before, let id, let title, let kind, let selector, let parsedTrigger,
      let channels, let window
    else { return nil }
    return Rule(
      id: id, title: title, description: description, selector: selector, trigger: parsedTrigger.trigger,
      kind: kind, channels: channels, interviewees: Set(interviewees), visitingWindow: window, split: split,
      grace: grace, precedence: precedence, campaign: parsedTrigger.campaign)
  }

  private mutating func ruleID(_ root: Section, name: String) -> String? {
    guard let id = string(root, "id", required: true, expected: "'\(name)', the file name") else {
      return nil
    }
    guard id == name else {
      report(root.ref, "id", "'\(id)' does not match the file name \(name).toml; expected '\(name)'")
      return nil
    }
    return id
  }

  private mutating func selector(_ root: Section) -> Selector? {
    guard let section = table(root, "select") else {
      return root.values["select"] == nil ? Selector() : nil
    }
    allow(section, keys: ["state", "grade", "project", "tags"])
    let states = words(section, "state", as: HouseholdState.self)
    let grades = words(section, "grade", as: Grade.self)
    let projects = strings(section, "project")
    let tags = strings(section, "tags")
    return Selector(
      states: Set(states ?? []), grades: Set(grades ?? []), projects: Set(projects ?? []),
      tags: Set(tags ?? []))
  }

  private mutating func ruleSplit(_ root: Section, trigger: Trigger?) -> Split {
    guard let split = word(root, "split", as: Split.self) else { return .none }
    if split == .monthly, let trigger, !trigger.isQuota {
      report(root.ref, "split", "'monthly' applies only to a quota trigger; expected none or no split key")
    }
    return split
  }

  /// The visiting window of a `[key]` table, each of its keys defaulting to `fallback`.
  mutating func visitingWindow(_ root: Section, _ key: String, default fallback: VisitingWindow?)
    -> VisitingWindow?
  {
    guard let section = table(root, key, required: fallback == nil) else {
      return root.values[key] == nil ? fallback : nil
    }
    allow(section, keys: ["hours", "outside"])
    let hours = dailyWindow(section, "hours", required: fallback == nil)
    let outside = word(section, "outside", as: OutsideWindow.self, required: fallback == nil)
    guard let hours = hours ?? fallback?.hours, let outside = outside ?? fallback?.outside else { return nil }
    return VisitingWindow(hours: hours, outside: outside)
  }

  private mutating func dailyWindow(_ section: Section, _ key: String, required: Bool) -> DailyWindow? {
    guard let text = string(section, key, required: required) else { return nil }
    do throws(CalendarSpecError) {
      return try DailyWindow(parsing: text)
    } catch {
      let part = error.part == text ? "" : " '\(error.part)':"
      report(section.ref, key, "'\(text)':\(part) \(error.reason)")
      return nil
    }
  }
}

extension Trigger {
  /// Whether the trigger is a calendar quota.
  var isQuota: Bool {
    if case .quota = self { return true }
    return false
  }
}
