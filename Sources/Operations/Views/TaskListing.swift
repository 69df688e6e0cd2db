import Planner

/// One task as listings show it: the task with its household's place and masked owner.
public struct TaskListing: Encodable, Sendable {
  /// The task.
  public let task: VisitTask
  /// The building (楼栋).
  public let building: String
  /// The unit and room, e.g. `1-101`.
  public let room: String
  /// The owner's name as shown (masked unless --show-contact).
  public let owner: String
  /// The owner's phone as shown (masked unless --show-contact).
  public let phone: String

  /// `task` of `household`, its owner shown as `contacts` says.
  public init(_ task: VisitTask, household: Household?, _ contacts: ContactStyle) {
    self.task = task
    building = household?.building ?? ""
    room = [household?.unit ?? "", household?.room ?? ""].filter { !$0.isEmpty }.joined(separator: "-")
    owner = household.map { contacts.name($0.owner) } ?? ""
    phone = household.map { contacts.phone($0.owner) } ?? ""
  }
}
