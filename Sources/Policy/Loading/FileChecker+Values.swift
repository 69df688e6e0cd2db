import CalendarSpec

extension FileChecker {
  /// A string value.
  mutating func string(
    _ section: Section, _ key: String, required: Bool = false, expected: String = "a string"
  )
    -> String?
  {
    guard let node = value(section, key, required: required, expected: expected) else { return nil }
    guard case .string(let text) = node else {
      wrongType(section, key, expected: "a string", found: node)
      return nil
    }
    if text.trimmingCharacters(in: .whitespaces).isEmpty {
      report(section.ref, key, "empty string; expected a value")
      return nil
    }
    return text
  }

  /// An integer value, at least `minimum` (and at most `maximum`).
  mutating func int(
    _ section: Section, _ key: String, minimum: Int, maximum: Int = .max, required: Bool = false
  ) -> Int? {
    let expected =
      maximum == .max
      ? "a whole number of at least \(minimum)" : "a whole number from \(minimum) to \(maximum)"
    guard let node = value(section, key, required: required, expected: expected) else { return nil }
    guard case .int(let number) = node else {
      wrongType(section, key, expected: expected, found: node)
      return nil
    }
    guard number >= minimum else {
      report(section.ref, key, "\(number) is too small; expected \(expected)")
      return nil
    }
    guard number <= maximum else {
      report(section.ref, key, "\(number) is too large; expected \(expected)")
      return nil
    }
    return number
  }

  /// A number (integer or decimal).
  mutating func number(_ section: Section, _ key: String, required: Bool = false) -> Double? {
    guard let node = value(section, key, required: required, expected: "a number") else { return nil }
    switch node {
    case .int(let number): return Double(number)
    case .double(let number): return number
    default:
      wrongType(section, key, expected: "a number", found: node)
      return nil
    }
  }

  /// A boolean value.
  mutating func bool(_ section: Section, _ key: String, required: Bool = false) -> Bool? {
    guard let node = value(section, key, required: required, expected: "true or false") else { return nil }
    guard case .bool(let flag) = node else {
      wrongType(section, key, expected: "true or false", found: node)
      return nil
    }
    return flag
  }

  /// A list of strings; a single string is a list of one.
  mutating func strings(_ section: Section, _ key: String, required: Bool = false) -> [String]? {
    let expected = "a string or an array of strings"
    guard let node = value(section, key, required: required, expected: expected) else { return nil }
    switch node {
    case .string(let text): return [text]
    case .array(let items):
      let texts = items.compactMap { if case .string(let text) = $0 { text } else { nil } }
      guard texts.count == items.count else {
        report(
          section.ref, key, "expected an array of strings, found \(items.first { !$0.isString }!.kind) in it")
        return nil
      }
      guard !texts.isEmpty else {
        report(section.ref, key, "empty array; expected at least one value (leave the key out to match all)")
        return nil
      }
      return texts
    default:
      wrongType(section, key, expected: expected, found: node)
      return nil
    }
  }

  /// A span such as `1 month` or `3 days`.
  mutating func span(_ section: Section, _ key: String, required: Bool = false) -> CalendarSpan? {
    guard let text = string(section, key, required: required) else { return nil }
    let words = text.split(separator: " ")
    if words.count == 2, Int(words[0]) != nil, let unit = FileChecker.unknownUnit(words[1]) {
      let units = CalendarSpan.Unit.allCases.map(\.rawValue)
      let hint = Suggestion.didYouMean(unit, in: units)
      report(section.ref, key, "'\(text)': unknown unit '\(unit)';\(hint) expected \(Suggestion.list(units))")
      return nil
    }
    do throws(CalendarSpecError) {
      return try CalendarSpan(parsing: text)
    } catch {
      report(section.ref, key, "'\(text)': \(error.reason)")
      return nil
    }
  }
}

extension FileChecker {
  fileprivate static func unknownUnit(_ word: Substring) -> String? {
    let name = word.lowercased()
    let singular = name.hasSuffix("s") ? String(name.dropLast()) : name
    return CalendarSpan.Unit(rawValue: singular) == nil ? String(word) : nil
  }
}

extension TOMLNode {
  /// Whether the value is a string.
  var isString: Bool {
    if case .string = self { return true }
    return false
  }
}
