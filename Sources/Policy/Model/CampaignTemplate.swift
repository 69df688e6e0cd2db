/// What a campaign rule asks of the campaigns created from it at run time.
public struct CampaignTemplate: Sendable, Hashable {
  /// The share of the campaign's households that must be contacted, 0 < coverage ≤ 1 (`100%` is 1).
  public var coverage: Double

  /// A template asking for `coverage` of the campaign's households.
  public init(coverage: Double = 1) { self.coverage = coverage }
}
