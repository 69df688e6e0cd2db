import Foundation
import Planner
import Policy
import Store

/// The Chinese and English words accepted for the enumerated columns, and the words the writer uses.
public enum ValueWords {
  static let states: [String: HouseholdState] = [
    "空置": .vacant, "vacant": .vacant, "装修": .renovating, "renovating": .renovating, "入住": .occupied,
    "occupied": .occupied,
  ]
  static let statesExpected = "空置/装修/入住 or vacant/renovating/occupied"

  /// Channels by word.
  public static let channels: [String: Channel] = [
    "入户": .inHome, "面访": .inHome, "in-home": .inHome, "电话": .phone, "phone": .phone, "微信": .wechat,
    "wechat": .wechat, "短信": .sms, "sms": .sms,
  ]
  /// The channel words, for messages.
  public static let channelsExpected = "入户/面访/电话/微信/短信 or in-home/phone/wechat/sms"

  /// Interview kinds by word.
  public static let kinds: [String: InterviewKind] = [
    "基础": .basic, "basic": .basic, "深度": .deep, "deep": .deep,
  ]
  /// The kind words, for messages.
  public static let kindsExpected = "基础/深度 or basic/deep"

  /// Interviewees by word.
  public static let interviewees: [String: Interviewee] = [
    "产权人": .owner, "业主": .owner, "owner": .owner, "家属": .family, "family": .family, "租户": .tenant,
    "tenant": .tenant, "其他": .other, "other": .other,
  ]
  /// The interviewee words, for messages.
  public static let intervieweesExpected = "产权人/业主/家属/租户/其他 or owner/family/tenant/other"

  /// Outcomes by word.
  public static let outcomes: [String: VisitOutcome] = [
    "已访": .reached, "访到": .reached, "reached": .reached, "未接通": .notReached, "未访到": .notReached,
    "not-reached": .notReached, "拒访": .refused, "refused": .refused,
  ]
  /// The outcome words, for messages.
  public static let outcomesExpected = "已访/未接通/拒访 or reached/not-reached/refused"

  static func grade(_ text: String) -> Grade? { Grade(rawValue: text.uppercased()) }

  /// The Chinese word the writer uses for a state.
  public static func chinese(_ state: HouseholdState) -> String {
    switch state {
    case .vacant: return "空置"
    case .renovating: return "装修"
    case .occupied: return "入住"
    }
  }

  /// The Chinese word the writer uses for a channel.
  public static func chinese(_ channel: Channel) -> String {
    switch channel {
    case .inHome: return "入户"
    case .phone: return "电话"
    case .wechat: return "微信"
    case .sms: return "短信"
    }
  }

  /// The Chinese word the writer uses for an outcome.
  public static func chinese(_ outcome: VisitOutcome) -> String {
    switch outcome {
    case .reached: return "已访"
    case .notReached: return "未接通"
    case .refused: return "拒访"
    }
  }

  /// The Chinese word the writer uses for an interviewee.
  public static func chinese(_ interviewee: Interviewee) -> String {
    switch interviewee {
    case .owner: return "产权人"
    case .family: return "家属"
    case .tenant: return "租户"
    case .other: return "其他"
    }
  }

  /// The Chinese word for an interview kind.
  public static func chinese(_ kind: InterviewKind) -> String { kind == .deep ? "深度访谈" : "基础访谈" }

  /// The Chinese word for a task's state.
  public static func chinese(_ state: TaskState) -> String {
    switch state {
    case .planned: return "未开始"
    case .open: return "待访"
    case .done: return "已完成"
    case .late: return "迟办"
    case .overdue: return "逾期"
    case .waived: return "豁免"
    case .cancelled: return "已取消"
    case .missed: return "未完成"
    }
  }

  /// The Chinese word for a piece of owner information.
  public static func chinese(_ field: InfoField) -> String {
    switch field {
    case .name: return "姓名"
    case .contact: return "联系方式"
    case .gender: return "性别"
    case .houseState: return "房屋状态"
    case .hobbies: return "兴趣爱好"
    case .pets: return "宠物信息"
    }
  }

  /// Splits a list cell on `;`, `,`, `、`, `|` and their full-width forms.
  static func list(_ text: String) -> [String] {
    guard !text.isEmpty else { return [] }
    return text.unicodeScalars.split(whereSeparator: listSeparators.contains).compactMap { part in
      let item = CSVRow.trimmed(String(part))
      return item.isEmpty ? nil : item
    }
  }

  private static let listSeparators: Set<Unicode.Scalar> = [";", ",", "、", "|", "；", "，"]
}
