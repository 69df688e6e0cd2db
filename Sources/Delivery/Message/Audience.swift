/// Who a message is for; routes map a project and an audience to a receiver.
public enum Audience: String, Codable, Sendable, CaseIterable {
  /// A steward's own digest and reminders.
  case steward
  /// The project lead: overdue alerts, the spot check.
  case lead
  /// The operations department: summary, ranking, verification sample.
  case operations
  /// The server's admin: dead letters.
  case admin
}
