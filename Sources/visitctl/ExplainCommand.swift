import ArgumentParser
import CalendarSpec
import Foundation
import Operations
import Planner
import Policy
import Store

/// `visitctl explain HOUSEHOLD`: why each task exists or does not.
struct ExplainCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "explain",
    abstract: "Explain a household's tasks: the selector, the anchor, the window, the month, what settled it."
  )

  @Argument(help: "The household code.")
  var household: String

  @Option(help: "Only this rule.")
  var rule: String?

  @Option(help: "Explain as of the end of this day, YYYY-MM-DD (default: now).")
  var at: String?

  @Option(
    help: "Read the facts from this folder of CSV files (as demo generate writes) instead of the database.")
  var facts: String?

  @OptionGroup var options: ReadOptions

  @Flag(help: "Print JSON instead of text.")
  var json = false

  func run() throws {
    let (planner, facts, plan) = try planned()
    if let rule, planner.rules.rule(rule) == nil {
      throw ValidationError(
        "no rule '\(rule)'; expected one of \(planner.rules.rules.map(\.id).joined(separator: ", "))")
    }
    guard let explanation = planner.explain(household: household, rule: rule, facts: facts, plan: plan) else {
      throw ValidationError("'\(household)' is not a known household")
    }
    if json {
      print(try JSONText.encode(explanation))
    } else {
      let place = facts.households[household].map { HouseholdLabel($0, contacts: options.contacts) }
      print(ExplanationText(explanation, place: place, rules: planner.rules).text)
      if let note = HolidayStatus.note(planner.rules.holidays, year: planner.from.year) { print("\n" + note) }
    }
  }

  private func planned() throws -> (Planner, Facts, Plan) {
    let (_, rules) = try options.rules.load()
    let clock = try at.map {
      DateArguments.endOf(try DateArguments.day($0, option: "--at"), in: rules.settings.timeZone)
    }
    if let folder = facts {
      let facts = try FactFolder.read(folder)
      let now = clock ?? Date()
      let planner = Planner(rules: rules, year: LocalDate(now, in: rules.settings.timeZone).year)
      return (planner, facts, planner.plan(facts, at: now))
    }
    let current = try CurrentPlan.load(
      store: try options.store.open(), rules: rules, at: clock ?? Date(), refresh: !options.stored,
      persist: clock == nil, scope: .household(household))
    return (current.planner, current.facts, current.plan)
  }
}

/// An explanation as lines people read.
struct ExplanationText {
  let explanation: Explanation
  let place: HouseholdLabel?
  let rules: RuleSet

  init(_ explanation: Explanation, place: HouseholdLabel?, rules: RuleSet) {
    self.explanation = explanation
    self.place = place
    self.rules = rules
  }

  var text: String {
    var lines = ["\(place?.line ?? explanation.household): \(explanation.status)"]
    for rule in explanation.rules {
      let title = rules.rule(rule.rule)?.title ?? ""
      lines.append("")
      lines.append("\(rule.rule) \(title)：\(rule.matches ? "适用" : "不适用")")
      lines.append("  条件：" + rule.selector.joined(separator: "; "))
      lines.append("  触发：" + rule.trigger)
      if let note = rule.note { lines.append("  无任务：" + note) }
      for task in rule.tasks { lines += taskLines(task) }
    }
    return lines.joined(separator: "\n")
  }

  private func taskLines(_ task: TaskExplanation) -> [String] {
    [
      "  任务 \(task.task.id) [\(ValueWords.chinese(task.task.state))]，负责管家 \(task.task.assignee)",
      "    起因：\(task.anchor)",
      "    期限：\(task.window)",
      "    计划月：\(task.task.plannedMonth)，\(task.month)",
      "    办结：\(task.settledBy ?? "尚未")",
    ]
  }
}
