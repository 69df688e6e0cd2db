import CalendarSpec
import Policy

/// What visits a rule accepts, reduced to plain bits so that settling reads no sets and copies no rule.
struct VisitAcceptance: Sendable {
  private let channels: UInt16
  private let interviewees: UInt8
  private let kind: InterviewKind
  private let hours: DailyWindow
  /// Whether an in-home visit outside the daily visiting window satisfies nothing (rather than being flagged).
  let refusesOutsideWindow: Bool

  /// The acceptance of `rule`.
  init(_ rule: Rule) {
    var channels: UInt16 = 0
    for state in HouseholdState.allCases {
      for channel in rule.channels.allowed(for: state) {
        channels |= VisitAcceptance.bit(state, channel)
      }
    }
    self.channels = channels
    interviewees =
      rule.interviewees.isEmpty ? 0xFF : rule.interviewees.reduce(0) { $0 | VisitAcceptance.bit($1) }
    kind = rule.kind
    hours = rule.visitingWindow.hours
    refusesOutsideWindow = rule.visitingWindow.outside == .refuse
  }

  /// Whether a visit with this channel, kind and interviewee, to a household in `state`, can satisfy the rule
  /// (as `Rule.accepts`).
  func accepts(
    channel: Channel, kind visitKind: InterviewKind, interviewee: Interviewee, state: HouseholdState
  )
    -> Bool
  {
    visitKind.satisfies(kind) && channels & VisitAcceptance.bit(state, channel) != 0
      && interviewees & VisitAcceptance.bit(interviewee) != 0
  }

  /// Whether a visit by `channel` at local minute `minute` of the day is an in-home visit outside the window.
  func isOutsideWindow(channel: Channel, minute: Int) -> Bool {
    channel == .inHome && !hours.holdsVisit(atMinute: minute)
  }

  private static func bit(_ state: HouseholdState, _ channel: Channel) -> UInt16 {
    let row: UInt16
    switch state {
    case .vacant: row = 0
    case .renovating: row = 1
    case .occupied: row = 2
    }
    let column: UInt16
    switch channel {
    case .inHome: column = 0
    case .phone: column = 1
    case .wechat: column = 2
    case .sms: column = 3
    }
    return 1 << (row * 4 + column)
  }

  private static func bit(_ interviewee: Interviewee) -> UInt8 {
    switch interviewee {
    case .owner: return 1
    case .family: return 2
    case .tenant: return 4
    case .other: return 8
    }
  }
}
