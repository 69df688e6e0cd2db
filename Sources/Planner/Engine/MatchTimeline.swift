import Foundation
import Policy

/// When a household matches a rule's selector, as far as it is known at the clock.
struct MatchTimeline {
  /// A stretch of time with one verdict; `end` nil means it still holds at the clock.
  struct Segment: Hashable {
    /// When the stretch starts.
    let start: Date
    /// When it ends, nil if it still holds.
    let end: Date?
    /// Whether the household matches during it.
    let matches: Bool
  }

  /// The stretches, in time order; none before the household's first state (most households have one or two).
  let segments: History<Segment>

  /// The timeline of `selector` for a household whose history is cut at the clock; nil when it never matches.
  init?(selector: CompiledSelector, household: KnownHousehold) {
    let points = household.changePoints
    guard points.contains(where: { MatchTimeline.verdict(selector, household, at: $0) == true }) else {
      return nil
    }
    var result = History<Segment>()
    for (offset, point) in points.enumerated() {
      guard let verdict = MatchTimeline.verdict(selector, household, at: point) else { continue }
      let end = offset + 1 < points.count ? points[offset + 1] : nil
      if let last = result.last, last.matches == verdict {
        result[result.count - 1] = Segment(start: last.start, end: end, matches: verdict)
      } else {
        result.append(Segment(start: point, end: end, matches: verdict))
      }
    }
    segments = result
  }

  private static func verdict(_ selector: CompiledSelector, _ known: KnownHousehold, at point: Date) -> Bool?
  {
    guard let state = known.household.states.value(at: point) else { return nil }
    return selector.matches(
      state: state, grade: known.household.grades.value(at: point), project: known.household.project,
      tags: known.household.tags)
  }

  /// Whether the household matches at `instant` (the last known verdict after the clock).
  func matches(at instant: Date) -> Bool {
    segments.last { $0.start <= instant }?.matches ?? false
  }

  /// The first instant after `instant` at which the household stops matching, if any.
  func stop(after instant: Date) -> Date? {
    segments.first { !$0.matches && $0.start > instant }?.start
  }

  /// The last matching stretch overlapping [from, to), clipped to it.
  func lastMatch(from: Date, to: Date) -> Segment? {
    guard
      let segment = segments.last(where: { $0.matches && $0.start < to && ($0.end.map { $0 > from } ?? true) }
      )
    else { return nil }
    return Segment(
      start: max(segment.start, from), end: segment.end.flatMap { $0 < to ? $0 : nil }, matches: true)
  }
}
