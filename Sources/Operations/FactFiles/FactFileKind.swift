import Store

/// The kinds of fact files `visitctl import` reads and `visitctl demo generate` writes.
public enum FactFileKind: String, Sendable, CaseIterable {
  /// `projects.csv`.
  case projects
  /// `stewards.csv`.
  case stewards
  /// `areas.csv`: one row per steward assignment of an area.
  case areas
  /// `households.csv`.
  case households
  /// `visits.csv`: visits and attempts.
  case visits

  /// The columns of the kind, in the order the writer puts them.
  public var columns: [Column] {
    switch self {
    case .projects: return Column.projects
    case .stewards: return Column.stewards
    case .areas: return Column.areas
    case .households: return Column.households
    case .visits: return Column.visits
    }
  }

  /// The file name the demo generator gives this kind.
  public var fileName: String { "\(rawValue).csv" }
}

/// A column of a fact file: its English key, its Chinese header and whether a row must fill it.
public struct Column: Sendable, Hashable {
  /// The English header, also the key the parsers use.
  public let key: String
  /// The Chinese header.
  public let chinese: String
  /// Other accepted headers.
  public let aliases: [String]
  /// Whether the header must be present and every row must give a value.
  public let required: Bool

  init(_ key: String, _ chinese: String, required: Bool = false, aliases: [String] = []) {
    self.key = key
    self.chinese = chinese
    self.required = required
    self.aliases = aliases
  }

  /// `状态 (state)`: how error messages name the column.
  public var display: String { "\(chinese) (\(key))" }

  static let projects = [
    Column("project", "项目编号", required: true, aliases: ["项目", "id"]),
    Column("name", "项目名称", required: true),
    Column("zone", "时区", aliases: ["time-zone"]),
    Column("lead", "项目负责人"),
  ]

  static let stewards = [
    Column("steward", "管家编号", required: true, aliases: ["管家", "id"]),
    Column("name", "姓名", required: true),
    Column("wecom", "企业微信"),
  ]

  static let areas = [
    Column("area", "管辖区域", required: true, aliases: ["区域"]),
    Column("project", "项目", required: true),
    Column("buildings", "楼栋", required: true),
    Column("steward", "管家", required: true),
    Column("since", "接管日期", required: true),
  ]

  static let households = [
    Column("household", "户号", required: true),
    Column("project", "项目", required: true),
    Column("building", "楼栋", required: true),
    Column("unit", "单元"),
    Column("room", "房号"),
    Column("area", "管辖区域", required: true, aliases: ["区域"]),
    Column("owner-name", "业主姓名"),
    Column("phone", "电话", aliases: ["联系电话"]),
    Column("state", "状态", required: true),
    Column("state-since", "状态日期"),
    Column("grade", "等级", aliases: ["客户等级"]),
    Column("grade-since", "等级日期"),
    Column("delivered", "交付日期"),
    Column("renovation-permit", "装修办理"),
    Column("renovation-accepted", "装修验收"),
    Column("deposit-refunded", "保证金退还"),
    Column("moved-in", "入住日期"),
    Column("tags", "标签"),
  ]

  static let visits = [
    Column("visit", "访谈编号"),
    Column("household", "户号", required: true),
    Column("at", "时间", required: true, aliases: ["访谈时间"]),
    Column("channel", "方式", required: true, aliases: ["渠道"]),
    Column("kind", "类型", aliases: ["访谈类型"]),
    Column("steward", "管家", required: true),
    Column("interviewee", "受访人"),
    Column("outcome", "结果", aliases: ["访谈结果"]),
    Column("family", "家庭成员"),
    Column("hobbies", "兴趣爱好"),
    Column("pets", "宠物"),
    Column("contact", "联系方式"),
    Column("needs", "需求"),
    Column("category", "需求类别"),
    Column("feedback", "评价"),
    Column("feedback-category", "评价类别"),
    Column("ratings", "满意度"),
    Column("tickets", "报事单号"),
  ]
}
