/// What a visit captured: changed owner and family information, needs and feedback, ratings, tickets.
public struct Captured: Sendable, Hashable, Codable {
  /// Owner and family information fields added or changed.
  public var infoChanged: Set<InfoField>
  /// Needs and service feedback collected, each with its category.
  public var feedback: [FeedbackItem]
  /// Satisfaction ratings, 1 to 5, by dimension id.
  public var ratings: Ratings
  /// Ticket numbers (报事编号) raised by the visit.
  public var tickets: [String]

  /// A capture from its parts.
  public init(
    infoChanged: Set<InfoField> = [], feedback: [FeedbackItem] = [], ratings: Ratings = [:],
    tickets: [String] = []
  ) {
    self.infoChanged = infoChanged
    self.feedback = feedback
    self.ratings = ratings
    self.tickets = tickets
  }

  /// Whether family, hobby or pet information (家庭成员/兴趣爱好/宠物) was added or changed.
  public var updatesFamilyInfo: Bool { !infoChanged.isEmpty }

  /// Whether needs or service feedback were collected.
  public var collectsFeedback: Bool { !feedback.isEmpty }
}

/// An owner or family information field a visit can add or change.
public enum InfoField: String, CaseIterable, Sendable, Hashable, Codable {
  /// Name (姓名).
  case name
  /// Contact (联系方式).
  case contact
  /// Gender (性别).
  case gender
  /// House state (房屋状态).
  case houseState = "house-state"
  /// Hobbies (兴趣爱好).
  case hobbies
  /// Pets (宠物信息).
  case pets
}

/// A need or a piece of service feedback, filed under a category of the settings.
public struct FeedbackItem: Sendable, Hashable, Codable {
  /// The feedback category id.
  public var category: String
  /// Whether it is a need (需求) rather than an evaluation of the service.
  public var isNeed: Bool

  /// A feedback item under `category`.
  public init(category: String, isNeed: Bool = false) {
    self.category = category
    self.isNeed = isNeed
  }
}
