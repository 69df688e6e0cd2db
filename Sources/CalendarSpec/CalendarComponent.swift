/// One element of a field's list: a value, a range `a..b`, or a repetition `a/r` / `a..b/r`.
///
/// Seconds are kept in microseconds, like systemd does, so that `0/0.5` is exact.
struct CalendarComponent: Hashable, Sendable, Comparable {
  /// The first value.
  var start: Int
  /// The last value of a range, or -1 when there is none.
  var stop: Int = -1
  /// The step of a repetition, or 0 when there is none.
  var repeatBy: Int = 0

  static func < (lhs: CalendarComponent, rhs: CalendarComponent) -> Bool {
    (lhs.start, lhs.stop, lhs.repeatBy) < (rhs.start, rhs.stop, rhs.repeatBy)
  }

  /// Whether `value` is one of the values this component stands for.
  func contains(_ value: Int) -> Bool {
    if value == start { return true }
    guard repeatBy > 0, value > start, stop < 0 || value <= stop else { return false }
    return (value - start) % repeatBy == 0
  }

  /// The component as systemd's `normalize_chain` leaves it: a range shortened to a multiple of its
  /// step, and a repetition that cannot fire twice turned into a plain value.
  var normalized: CalendarComponent {
    var copy = self
    if copy.stop > copy.start && copy.repeatBy > 0 {
      copy.stop -= (copy.stop - copy.start) % copy.repeatBy
    }
    if (copy.stop > copy.start && copy.start + copy.repeatBy > copy.stop) || copy.start == copy.stop {
      copy.repeatBy = 0
      copy.stop = -1
    }
    return copy
  }
}

/// The values a field may take: nil stands for `*` (any value).
typealias CalendarChain = [CalendarComponent]?

/// Chain operations shared by all fields.
enum ChainMath {
  /// Sorts and deduplicates a chain after normalizing each element, as systemd does.
  static func normalize(_ chain: CalendarChain) -> CalendarChain {
    guard let chain else { return nil }
    let items = chain.map(\.normalized)
    return items.count <= 1 ? items : Array(Set(items)).sorted()
  }

  /// The earliest value of the chain that is >= `value`, systemd's `find_matching_component`.
  ///
  /// `bounds` maps a component to its effective (start, stop), which differs from the stored one
  /// only for days counted from the end of the month.
  static func earliest(
    _ chain: [CalendarComponent], atLeast value: Int,
    bounds: (CalendarComponent) -> (Int, Int) = { ($0.start, $0.stop) }
  ) -> Int? {
    var best: Int?
    for component in chain {
      let (start, stop) = bounds(component)
      var candidate: Int?
      if start >= value {
        candidate = start
      } else if component.repeatBy > 0 {
        let steps = (value - start + component.repeatBy - 1) / component.repeatBy
        let k = start + component.repeatBy * steps
        if stop < 0 || k <= stop { candidate = k }
      }
      if let candidate, best.map({ candidate < $0 }) ?? true { best = candidate }
    }
    return best
  }
}
