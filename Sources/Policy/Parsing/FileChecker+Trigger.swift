import CalendarSpec

/// A rule's trigger with the campaign template that goes with a campaign trigger.
struct ParsedTrigger {
  /// The trigger.
  var trigger: Trigger
  /// The campaign's requirements, for a campaign trigger.
  var campaign: CampaignTemplate?
}

extension FileChecker {
  private static let quotaKeys = ["quota", "each"]
  private static let eventKeys = ["after", "within", "until", "count"]
  private static let campaignKeys = ["campaign", "coverage"]
  private static let forms = [("quota", quotaKeys), ("after", eventKeys), ("campaign", campaignKeys)]

  /// The `[trigger]` table: a quota, an event window, or a campaign template.
  mutating func trigger(_ root: Section) -> ParsedTrigger? {
    guard let section = table(root, "trigger", required: true) else { return nil }
    allow(section, keys: FileChecker.quotaKeys + FileChecker.eventKeys + FileChecker.campaignKeys)
    let present = FileChecker.forms.filter { section.values[$0.0] != nil }
    guard let (form, keys) = present.first else {
      report(section.ref, nil, "no trigger; expected quota, after or campaign")
      return nil
    }
    if present.count > 1 {
      report(
        section.ref, present[1].0,
        "'\(form)' is already the trigger; expected only one of quota, after or campaign")
      return nil
    }
    for key in section.values.keys.sorted() where !keys.contains(key) && FileChecker.knownTriggerKey(key) {
      report(
        section.ref, key, "does not apply to \(FileChecker.formName(form)); expected \(Suggestion.list(keys))"
      )
    }
    switch form {
    case "quota": return quota(section).map { ParsedTrigger(trigger: .quota($0)) }
    case "after": return event(section).map { ParsedTrigger(trigger: .event($0)) }
    default: return campaign(section).map { ParsedTrigger(trigger: .campaign, campaign: $0) }
    }
  }

  private static func formName(_ form: String) -> String {
    form == "after" ? "an event trigger (after)" : "a \(form) trigger"
  }

  private static func knownTriggerKey(_ key: String) -> Bool {
    (quotaKeys + eventKeys + campaignKeys).contains(key)
  }

  private mutating func quota(_ section: Section) -> Quota? {
    guard let text = string(section, "quota", required: true) else { return nil }
    guard let (count, period) = quotaPhrase(text, section) else { return nil }
    guard section.values["each"] != nil else { return Quota(count: count, period: period) }
    guard let each = word(section, "each", as: Period.self) else { return nil }
    guard each.months <= period.months else {
      report(
        section.ref, "each",
        "'\(each.rawValue)' is longer than the quota's period '\(period.rawValue)'; "
          + "expected \(Suggestion.list(Period.allCases.filter { $0.months <= period.months }.map(\.rawValue)))"
      )
      return nil
    }
    let parts = period.months / each.months
    guard count % parts == 0 else {
      report(
        section.ref, "each",
        "'\(text)' does not split evenly into \(parts) \(each.rawValue)s; "
          + "expected a count that is a multiple of \(parts)")
      return nil
    }
    return Quota(count: count, period: period, each: each)
  }

  private mutating func quotaPhrase(_ text: String, _ section: Section) -> (Int, Period)? {
    let words = text.split(separator: " ").map(String.init)
    guard words.count == 3, words[1] == "per", let count = Int(words[0]) else {
      report(section.ref, "quota", "'\(text)': expected '<count> per <period>', e.g. '1 per quarter'")
      return nil
    }
    guard count >= 1 else {
      report(section.ref, "quota", "'\(text)': a count of \(count); expected at least 1")
      return nil
    }
    guard count <= RuleFileLimits.maximumCount else {
      report(
        section.ref, "quota",
        "'\(text)': a count of \(count); expected at most \(RuleFileLimits.maximumCount)")
      return nil
    }
    guard let period = Period(rawValue: words[2]) else {
      let hint = Suggestion.didYouMean(words[2], in: Period.spellings)
      report(
        section.ref, "quota",
        "'\(text)': unknown period '\(words[2])';\(hint) "
          + "expected \(Suggestion.list(Period.spellings))")
      return nil
    }
    return (count, period)
  }

  private mutating func campaign(_ section: Section) -> CampaignTemplate? {
    guard let flag = bool(section, "campaign") else { return nil }
    guard flag else {
      report(section.ref, "campaign", "false; expected true (a campaign template) or another trigger")
      return nil
    }
    guard section.values["coverage"] != nil else { return CampaignTemplate() }
    return coverage(section).map { CampaignTemplate(coverage: $0) }
  }

  private mutating func coverage(_ section: Section) -> Double? {
    guard let text = string(section, "coverage") else { return nil }
    guard text.hasSuffix("%"), let percent = Double(text.dropLast()), percent > 0, percent <= 100 else {
      report(section.ref, "coverage", "'\(text)': expected a share of the households from 1% to 100%")
      return nil
    }
    return percent / 100
  }
}
