/// Steps from one elapse to the next in a zone: wall-clock matches mapped to instants, stretch by stretch.
///
/// In the hour repeated when clocks fall back, an event whose hour field matches every hour fires in
/// both occurrences; any other event fires only in the first. Wall times skipped when clocks spring
/// forward never fire.
struct ElapseSearch {
  let wall: WallClockSearch
  let everyHour: Bool
  var offsets: ZoneOffsets

  /// The first elapse strictly after `base` (microseconds since the epoch), or nil for never.
  mutating func next(after base: Int64) -> Int64? {
    var current = base + 1
    while true {
      var segment = offsets.segment(containing: current)
      var from = current + segment.offset
      while true {
        guard let match = wall.firstMatch(atOrAfter: from) else { return nil }
        let instant = match - segment.offset
        if instant >= segment.end { break }
        if let cut = offsets.confirm(instant, in: segment) {
          segment = cut
          continue
        }
        if !everyHour && instant < segment.repeatedUntil {
          from = match + 1
          continue
        }
        return instant
      }
      current = segment.end
    }
  }
}
