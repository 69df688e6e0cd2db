/// Whole-number shares of a total over months in proportion to their weights (largest remainder method).
enum MonthTargets {
  /// Shares of `total` proportional to `weights`, summing to `total`; ties go to the earlier month.
  static func apportion(_ total: Int, weights: [Int]) -> [Int] {
    let sum = weights.reduce(0, +)
    guard sum > 0, total > 0 else { return weights.map { _ in 0 } }
    var shares = weights.map { total * $0 / sum }
    let remainders = weights.enumerated().map { ($0.offset, total * $0.element % sum) }
    let order = remainders.sorted { ($0.1, -$0.0) > ($1.1, -$1.0) }
    for index in 0..<(total - shares.reduce(0, +)) { shares[order[index].0] += 1 }
    return shares
  }
}
