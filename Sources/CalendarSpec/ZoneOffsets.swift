import Foundation

/// A stretch of instants with one UTC offset, in microseconds since the epoch.
struct OffsetSegment {
  /// The UTC offset in this stretch.
  var offset: Int64
  /// An instant known to have this offset with no transition since (the previous transition, if seen).
  var start: Int64
  /// The next transition (exclusive end), or `Int64.max` when the zone has none ahead.
  var end: Int64
  /// Instants in `start..<repeatedUntil` show wall times the previous stretch already showed
  /// (the hour repeated when the clock falls back).
  var repeatedUntil: Int64
}

/// UTC offsets of one zone, looked up through Foundation once per stretch and then reused.
struct ZoneOffsets {
  static let micros: Int64 = 1_000_000
  private static let lookBehind: TimeInterval = 8 * 86_400
  let zone: TimeZone
  private var cached: OffsetSegment?

  init(zone: TimeZone) { self.zone = zone }

  /// The stretch containing instant `t`.
  mutating func segment(containing t: Int64) -> OffsetSegment {
    if let cached, cached.start <= t, t < cached.end { return cached }
    let fresh = compute(t)
    cached = fresh
    return fresh
  }

  /// Re-checks the offset at `t` inside `segment`; when the zone changed offset without reporting a
  /// transition, returns the stretch cut at that change.
  mutating func confirm(_ t: Int64, in segment: OffsetSegment) -> OffsetSegment? {
    guard offset(at: t) != segment.offset else { return nil }
    var (low, high) = (segment.start / Self.micros, t / Self.micros)
    while high - low > 1 {
      let mid = low + (high - low) / 2
      if offset(at: mid * Self.micros) == segment.offset { low = mid } else { high = mid }
    }
    var cut = segment
    cut.end = high * Self.micros
    cached = cut
    return cut
  }

  private func offset(at t: Int64) -> Int64 {
    Int64(zone.secondsFromGMT(for: date(t))) * Self.micros
  }

  private func date(_ t: Int64) -> Date {
    Date(timeIntervalSince1970: TimeInterval(Civil.floorDiv(Int(t), Int(Self.micros))))
  }

  private func compute(_ t: Int64) -> OffsetSegment {
    let now = date(t)
    var previous: Date?
    var probe = now.addingTimeInterval(-Self.lookBehind)
    while let next = zone.nextDaylightSavingTimeTransition(after: probe), next <= now {
      previous = next
      probe = next
    }
    let offset = self.offset(at: t)
    let start = micros(previous ?? now.addingTimeInterval(-Self.lookBehind))
    var repeatedUntil = start
    if let previous {
      let before = Int64(zone.secondsFromGMT(for: previous.addingTimeInterval(-1))) * Self.micros
      if before > offset { repeatedUntil = start + before - offset }
    }
    let end = zone.nextDaylightSavingTimeTransition(after: now).map(micros) ?? Int64.max
    return OffsetSegment(offset: offset, start: start, end: end, repeatedUntil: repeatedUntil)
  }

  private func micros(_ d: Date) -> Int64 { Int64(d.timeIntervalSince1970.rounded()) * Self.micros }
}
