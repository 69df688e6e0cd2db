import CalendarSpec
import Foundation
import Planner
import Policy
import Store

/// One history of a household as its row keeps it: entries `value@seconds` (seconds since 1970, a whole number
/// when whole) joined by `;`, ordered by instant then value, at most one per key; entries are only ever added.
struct HistoryColumn: Equatable {
  /// Whether entries at one instant with different values are both kept (events), or the first wins (states,
  /// grades).
  let keyedByValue: Bool
  private(set) var entries: [(value: String, seconds: Double)] = []

  /// An empty history.
  init(keyedByValue: Bool) { self.keyedByValue = keyedByValue }

  /// The history a column's text holds.
  init(keyedByValue: Bool, text: String) {
    self.keyedByValue = keyedByValue
    Self.forEach(in: text) { value, seconds in entries.append((String(value), seconds)) }
  }

  /// The column's text.
  var text: String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(entries.count * 24)
    for entry in entries {
      if !bytes.isEmpty { bytes.append(UInt8(ascii: ";")) }
      bytes.append(contentsOf: entry.value.utf8)
      bytes.append(UInt8(ascii: "@"))
      if let whole = Int(exactly: entry.seconds) {
        DecimalBytes.append(whole, to: &bytes)
      } else {
        bytes.append(contentsOf: "\(entry.seconds)".utf8)
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Adds an entry unless one with its key is present; whether it was added.
  @discardableResult
  mutating func add(_ value: String, at seconds: Double) -> Bool {
    var position = entries.endIndex
    while position > entries.startIndex {
      let entry = entries[position - 1]
      if entry.seconds == seconds && (!keyedByValue || entry.value == value) { return false }
      if (entry.seconds, entry.value) < (seconds, value) { break }
      position -= 1
    }
    entries.insert((value, seconds), at: position)
    return true
  }

  /// Adds the entries of `other` whose keys are missing; how many were added.
  mutating func merge(_ other: HistoryColumn) -> Int {
    other.entries.reduce(0) { count, entry in count + (add(entry.value, at: entry.seconds) ? 1 : 0) }
  }

  /// Calls `body` with the value and seconds of each entry of a column's text, in order.
  static func forEach(in text: String, _ body: (Substring, Double) -> Void) {
    var text = text
    text.withUTF8 { bytes in
      forEach(in: bytes) { value, seconds in body(Substring(decoding: value, as: UTF8.self), seconds) }
    }
  }

  /// Calls `body` with the value's bytes and the seconds of each entry of a column's UTF-8 text, in order;
  /// an entry without `@` and a number is skipped.
  static func forEach(
    in text: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>, Double) -> Void
  ) {
    var start = 0
    while start < text.count {
      let end = text[start...].firstIndex(of: UInt8(ascii: ";")) ?? text.count
      let entry = UnsafeBufferPointer(rebasing: text[start..<end])
      if let at = entry.lastIndex(of: UInt8(ascii: "@")),
        let seconds = number(UnsafeBufferPointer(rebasing: entry[(at + 1)...]))
      {
        body(UnsafeBufferPointer(rebasing: entry[..<at]), seconds)
      }
      start = end + 1
    }
  }

  /// The number of `bytes`: whole seconds read digit by digit, anything else as Swift reads a Double.
  private static func number(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
    var whole = 0
    for byte in bytes {
      guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"), whole < 1 << 52 else {
        return Double(String(decoding: bytes, as: UTF8.self))
      }
      whole = whole * 10 + Int(byte - UInt8(ascii: "0"))
    }
    return bytes.isEmpty ? nil : Double(whole)
  }

  static func == (lhs: HistoryColumn, rhs: HistoryColumn) -> Bool {
    lhs.keyedByValue == rhs.keyedByValue && lhs.entries.elementsEqual(rhs.entries) { $0 == $1 }
  }
}

/// A household's states, grades and events as its row keeps them: one text column each.
struct StoredHistory: Equatable {
  /// The states, one per instant.
  var states = HistoryColumn(keyedByValue: false)
  /// The grades, one per instant.
  var grades = HistoryColumn(keyedByValue: false)
  /// The events, one per name and instant.
  var events = HistoryColumn(keyedByValue: true)

  /// Names under which a write counts the entries it added.
  static let names = (states: "household_state", grades: "household_grade", events: "household_event")

  /// No entry.
  init() {}

  /// The histories of `household`, duplicates of a key dropped (the first kept).
  init(_ household: Household) {
    for state in household.states { states.add(state.value.rawValue, at: state.since.timeIntervalSince1970) }
    for grade in household.grades { grades.add(grade.value.rawValue, at: grade.since.timeIntervalSince1970) }
    for event in household.events { events.add(event.name.rawValue, at: event.at.timeIntervalSince1970) }
  }

  /// The histories of a row's three columns.
  init(states: String, grades: String, events: String) {
    self.states = HistoryColumn(keyedByValue: false, text: states)
    self.grades = HistoryColumn(keyedByValue: false, text: grades)
    self.events = HistoryColumn(keyedByValue: true, text: events)
  }

  /// The three columns' texts.
  var texts: (states: String, grades: String, events: String) { (states.text, grades.text, events.text) }

  /// Adds one entry unless its key is present; the name it counts under when added, nil when it was present.
  mutating func add(_ change: HouseholdEntry.Change, at instant: Date) -> String? {
    let seconds = instant.timeIntervalSince1970
    switch change {
    case .state(let state): return states.add(state.rawValue, at: seconds) ? Self.names.states : nil
    case .grade(let grade): return grades.add(grade.rawValue, at: seconds) ? Self.names.grades : nil
    case .event(let name): return events.add(name.rawValue, at: seconds) ? Self.names.events : nil
    }
  }

  /// Adds the entries of `other` whose keys are missing; how many each history gained, by name.
  mutating func merge(_ other: StoredHistory) -> [(name: String, added: Int)] {
    [
      (Self.names.states, states.merge(other.states)), (Self.names.grades, grades.merge(other.grades)),
      (Self.names.events, events.merge(other.events)),
    ]
  }

  /// How many entries the three histories hold together.
  var entryCount: Int { states.entries.count + grades.entries.count + events.entries.count }

  /// Counts every entry of the histories in `summary` as added, under the histories' names.
  func countEntries(in summary: inout WriteSummary) {
    func count(_ column: HistoryColumn, _ name: String) {
      if !column.entries.isEmpty { summary.count(name, added: true, times: column.entries.count) }
    }
    count(states, Self.names.states)
    count(grades, Self.names.grades)
    count(events, Self.names.events)
  }
}
