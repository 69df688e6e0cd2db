/// A closed vocabulary a file may use (channels, states, events …), with the noun messages call it.
protocol Word: RawRepresentable, CaseIterable, Hashable where RawValue == String {
  /// What one of these is called in a message (`channel`).
  static var noun: String { get }
}

extension Word {
  /// Every spelling, in declaration order.
  static var spellings: [String] { allCases.map(\.rawValue) }
}

extension HouseholdState: Word { static var noun: String { "state" } }
extension Grade: Word { static var noun: String { "grade" } }
extension Channel: Word { static var noun: String { "channel" } }
extension InterviewKind: Word { static var noun: String { "kind" } }
extension Interviewee: Word { static var noun: String { "interviewee" } }
extension EventName: Word { static var noun: String { "event" } }
extension Period: Word { static var noun: String { "period" } }
extension Split: Word { static var noun: String { "split" } }
extension OutsideWindow: Word { static var noun: String { "policy" } }
extension DayFilter: Word { static var noun: String { "day filter" } }
extension Audience: Word { static var noun: String { "audience" } }

extension FileChecker {
  /// One word of a vocabulary, reporting an unknown one with the closest spelling.
  mutating func word<W: Word>(_ section: Section, _ key: String, as type: W.Type, required: Bool = false)
    -> W?
  {
    guard present(section, key, W.self, required: required), let text = string(section, key) else {
      return nil
    }
    return parse(text, as: type, section, key)
  }

  /// A list of words of a vocabulary (a single word is a list of one), without repeats.
  mutating func words<W: Word>(_ section: Section, _ key: String, as type: W.Type, required: Bool = false)
    -> [W]?
  {
    guard present(section, key, W.self, required: required), let texts = strings(section, key) else {
      return nil
    }
    var result: [W] = []
    for text in texts {
      guard let word = parse(text, as: type, section, key) else { continue }
      if result.contains(word) {
        report(section.ref, key, "'\(text)' is listed twice; expected each \(W.noun) once", value: text)
      }
      result.append(word)
    }
    return result.count == texts.count ? result : nil
  }

  private mutating func present<W: Word>(_ section: Section, _ key: String, _ type: W.Type, required: Bool)
    -> Bool
  {
    if section.values[key] != nil { return true }
    if required {
      report(section.ref, key, "missing required key; expected \(Suggestion.list(W.spellings))")
    }
    return false
  }

  /// A word of a vocabulary; nil with a problem when unknown.
  mutating func parse<W: Word>(_ text: String, as type: W.Type, _ section: Section, _ key: String) -> W? {
    if let word = W(rawValue: text) { return word }
    report(section.ref, key, FileChecker.unknown(text, as: type), value: text)
    return nil
  }

  /// `'x': unknown channel; did you mean 'y'? expected a, b or c`.
  static func unknown<W: Word>(_ text: String, as type: W.Type) -> String {
    let hint = Suggestion.didYouMean(text, in: W.spellings)
    return "'\(text)': unknown \(W.noun);\(hint) expected \(Suggestion.list(W.spellings))"
  }
}
