import Foundation
import Planner
import Policy
import Testing

/// `History`, the short list a household's states, grades and events are kept in.
@Suite struct HistoryTests {
  private func state(_ value: HouseholdState, _ day: Int) -> Dated<HouseholdState> {
    Dated(value, since: Date(timeIntervalSince1970: Double(day) * 86_400))
  }

  @Test(arguments: 0...5)
  func behavesAsTheArrayOfItsEntries(count: Int) throws {
    let entries = (0..<count).map { state([.vacant, .renovating, .occupied][$0 % 3], $0) }
    var history = History(entries)
    #expect(Array(history) == entries)
    #expect(history.count == count)
    #expect(history.last == entries.last)
    history.append(state(.vacant, 99))
    #expect(Array(history) == entries + [state(.vacant, 99)])
    history.removeAll { $0.value == .vacant }
    #expect(Array(history) == (entries + [state(.vacant, 99)]).filter { $0.value != .vacant })
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    let json = try encoder.encode(History(entries))
    #expect(json == (try encoder.encode(entries)))
    #expect(try JSONDecoder().decode(History<Dated<HouseholdState>>.self, from: json) == History(entries))
  }

  @Test func historiesOfTheSameEntriesAreEqualHoweverTheyWereBuilt() {
    var grown: History<Dated<HouseholdState>> = []
    for day in 0..<4 { grown.append(state(.occupied, day)) }
    grown.removeLast(2)
    let built = History([state(.occupied, 0), state(.occupied, 1)])
    #expect(grown == built)
    #expect(grown.hashValue == built.hashValue)
    #expect(grown != History([state(.occupied, 0)]))
  }

  @Test func entriesCanBeReplacedInPlace() {
    var history: History = [state(.vacant, 0), state(.renovating, 5), state(.occupied, 9)]
    history[1] = state(.occupied, 6)
    #expect(history.map(\.value) == [.vacant, .occupied, .occupied])
    var short: History = [state(.vacant, 0)]
    short[0] = state(.occupied, 1)
    #expect(Array(short) == [state(.occupied, 1)])
  }
}
