import Testing

/// A broken policy file and the exact problems loading it over the shipped rules must report.
struct BrokenFile: CustomTestStringConvertible, Sendable {
  /// What is broken, as the test is named.
  let name: String
  /// The file name it is written under (replacing a shipped file of that name).
  let file: String
  /// The file's text.
  let text: String
  /// The problems, paths relative to the file's directory.
  let messages: [String]

  init(_ name: String, _ file: String, _ text: String, _ messages: [String]) {
    self.name = name
    self.file = file
    self.text = text
    self.messages = messages
  }

  var testDescription: String { name }
}
