import CalendarSpec

extension FileChecker {
  /// `escalate = ["steward at due", "project-lead 3 days after due", …]` and `repeat-every`.
  mutating func escalation(_ section: Section) -> Escalation? {
    guard let phrases = strings(section, "escalate", required: true) else { return nil }
    let steps = phrases.compactMap { step($0, section) }
    let repeatEvery = span(section, "repeat-every")
    if let repeatEvery, repeatEvery.count == 0 {
      // A step repeated every 0 days would be sent forever at once (issue 16: the daemon spun).
      report(
        section.ref, "repeat-every", "'\(repeatEvery)' never moves on; expected a span of at least 1 day")
      return nil
    }
    guard steps.count == phrases.count, increasing(steps, phrases, section) else { return nil }
    return Escalation(steps: steps, repeatEvery: repeatEvery)
  }

  private mutating func step(_ phrase: String, _ section: Section) -> EscalationStep? {
    let words = phrase.split(separator: " ").map(String.init)
    let shape = "expected '<audience> at due' or '<audience> <span> after due'"
    guard let first = words.first, words.suffix(1) == ["due"] else {
      report(section.ref, "escalate", "'\(phrase)': \(shape)", value: phrase)
      return nil
    }
    guard let audience = Audience(rawValue: first) else {
      report(section.ref, "escalate", FileChecker.unknown(first, as: Audience.self), value: phrase)
      return nil
    }
    if words.count == 3, words[1] == "at" {
      return EscalationStep(audience: audience, after: CalendarSpan(0, .day))
    }
    guard words.count == 5, words[3] == "after",
      let span = try? CalendarSpan(parsing: "\(words[1]) \(words[2])")
    else {
      report(section.ref, "escalate", "'\(phrase)': \(shape)", value: phrase)
      return nil
    }
    return EscalationStep(audience: audience, after: span)
  }

  private mutating func increasing(_ steps: [EscalationStep], _ phrases: [String], _ section: Section) -> Bool
  {
    let origin = LocalDate(year: 2026, month: 1, day: 1)!
    for index in steps.indices.dropFirst()
    where steps[index].after.added(to: origin) <= steps[index - 1].after.added(to: origin) {
      report(
        section.ref, "escalate",
        "'\(phrases[index])' does not come after '\(phrases[index - 1])'; "
          + "expected steps later and later after due", value: phrases[index])
      return false
    }
    return true
  }
}
