/// What a visit captured: changed owner and family information, needs and feedback, ratings, tickets.
public struct Captured: Sendable, Hashable {
  /// Needs and service feedback collected, each with its category.
  public var feedback: [FeedbackItem]
  /// Satisfaction ratings, 1 to 5, by dimension id.
  public var ratings: Ratings
  /// Ticket numbers (报事编号) raised by the visit.
  public var tickets: [String]
  // The fields of `infoChanged` as bits (a set of six would cost an allocation per visit).
  private var infoBits: UInt8 = 0

  /// A capture from its parts.
  public init(
    infoChanged: Set<InfoField> = [], feedback: [FeedbackItem] = [], ratings: Ratings = [:],
    tickets: [String] = []
  ) {
    self.feedback = feedback
    self.ratings = ratings
    self.tickets = tickets
    self.infoChanged = infoChanged
  }

  /// Owner and family information fields added or changed.
  public var infoChanged: Set<InfoField> {
    get { Set(InfoField.allCases.filter { infoBits & Captured.bit($0) != 0 }) }
    set { infoBits = newValue.reduce(0) { $0 | Captured.bit($1) } }
  }

  private static func bit(_ field: InfoField) -> UInt8 {
    UInt8(1) << UInt8(InfoField.allCases.firstIndex(of: field) ?? 0)
  }

  /// Whether family, hobby or pet information (家庭成员/兴趣爱好/宠物) was added or changed.
  public var updatesFamilyInfo: Bool { infoBits != 0 }

  /// Whether needs or service feedback were collected.
  public var collectsFeedback: Bool { !feedback.isEmpty }
}

extension Captured: Codable {
  private enum Keys: String, CodingKey { case infoChanged, feedback, ratings, tickets }

  /// Decodes a capture from its JSON object.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: Keys.self)
    self.init(
      infoChanged: try c.decode(Set<InfoField>.self, forKey: .infoChanged),
      feedback: try c.decode([FeedbackItem].self, forKey: .feedback),
      ratings: try c.decode(Ratings.self, forKey: .ratings),
      tickets: try c.decode([String].self, forKey: .tickets))
  }

  /// Encodes the capture as a JSON object.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: Keys.self)
    try c.encode(infoChanged, forKey: .infoChanged)
    try c.encode(feedback, forKey: .feedback)
    try c.encode(ratings, forKey: .ratings)
    try c.encode(tickets, forKey: .tickets)
  }
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
