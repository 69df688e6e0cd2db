import Foundation
import Policy

/// A contact with a household: a visit when it reached someone, an attempt when it did not.
public struct Visit: Sendable, Hashable, Codable, Identifiable {
  /// The visit's id.
  public var id: String
  /// The household code.
  public var household: String
  /// The steward who made it.
  public var steward: String
  /// When it took place.
  public var at: Date
  /// What the visit found.
  public var captured: Captured
  /// How the contact was made.
  public var channel: Channel
  /// Basic or deep.
  public var kind: InterviewKind
  /// Who was interviewed.
  public var interviewee: Interviewee
  /// Whether the contact reached someone.
  public var outcome: VisitOutcome

  /// A visit from its parts.
  public init(
    id: String, household: String, at: Date, channel: Channel, kind: InterviewKind = .basic,
    steward: String, interviewee: Interviewee = .owner, outcome: VisitOutcome = .reached,
    captured: Captured = Captured()
  ) {
    self.id = id
    self.household = household
    self.at = at
    self.channel = channel
    self.kind = kind
    self.steward = steward
    self.interviewee = interviewee
    self.outcome = outcome
    self.captured = captured
  }
}

/// Whether a contact reached someone.
public enum VisitOutcome: String, CaseIterable, Sendable, Hashable, Codable {
  /// Someone was interviewed: the contact is a visit.
  case reached
  /// Nobody answered or was home: an attempt, which satisfies nothing.
  case notReached = "not-reached"
  /// The owner declined the interview: satisfies nothing; a waiver may follow.
  case refused
}
