extension FileChecker {
  /// The table under a root key (`[trigger]`, or `trigger = { … }`).
  mutating func table(_ root: Section, _ key: String, required: Bool = false) -> Section? {
    guard let node = value(root, key, required: required, expected: "a [\(key)] table") else { return nil }
    guard case .table(let values) = node else {
      wrongType(root, key, expected: "a [\(key)] table", found: node)
      return nil
    }
    return Section(ref: TableRef(form: .table(key)), values: values)
  }

  /// The tables of a `[[key]]` array, or of an array of inline tables `key = [{ … }, …]`.
  mutating func tables(_ root: Section, _ key: String, inline: Bool, required: Bool = false) -> [Section]? {
    let expected = inline ? "an array of tables { … }" : "[[\(key)]] tables"
    guard let node = value(root, key, required: required, expected: expected) else { return nil }
    guard case .array(let items) = node else {
      wrongType(root, key, expected: expected, found: node)
      return nil
    }
    var sections: [Section] = []
    for (offset, item) in items.enumerated() {
      guard case .table(let values) = item else {
        report(root.ref, key, "element \(offset + 1) is \(item.kind); expected \(expected)")
        continue
      }
      let form: TableRef.Form = inline ? .inlineElement(key, offset + 1) : .arrayTable(key, offset + 1)
      sections.append(Section(ref: TableRef(form: form), values: values))
    }
    return sections.count == items.count ? sections : nil
  }
}
