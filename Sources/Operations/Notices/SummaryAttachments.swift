import CalendarSpec
import Foundation
import Messages
import Planner
import Policy

/// The files the 25th summary mail carries: the month's register (访谈登记表, one row per contact) and the summary,
/// each UTF-8 CSV with a BOM (so Excel reads it as UTF-8) and Chinese headers; owners masked as in every message.
///
/// Decision: CSV until the .xlsx writer shared with the web app (#19) lands; the register's columns and words
/// are those of the visits file people import (docs/csv.md), with where the household is and whose it is.
struct SummaryAttachments {
  let rules: RuleSet
  let facts: Facts

  /// The register's headers: the visits file's, with where the household is and whose it is.
  static let registerHeaders = [
    "项目", "户号", "楼栋", "单元", "房号", "业主", "电话", "访谈编号", "时间", "方式", "类型", "管家", "受访人", "结果",
    "更新信息", "需求类别", "评价类别", "满意度", "报事单号",
  ]

  /// The summary's headers.
  static let summaryHeaders = ["项目", "应访", "按时", "迟办", "豁免", "逾期", "完成率", "满意度"]

  /// The register of `month`: every contact (visit or attempt) of every project up to `until`, by project,
  /// household and time.
  func register(month: YearMonth, until: Date) -> ReportAttachment {
    var writer = CSVWriter(bom: true)
    writer.write(Self.registerHeaders)
    let dimensions = rules.settings.dimensions
    let categories = Dictionary(
      rules.settings.feedbackCategories.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
    for project in facts.projectIDs {
      let zone =
        facts.projects[project]?.timeZone(fallback: rules.settings.timeZone) ?? rules.settings.timeZone
      let name = facts.projects[project]?.name ?? project
      for code in facts.households(inProject: project) {
        guard let household = facts.households[code] else { continue }
        let owner = OwnerRef(household: code, surname: household.owner.surname, phone: household.owner.phone)
        for visit in facts.visits(of: code)
        where visit.at <= until && YearMonth(LocalDate(visit.at, in: zone)) == month {
          let captured = visit.captured
          let feedback = { (needs: Bool) in
            captured.feedback.filter { $0.isNeed == needs }.map { categories[$0.category] ?? $0.category }
              .joined(separator: "、")
          }
          let ratings = dimensions.compactMap { label in
            captured.ratings[label.id].map { "\(label.title)\($0)" }
          }
          writer.write([
            name, code, household.building, household.unit, household.room,
            owner.surname.isEmpty ? "" : owner.surname + "先生/女士", owner.phone, visit.id,
            InstantText.minute(visit.at, in: zone), ValueWords.chinese(visit.channel),
            visit.kind == .deep ? "深度" : "基础", facts.stewards[visit.steward]?.name ?? visit.steward,
            ValueWords.chinese(visit.interviewee), ValueWords.chinese(visit.outcome),
            InfoField.allCases.filter(captured.infoChanged.contains).map(ValueWords.chinese).joined(
              separator: "、"),
            feedback(true), feedback(false), ratings.joined(separator: "、"),
            captured.tickets.joined(separator: "、"),
          ])
        }
      }
    }
    return ReportAttachment(
      filename: "访谈登记表-\(month).csv", csv: String(decoding: writer.bytes, as: UTF8.self))
  }

  /// The summary's lines as a table.
  func summary(month: YearMonth, lines: [ProjectSummaryLine]) -> ReportAttachment {
    var writer = CSVWriter(bom: true)
    writer.write(Self.summaryHeaders)
    for line in lines {
      writer.write([
        line.project, "\(line.owed)", "\(line.onTime)", "\(line.late)", "\(line.waived)", "\(line.overdue)",
        line.compliance, line.satisfaction,
      ])
    }
    return ReportAttachment(filename: "月度汇总-\(month).csv", csv: String(decoding: writer.bytes, as: UTF8.self))
  }
}
