/// The state of a household's home, which selects the rules that apply to it.
public enum HouseholdState: String, CaseIterable, Sendable, Codable, Hashable {
  /// Delivered but nobody lives there (空置), renovated or not.
  case vacant
  /// Being renovated (装修).
  case renovating
  /// Lived in (入住).
  case occupied
}

/// The customer grade (客户分级): A/B get basic interviews, C/D deep interviews.
public enum Grade: String, CaseIterable, Sendable, Codable, Hashable {
  /// Grade A.
  case a = "A"
  /// Grade B.
  case b = "B"
  /// Grade C.
  case c = "C"
  /// Grade D.
  case d = "D"
}

/// How a contact is made.
public enum Channel: String, CaseIterable, Sendable, Codable, Hashable {
  /// A face-to-face visit in the home (入户/面访).
  case inHome = "in-home"
  /// A phone call (电话).
  case phone
  /// A WeChat conversation (微信).
  case wechat
  /// A text message (短信).
  case sms
}

/// The depth of an interview; a deep interview also satisfies a basic one.
public enum InterviewKind: String, CaseIterable, Sendable, Codable, Hashable, Comparable {
  /// A basic interview (基础访谈).
  case basic
  /// A deep interview (深度访谈).
  case deep

  /// Whether a visit of this kind satisfies a task that asks for `required`.
  public func satisfies(_ required: InterviewKind) -> Bool { self >= required }

  /// Orders basic before deep.
  public static func < (lhs: InterviewKind, rhs: InterviewKind) -> Bool {
    lhs == .basic && rhs == .deep
  }
}

/// Who was interviewed.
public enum Interviewee: String, CaseIterable, Sendable, Codable, Hashable {
  /// The owner of record (产权人).
  case owner
  /// A member of the owner's family.
  case family
  /// A tenant.
  case tenant
  /// Anybody else.
  case other
}

/// A fact with a date that can open or close a task's window.
public enum EventName: String, CaseIterable, Sendable, Codable, Hashable {
  /// The home was handed over to the owner (交付).
  case delivered
  /// The renovation permit was issued (装修手续办理).
  case renovationPermit = "renovation-permit"
  /// The renovation was accepted (装修验收).
  case renovationAccepted = "renovation-accepted"
  /// The first renovation deposit was refunded (第一笔保证金退还).
  case depositRefunded = "deposit-refunded"
  /// The owner moved in (入住).
  case movedIn = "moved-in"
  /// The household's area got a new steward (客服管家变更).
  case stewardChanged = "steward-changed"
  /// A ticket raised in a visit was closed (报事关闭).
  case ticketClosed = "ticket-closed"

  /// What the event belongs to: a household, its area, or a ticket.
  public var subject: EventSubject {
    switch self {
    case .stewardChanged: return .area
    case .ticketClosed: return .ticket
    default: return .household
    }
  }
}

/// What an event is recorded against.
public enum EventSubject: String, Sendable, Hashable {
  /// One household.
  case household
  /// Every household of an area.
  case area
  /// One ticket, and so the household it was raised for.
  case ticket
}

/// A calendar period that quotas are counted in.
public enum Period: String, CaseIterable, Sendable, Codable, Hashable {
  /// A calendar month.
  case month
  /// A calendar quarter (Jan–Mar, Apr–Jun, Jul–Sep, Oct–Dec).
  case quarter
  /// A calendar half-year (Jan–Jun, Jul–Dec).
  case halfYear = "half-year"
  /// A calendar year.
  case year

  /// The number of months in the period.
  public var months: Int {
    switch self {
    case .month: return 1
    case .quarter: return 3
    case .halfYear: return 6
    case .year: return 12
    }
  }
}
