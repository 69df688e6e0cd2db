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

  /// The longest row, in bytes of the file (separators and quotes included): a bound on what one row costs.
  public static let maxRowBytes = 16_384
}

/// What a column holds, which sets the longest value it takes and the characters it refuses.
public enum ColumnContent: Sendable, Hashable {
  /// Codes, ids, dates, phone numbers and the enumerated words: at most 64 bytes, no control character.
  case code
  /// Names of people, projects, buildings, units, rooms and categories: at most 100 bytes, no control character.
  case name
  /// Lists (buildings, tags, tickets, ratings): at most 2,000 bytes, no control character.
  case list
  /// Free text (information captured, needs, feedback): at most 2,000 bytes; tabs and line breaks allowed, other
  /// control characters not.
  case text

  /// The longest value, in UTF-8 bytes, surrounding spaces left out.
  public var maxBytes: Int {
    switch self {
    case .code: return 64
    case .name: return 100
    case .list, .text: return 2_000
    }
  }

  /// Whether tab, line feed and carriage return are allowed (they never are in codes, names and lists).
  public var allowsLineBreaks: Bool { self == .text }

  /// How messages name such a value.
  var noun: String {
    switch self {
    case .code: return "a code"
    case .name: return "a name"
    case .list: return "a list"
    case .text: return "free text"
    }
  }
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
  /// What the column holds: its longest value and the characters it refuses.
  public let content: ColumnContent

  init(
    _ key: String, _ chinese: String, required: Bool = false, aliases: [String] = [],
    _ content: ColumnContent = .code
  ) {
    self.key = key
    self.chinese = chinese
    self.required = required
    self.aliases = aliases
    self.content = content
  }

  /// `状态 (state)`: how error messages name the column.
  public var display: String { "\(chinese) (\(key))" }

  static let projects = [
    Column("project", "项目编号", required: true, aliases: ["项目", "id"]),
    Column("name", "项目名称", required: true, .name),
    Column("zone", "时区", aliases: ["time-zone"]),
    Column("lead", "项目负责人", .name),
  ]

  static let stewards = [
    Column("steward", "管家编号", required: true, aliases: ["管家", "id"]),
    Column("name", "姓名", required: true, .name),
    Column("wecom", "企业微信"),
    Column("dingtalk", "钉钉"),
    Column("feishu", "飞书"),
    Column("email", "邮箱", aliases: ["mail", "电子邮箱"]),
  ]

  static let areas = [
    Column("area", "管辖区域", required: true, aliases: ["区域"]),
    Column("project", "项目", required: true),
    Column("buildings", "楼栋", required: true, .list),
    Column("steward", "管家", required: true),
    Column("since", "接管日期", required: true),
  ]

  static let households = [
    Column("household", "户号", required: true),
    Column("project", "项目", required: true),
    Column("building", "楼栋", required: true, .name),
    Column("unit", "单元", .name),
    Column("room", "房号", .name),
    Column("area", "管辖区域", required: true, aliases: ["区域"]),
    Column("owner-name", "业主姓名", .name),
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
    Column("tags", "标签", .list),
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
    Column("family", "家庭成员", .text),
    Column("hobbies", "兴趣爱好", .text),
    Column("pets", "宠物", .text),
    Column("contact", "联系方式", .text),
    Column("needs", "需求", .text),
    Column("category", "需求类别", .name),
    Column("feedback", "评价", .text),
    Column("feedback-category", "评价类别", .name),
    Column("ratings", "满意度", .list),
    Column("tickets", "报事单号", .list),
    Column("gender", "性别", .text),
    Column("house-state", "房屋状态", .text),
  ]
}
