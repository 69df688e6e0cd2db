import Foundation
import Store
import StoreSQLite
import Testing

/// A calendar event's SEQUENCE goes up when its task moves, and only then.
@Suite struct CalendarEventStoreTests {
  @Test(arguments: StoreBackend.allCases)
  func sequenceStartsAtZeroAndRisesOncePerMove(_ backend: StoreBackend) throws {
    let folder = TempFolder()
    let store = try backend.open(in: folder)
    let first = Date(timeIntervalSince1970: 1_800_000_000)
    let later = first.addingTimeInterval(86_400)

    let published = try store.reviseEvents(
      ["H1/a/1": "2027-01-04 17:30-19:30", "H2/a/1": "2027-01-04"], at: first)
    #expect(published["H1/a/1"] == EventRevision(sequence: 0, changed: first))
    #expect(published["H2/a/1"] == EventRevision(sequence: 0, changed: first))

    // Fetched again unchanged: nothing rises, DTSTAMP stays (so the feed's bytes and ETag hold).
    let unchanged = try store.reviseEvents(
      ["H1/a/1": "2027-01-04 17:30-19:30", "H2/a/1": "2027-01-04"], at: later)
    #expect(unchanged == published)

    // H1 moves to the next day; H2 stays.
    let moved = try store.reviseEvents(
      ["H1/a/1": "2027-01-05 17:30-19:30", "H2/a/1": "2027-01-04"], at: later)
    #expect(moved["H1/a/1"] == EventRevision(sequence: 1, changed: later))
    #expect(moved["H2/a/1"] == EventRevision(sequence: 0, changed: first))

    // Back to its first day is a move too: the sequence never goes down.
    let back = try store.reviseEvents(["H1/a/1": "2027-01-04 17:30-19:30"], at: later.addingTimeInterval(60))
    #expect(back["H1/a/1"]?.sequence == 2)
  }
}
