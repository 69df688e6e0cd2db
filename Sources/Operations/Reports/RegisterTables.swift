import CalendarSpec
import Foundation
import Planner
import Policy
import Store

/// `report register`: the month's 《客服访谈信息登记表》, one row per visit or attempt.
public enum RegisterTables {
  /// The register's headers: the visits file's columns in its order (so a register saved as CSV imports
  /// back), with the household's project, place and owner after 户号.
  public static let headers = [
    "访谈编号", "户号", "项目", "楼栋", "单元", "房号", "业主", "时间", "方式", "类型", "管家", "受访人", "结果",
    "家庭成员", "兴趣爱好", "宠物", "联系方式", "需求", "需求类别", "评价", "评价类别", "满意度", "报事单号", "性别",
    "房屋状态",
  ]

  /// The register's table and document.
  public static func build(_ report: MonthReport) -> ReportOutput {
    var table = TextTable("客服访谈信息登记表 \(report.month)", headers: headers)
    let categories = Dictionary(
      report.current.rules.settings.feedbackCategories.map { ($0.id, $0.title) },
      uniquingKeysWith: { a, _ in a })
    let documents = rows(report.registerVisits(), report: report, categories: categories)
    for row in documents { table.append(row.cells) }
    return ReportOutput(tables: [table], document: documents)
  }

  /// The visits' rows, made in parts on the machine's cores (a month of a million households has some 60,000).
  private static func rows(_ visits: [Visit], report: MonthReport, categories: [String: String])
    -> [RegisterRow]
  {
    visits.mapPartsSideBySide(partSize: 8_192) { part in
      part.map { RegisterRow($0, report: report, categories: categories) }
    }.flatMap { $0 }
  }
}

extension MonthReport {
  /// The visits and attempts of the month in the projects reported on, by time then id.
  public func registerVisits() -> [Visit] {
    if let registerVisitsLoaded { return registerVisitsLoaded }
    let wanted = Set(projects)
    var visits: [Visit] = []
    for household in current.facts.households.values where wanted.contains(household.project) {
      let zone = current.zone(ofProject: household.project)
      for visit in current.facts.visits(of: household.id)
      where YearMonth(LocalDate(visit.at, in: zone)) == month {
        visits.append(visit)
      }
    }
    return visits.sorted { ($0.at, $0.id) < ($1.at, $1.id) }
  }
}

/// One row of the register, as `--json` prints it.
public struct RegisterRow: Encodable, Sendable {
  /// The cells, in the order of `RegisterTables.headers`.
  public let cells: [String]

  init(_ visit: Visit, report: MonthReport, categories: [String: String]) {
    let household = report.current.facts.households[visit.household]
    let zone = report.current.zone(ofProject: household?.project ?? "")
    let texts = report.visitTexts[visit.id] ?? VisitTexts()
    let captured = visit.captured
    func info(_ field: InfoField) -> String {
      texts.details[field] ?? (captured.infoChanged.contains(field) ? "已更新" : "")
    }
    func remarks(needs: Bool) -> (text: String, category: String) {
      let items = captured.feedback.enumerated().filter { $0.element.isNeed == needs }
      let text = items.map { $0.offset < texts.feedback.count ? texts.feedback[$0.offset] : "" }
      let category = items.map { categories[$0.element.category] ?? $0.element.category }
      return (text.filter { !$0.isEmpty }.joined(separator: "；"), category.joined(separator: "；"))
    }
    let needs = remarks(needs: true)
    let feedback = remarks(needs: false)
    let ratings = captured.ratings.map { "\($0.key)=\($0.value)" }
    cells = [
      visit.id, visit.household, household?.project ?? "", household?.building ?? "", household?.unit ?? "",
      household?.room ?? "", household.map { report.contacts.name($0.owner) } ?? "",
      InstantText.minute(visit.at, in: zone), ValueWords.chinese(visit.channel),
      visit.kind == .deep ? "深度" : "基础", visit.steward, ValueWords.chinese(visit.interviewee),
      ValueWords.chinese(visit.outcome), info(.name), info(.hobbies), info(.pets), info(.contact), needs.text,
      needs.category, feedback.text, feedback.category, ratings.joined(separator: ";"),
      captured.tickets.joined(separator: ";"), info(.gender), info(.houseState),
    ]
  }
}
