import Foundation
import Testing

@testable import visitd

/// Reading the outlook again after notices of changed facts: at once when it has rested, else once at the gap's
/// end, however many notices come meanwhile.
@Suite struct RefreshPacingTests {
  private let start = Date(timeIntervalSince1970: 1_800_000_000)

  @Test func aFirstNoticeRefreshesAtOnce() {
    var pacing = RefreshPacing()
    let refreshes = pacing.noticed(at: start)
    #expect(refreshes && pacing.due == nil)
  }

  @Test func noticesWithinTheGapMakeOneRefreshAtItsEnd() {
    var pacing = RefreshPacing()
    pacing.refreshed(endingAt: start, after: 0.02)
    // 200 notices spread over the next second: none refreshes at once, one refresh is owed at the gap's end.
    let atOnce = (1...200).filter { pacing.noticed(at: start.addingTimeInterval(Double($0) * 0.004)) }
    #expect(atOnce.isEmpty)
    #expect(pacing.due == start.addingTimeInterval(RefreshPacing.minimumGap))
    #expect(!pacing.isDue(at: start.addingTimeInterval(0.9)))
    #expect(pacing.isDue(at: start.addingTimeInterval(1)))
    pacing.refreshed(endingAt: start.addingTimeInterval(1.02), after: 0.02)
    let afterTheGap = pacing.noticed(at: start.addingTimeInterval(2.1))
    #expect(pacing.due == nil && afterTheGap)
  }

  @Test func aSlowRefreshWidensTheGapToTenTimesItsDuration() {
    var pacing = RefreshPacing()
    pacing.refreshed(endingAt: start, after: 0.5)
    let early = pacing.noticed(at: start.addingTimeInterval(4.9))
    #expect(!early && pacing.due == start.addingTimeInterval(5))
    let late = pacing.noticed(at: start.addingTimeInterval(5))
    #expect(late)
  }
}
