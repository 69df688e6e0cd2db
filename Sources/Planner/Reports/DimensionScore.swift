/// Ratings of one satisfaction dimension in a month.
public struct DimensionScore: Sendable, Hashable, Codable {
  /// The dimension id.
  public let dimension: String
  /// How many visits rated it.
  public let ratings: Int
  /// The mean rating, 1 to 5 (0 when unrated).
  public let mean: Double
  /// The share of ratings of 4 or 5.
  public let satisfiedShare: Double

  /// The score of `dimension` from its ratings.
  init(dimension: String, values: [Int]) {
    self.dimension = dimension
    ratings = values.count
    mean = values.isEmpty ? 0 : Double(values.reduce(0, +)) / Double(values.count)
    satisfiedShare = values.isEmpty ? 0 : Double(values.filter { $0 >= 4 }.count) / Double(values.count)
  }
}
