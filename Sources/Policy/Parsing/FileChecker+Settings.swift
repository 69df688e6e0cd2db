import Foundation

extension FileChecker {
  /// The settings of `settings.toml`, or nil when anything in it is wrong.
  mutating func settings(_ root: Section) -> Settings? {
    let before = problems.count
    allow(root, keys: ["time-zone", "visiting-window", "dimensions", "feedback-categories"])
    let zone = timeZone(root, "time-zone")
    let window = visitingWindow(root, "visiting-window", default: nil)
    let dimensions = labels(root, "dimensions")
    let categories = labels(root, "feedback-categories")
    guard problems.count == before, let zone, let window, let dimensions, let categories else { return nil }
    return Settings(
      timeZone: zone, visitingWindow: window, dimensions: dimensions, feedbackCategories: categories)
  }

  private mutating func timeZone(_ root: Section, _ key: String) -> TimeZone? {
    guard let name = string(root, key, required: true) else { return nil }
    if let zone = TimeZone(identifier: name) { return zone }
    let hint = Suggestion.didYouMean(name, in: TimeZone.knownTimeZoneIdentifiers)
    report(
      root.ref, key, "'\(name)': unknown time zone;\(hint) expected an IANA zone such as 'Asia/Shanghai'")
    return nil
  }

  private mutating func labels(_ root: Section, _ key: String) -> [Label]? {
    guard let sections = tables(root, key, inline: true, required: true) else { return nil }
    guard !sections.isEmpty else {
      report(root.ref, key, "empty array; expected at least one { id = \"…\", title = \"…\" }")
      return nil
    }
    var labels: [Label] = []
    for section in sections {
      allow(section, keys: ["id", "title"])
      guard let id = string(section, "id", required: true),
        let title = string(section, "title", required: true)
      else { continue }
      if labels.contains(where: { $0.id == id }) {
        report(section.ref, "id", "'\(id)' is listed twice; expected unique ids", value: id)
      }
      labels.append(Label(id: id, title: title))
    }
    return labels.count == sections.count ? labels : nil
  }
}
