import Foundation

/// The last area looked up, cut at the clock: households come in code order, so neighbours share it.
struct AreaCache {
  private var id: String?
  private var value: Area?

  /// The area `id` with steward changes after `clock` left out.
  mutating func area(_ id: String, facts: borrowing Facts, clock: Date) -> Area? {
    if id == self.id { return value }
    var area = facts.areas[id]
    if let stewards = area?.stewards, stewards.count > 1, stewards[stewards.count - 1].since > clock {
      area?.stewards = [stewards[0]] + stewards.dropFirst().filter { $0.since <= clock }
    }
    self.id = id
    value = area
    return area
  }
}
