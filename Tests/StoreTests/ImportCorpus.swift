import Operations
import Store
import StoreSQLite
import Testing

/// One bad input of the corpus and the message it must produce.
struct BadCase: Sendable, CustomTestStringConvertible {
  let name: String
  let kind: FactFileKind
  let text: String
  let expected: String

  var testDescription: String { name }
}

/// Builders of CSV text for the corpus, Chinese headers by default.
enum Corpus {
  static func header(_ kind: FactFileKind) -> String { kind.columns.map(\.chinese).joined(separator: ",") }

  static let goodHousehold: [String: String] = [
    "household": "H2", "project": "P1", "building": "1栋", "unit": "1单元", "room": "101", "area": "A1",
    "owner-name": "张伟", "phone": "13812345678", "state": "入住", "grade": "A", "delivered": "2024-01-10",
    "renovation-permit": "2024-02-01", "renovation-accepted": "2024-05-01", "deposit-refunded": "2024-06-01",
    "moved-in": "2024-06-15",
  ]

  static let goodVisit: [String: String] = [
    "household": "H1", "at": "2026-03-10 18:05", "channel": "入户", "kind": "深度", "steward": "S1",
    "interviewee": "产权人", "outcome": "已访", "hobbies": "钓鱼", "needs": "希望增加充电桩", "category": "停车",
    "ratings": "overall=4;cleaning=3", "tickets": "访谈-001",
  ]

  static func row(_ kind: FactFileKind, _ values: [String: String]) -> String {
    kind.columns.map { quoted(values[$0.key] ?? "") }.joined(separator: ",")
  }

  static func file(_ kind: FactFileKind, _ rows: [[String: String]]) -> String {
    ([header(kind)] + rows.map { row(kind, $0) }).joined(separator: "\n") + "\n"
  }

  static func household(_ changes: [String: String]) -> String {
    file(.households, [goodHousehold.merging(changes) { $1 }])
  }

  static func visit(_ changes: [String: String]) -> String {
    file(.visits, [goodVisit.merging(changes) { $1 }])
  }

  private static func quoted(_ value: String) -> String {
    value.contains(",") || value.contains("\"")
      ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
  }

  static let cases: [BadCase] = householdCases + fileCases + visitCases + referenceCases

  static let householdCases = [
    BadCase(
      name: "unknown state", kind: .households, text: household(["state": "空闲"]),
      expected:
        "households.csv:2: column 状态 (state): '空闲' is not a state; expected 空置/装修/入住 or vacant/renovating/occupied"
    ),
    BadCase(
      name: "unknown grade", kind: .households, text: household(["grade": "E"]),
      expected: "households.csv:2: column 等级 (grade): 'E' is not a grade; expected A, B, C or D"),
    BadCase(
      name: "malformed date", kind: .households, text: household(["delivered": "yesterday"]),
      expected:
        "households.csv:2: column 交付日期 (delivered): 'yesterday' is not a date; expected 2027-03-10, 2027/3/10 or 2027-03-10 18:05"
    ),
    BadCase(
      name: "no such day", kind: .households, text: household(["delivered": "2023-02-30"]),
      expected: "households.csv:2: column 交付日期 (delivered): '2023-02-30' is not a real day"),
    BadCase(
      name: "bad time of day", kind: .households, text: household(["moved-in": "2024-06-15 25:00"]),
      expected:
        "households.csv:2: column 入住日期 (moved-in): '2024-06-15 25:00' has a bad time of day; expected HH:MM from 00:00 to 23:59"
    ),
    BadCase(
      name: "bad phone", kind: .households, text: household(["phone": "138-abc-5678"]),
      expected:
        "households.csv:2: column 电话 (phone): '138****5678' is not a phone number; expected digits, e.g. 13812345678 or 0571-88886666"
    ),
    BadCase(
      name: "unknown project", kind: .households, text: household(["project": "P9"]),
      expected:
        "households.csv:2: column 项目 (project): 'P9' is not a known project; import projects.csv first"),
    BadCase(
      name: "unknown area", kind: .households, text: household(["area": "A9"]),
      expected: "households.csv:2: column 管辖区域 (area): 'A9' is not a known area; import areas.csv first"),
    BadCase(
      name: "area of another project", kind: .households, text: household(["area": "A2"]),
      expected: "households.csv:2: column 管辖区域 (area): area A2 belongs to project P2, not P1"),
    BadCase(
      name: "building outside the area", kind: .households, text: household(["building": "7栋"]),
      expected: "households.csv:2: column 楼栋 (building): '7栋' is not a building of area A1 (1栋、2栋)"),
    BadCase(
      name: "empty household code", kind: .households, text: household(["household": ""]),
      expected: "households.csv:2: column 户号 (household): is empty; a value is required"),
    BadCase(
      name: "slash in household code", kind: .households, text: household(["household": "H/2"]),
      expected: "households.csv:2: column 户号 (household): 'H/2' contains '/', which task ids reserve"),
    BadCase(
      name: "empty state", kind: .households, text: household(["state": ""]),
      expected: "households.csv:2: column 状态 (state): is empty; a value is required"),
    BadCase(
      name: "state without a date", kind: .households, text: household(["moved-in": ""]),
      expected:
        "households.csv:2: column 状态日期 (state-since): is empty; state 入住 needs a date: fill 状态日期 or the matching event date"
    ),
    BadCase(
      name: "moved in before delivery", kind: .households, text: household(["moved-in": "2023-12-01"]),
      expected: "households.csv:2: column 入住日期 (moved-in): '2023-12-01' is before the delivery (交付日期)"),
    BadCase(
      name: "accepted before permit", kind: .households,
      text: household(["renovation-accepted": "2024-01-20"]),
      expected:
        "households.csv:2: column 装修验收 (renovation-accepted): '2024-01-20' is before the renovation permit (装修办理)"
    ),
    BadCase(
      name: "date in the future", kind: .households, text: household(["delivered": "2099-01-01"]),
      expected: "households.csv:2: column 交付日期 (delivered): '2099-01-01' is in the future"),
    BadCase(
      name: "bad grade date", kind: .households, text: household(["grade-since": "2024.01.01"]),
      expected:
        "households.csv:2: column 等级日期 (grade-since): '2024.01.01' is not a date; expected 2027-03-10, 2027/3/10 or 2027-03-10 18:05"
    ),
    BadCase(
      name: "conflicting duplicate", kind: .households,
      text: file(.households, [goodHousehold, goodHousehold.merging(["room": "102"]) { $1 }]),
      expected: "households.csv:3: column 户号 (household): 'H2' is also on line 2 with other values"),
  ]

  static let fileCases = [
    BadCase(
      name: "too few fields", kind: .households, text: header(.households) + "\nH2,P1,1栋\n",
      expected: "households.csv:2: has 3 fields, the header has 18"),
    BadCase(
      name: "unclosed quote", kind: .households, text: header(.households) + "\n\"H2,P1\n",
      expected: "households.csv:2: a quoted field is never closed"),
    BadCase(
      name: "unknown column", kind: .projects, text: "项目编号,项目名称,颜色\nP3,锦绣华庭,红\n",
      expected:
        "projects.csv:1: '颜色' is not a column of projects.csv; expected 项目编号/项目名称/时区/项目负责人 or English names"),
    BadCase(
      name: "missing column", kind: .projects, text: "项目编号\nP3\n",
      expected: "projects.csv:1: column 项目名称 (name): is missing from the header"),
    BadCase(
      name: "repeated column", kind: .projects, text: "项目编号,项目名称,id\nP3,锦绣华庭,P4\n",
      expected: "projects.csv:1: column 项目编号 (project): appears twice in the header"),
    BadCase(
      name: "empty file", kind: .projects, text: "",
      expected: "projects.csv:1: the file is empty; expected a header line"),
  ]

  static let visitCases = [
    BadCase(
      name: "conflicting duplicate visit", kind: .visits,
      text: file(
        .visits,
        [
          goodVisit.merging(["visit": "V1"]) { $1 },
          goodVisit.merging(["visit": "V1", "channel": "电话"]) { $1 },
        ]),
      expected: "visits.csv:3: column 访谈编号 (visit): visit V1 is also on line 2 with other values"),
    BadCase(
      name: "unknown household", kind: .visits, text: visit(["household": "H9"]),
      expected:
        "visits.csv:2: column 户号 (household): 'H9' is not a known household; import households.csv first"),
    BadCase(
      name: "unknown channel", kind: .visits, text: visit(["channel": "飞鸽"]),
      expected:
        "visits.csv:2: column 方式 (channel): '飞鸽' is not a channel; expected 入户/面访/电话/微信/短信 or in-home/phone/wechat/sms"
    ),
    BadCase(
      name: "unknown kind", kind: .visits, text: visit(["kind": "中度"]),
      expected: "visits.csv:2: column 类型 (kind): '中度' is not an interview kind; expected 基础/深度 or basic/deep"),
    BadCase(
      name: "unknown interviewee", kind: .visits, text: visit(["interviewee": "邻居"]),
      expected:
        "visits.csv:2: column 受访人 (interviewee): '邻居' is not an interviewee; expected 产权人/业主/家属/租户/其他 or owner/family/tenant/other"
    ),
    BadCase(
      name: "unknown outcome", kind: .visits, text: visit(["outcome": "失联"]),
      expected:
        "visits.csv:2: column 结果 (outcome): '失联' is not an outcome; expected 已访/未接通/拒访 or reached/not-reached/refused"
    ),
    BadCase(
      name: "unknown steward", kind: .visits, text: visit(["steward": "S9"]),
      expected: "visits.csv:2: column 管家 (steward): 'S9' is not a known steward; import stewards.csv first"),
    BadCase(
      name: "rating out of range", kind: .visits, text: visit(["ratings": "overall=6"]),
      expected: "visits.csv:2: column 满意度 (ratings): '6' for overall is not a score from 1 to 5"),
    BadCase(
      name: "unknown dimension", kind: .visits, text: visit(["ratings": "taste=4"]),
      expected:
        "visits.csv:2: column 满意度 (ratings): 'taste' is not a rating dimension; expected overall/cleaning/greening/security/repairs/staff-attitude"
    ),
    BadCase(
      name: "malformed rating", kind: .visits, text: visit(["ratings": "overall4"]),
      expected:
        "visits.csv:2: column 满意度 (ratings): 'overall4' is not a rating; expected dimension=score like overall=4;cleaning=3"
    ),
    BadCase(
      name: "dimension rated twice", kind: .visits, text: visit(["ratings": "overall=4;总体=5"]),
      expected: "visits.csv:2: column 满意度 (ratings): 总体 is rated twice"),
    BadCase(
      name: "need without category", kind: .visits, text: visit(["category": ""]),
      expected: "visits.csv:2: column 需求类别 (category): is empty; needs need a category"),
    BadCase(
      name: "category without need", kind: .visits, text: visit(["needs": ""]),
      expected: "visits.csv:2: column 需求 (needs): is empty but category is '停车'"),
    BadCase(
      name: "unknown category", kind: .visits, text: visit(["category": "天气"]),
      expected:
        "visits.csv:2: column 需求类别 (category): '天气' is not a feedback category; expected 安保/保洁/绿化/维修/停车/收费/噪音/宠物/公共设施/服务态度/装修/特约服务/其他"
    ),
    BadCase(
      name: "visit in the future", kind: .visits, text: visit(["at": "2099-01-01 18:00"]),
      expected: "visits.csv:2: column 时间 (at): '2099-01-01 18:00' is in the future"),
    BadCase(
      name: "attempt with captured information", kind: .visits, text: visit(["outcome": "未接通"]),
      expected: "visits.csv:2: an attempt (未接通) cannot capture information, needs or ratings"),
    BadCase(
      name: "visit without time", kind: .visits, text: visit(["at": ""]),
      expected: "visits.csv:2: column 时间 (at): is empty; a value is required"),
  ]

  static let referenceCases = [
    BadCase(
      name: "unknown zone", kind: .projects, text: "项目编号,项目名称,时区\nP3,锦绣华庭,Mars/Base\n",
      expected:
        "projects.csv:2: column 时区 (zone): 'Mars/Base' is not a time zone; expected an IANA name like Asia/Shanghai"
    ),
    BadCase(
      name: "steward without name", kind: .stewards, text: "管家编号,姓名\nS3,\n",
      expected: "stewards.csv:2: column 姓名 (name): is empty; a value is required"),
    BadCase(
      name: "area of an unknown project", kind: .areas, text: "管辖区域,项目,楼栋,管家,接管日期\nA3,P9,1栋,S1,2025-01-01\n",
      expected: "areas.csv:2: column 项目 (project): 'P9' is not a known project; import projects.csv first"),
    BadCase(
      name: "area without buildings", kind: .areas, text: "管辖区域,项目,楼栋,管家,接管日期\nA3,P1,,S1,2025-01-01\n",
      expected: "areas.csv:2: column 楼栋 (buildings): is empty; list the area's buildings, e.g. 1栋;2栋"),
    BadCase(
      name: "area with an unknown steward", kind: .areas,
      text: "管辖区域,项目,楼栋,管家,接管日期\nA3,P1,3栋,S9,2025-01-01\n",
      expected: "areas.csv:2: column 管家 (steward): 'S9' is not a known steward; import stewards.csv first"),
    BadCase(
      name: "area moved to another project", kind: .areas,
      text: "管辖区域,项目,楼栋,管家,接管日期\nA2,P1,9栋,S1,2025-01-01\n",
      expected: "areas.csv:2: column 项目 (project): area A2 belongs to project P2, not P1"),
    BadCase(
      name: "area rows disagreeing on buildings", kind: .areas,
      text: "管辖区域,项目,楼栋,管家,接管日期\nA3,P1,3栋,S1,2025-01-01\nA3,P1,4栋,S2,2025-06-01\n",
      expected: "areas.csv:3: column 楼栋 (buildings): area A3 has other buildings on line 2"),
  ]
}
