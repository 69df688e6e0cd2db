import Policy

extension Selector {
  /// Each filter with ✓ or ✗, e.g. `✓ state occupied ∈ [occupied]`.
  func explain(state: HouseholdState?, grade: Grade?, project: String, tags: Set<String>) -> [String] {
    var lines: [String] = []
    if !states.isEmpty {
      let ok = state.map(states.contains) ?? false
      lines.append(
        "\(ok ? "✓" : "✗") state \(state?.rawValue ?? "none") ∈ \(states.map(\.rawValue).sorted())")
    }
    if !grades.isEmpty {
      let ok = grade.map(grades.contains) ?? false
      lines.append(
        "\(ok ? "✓" : "✗") grade \(grade?.rawValue ?? "none") ∈ \(grades.map(\.rawValue).sorted())")
    }
    if !projects.isEmpty {
      lines.append("\(projects.contains(project) ? "✓" : "✗") project \(project) ∈ \(projects.sorted())")
    }
    if !tags.isEmpty || !self.tags.isEmpty {
      let ok = self.tags.isSubset(of: tags)
      lines.append("\(ok ? "✓" : "✗") tags \(self.tags.sorted()) ⊆ \(tags.sorted())")
    }
    return lines.isEmpty ? ["✓ every household"] : lines
  }
}

extension Trigger {
  /// The trigger in words.
  var summary: String {
    switch self {
    case .quota(let quota):
      let each = quota.each == quota.period ? "" : ", \(quota.countPerEach) each \(quota.each.rawValue)"
      return "\(quota.count) per \(quota.period.rawValue)\(each)"
    case .event(let trigger):
      let after = trigger.after.map(\.rawValue).joined(separator: " or ")
      switch trigger.end {
      case .within(let span): return "within \(span) after the first of \(after)"
      case .until(let event): return "between \(after) and \(event.rawValue)"
      }
    case .campaign: return "campaign window"
    }
  }
}

extension TaskAnchor {
  /// The anchor in words.
  var explanation: String {
    switch self {
    case .period(let key): return "period \(key)"
    case .event(let name, let day): return "\(name.rawValue) on \(day)"
    case .ticket(let number): return "ticket \(number) closed"
    case .campaign(let id): return "campaign \(id)"
    }
  }
}

extension Settlement {
  /// The settlement in words.
  var explanation: String {
    switch self {
    case .visit(let id, _, let outside):
      return "visit \(id)" + (outside ? " (outside the visiting window)" : "")
    case .waiver(let reason, _): return "waived: \(reason)"
    case .cancellation(let reason, _): return "cancelled: \(reason)"
    }
  }
}
