import CalendarSpec
import Planner
import Store

/// Writes one demo household row, and its visit row when it has one.
struct HouseholdMaker {
  let project: DemoProject
  private var tickets = 0
  private let yearStart: LocalDate

  init(project: DemoProject) {
    self.project = project
    yearStart = LocalDate(year: project.asOf.year, month: 1, day: 1)!
  }

  mutating func write(_ number: Int, into files: inout DemoFiles, random: inout SplitMix64) {
    let building = number / DemoProject.perBuilding
    let inBuilding = number % DemoProject.perBuilding
    let unit = inBuilding / 36 + 1
    let room = (inBuilding % 36 / 2 + 1) * 100 + inBuilding % 2 + 1
    let code = "\(project.id)-" + DemoText.padded(building + 1, 2) + "-\(unit)-\(room)"
    let area = building / DemoProject.buildingsPerArea
    let dates = DemoDates(random: &random, asOf: project.asOf, yearStart: yearStart)
    let grade = DemoHousehold.grade(&random)
    files.write(
      .households,
      [
        code, project.id, "\(building + 1)栋", "\(unit)单元", "\(room)",
        "\(project.id)-A" + DemoText.padded(area + 1, 2),
        DemoText.name(&random), DemoText.phone(&random), dates.stateWord, "", grade, "",
        dates.delivered.description, dates.permit?.description ?? "", dates.accepted?.description ?? "",
        dates.refunded?.description ?? "", dates.movedIn?.description ?? "", "",
      ])
    guard random.chance(35) else { return }
    let day = dates.since.dayNumber > yearStart.dayNumber ? dates.since : yearStart
    let visitDay = day.adding(days: random.below(max(1, project.asOf.dayNumber - day.dayNumber + 1)))
    let changed = project.hasChange(area: area) && visitDay >= project.changeDay
    var visit = DemoVisit(
      code: code, day: visitDay, steward: project.steward(area: area, changed: changed),
      latestMinute: visitDay == project.asOf ? project.latestMinute : nil)
    files.write(
      .visits, visit.fields(state: dates.stateWord, grade: grade, tickets: &tickets, random: &random))
  }
}

/// A household's state and dated events, consistent and never after `asOf`.
struct DemoDates {
  var stateWord = "入住"
  var delivered: LocalDate
  var permit: LocalDate?
  var accepted: LocalDate?
  var refunded: LocalDate?
  var movedIn: LocalDate?
  var since: LocalDate

  init(random: inout SplitMix64, asOf: LocalDate, yearStart: LocalDate) {
    let roll = random.below(100)
    if roll < 60 {
      let recent = random.chance(30)
      let moved =
        recent
        ? yearStart.adding(days: random.below(max(1, asOf.dayNumber - yearStart.dayNumber)))
        : yearStart.adding(days: -1 - random.below(700))
      let accepted = moved.adding(days: -5 - random.below(55))
      let permit = accepted.adding(days: -60 - random.below(90))
      delivered = permit.adding(days: -10 - random.below(110))
      (self.permit, self.accepted, movedIn, since) = (permit, accepted, moved, moved)
      let refund = accepted.adding(days: 20 + random.below(40))
      refunded = refund <= asOf ? refund : nil
    } else if roll < 75 {
      stateWord = "装修"
      let permit = asOf.adding(days: -1 - random.below(150))
      delivered = permit.adding(days: -10 - random.below(300))
      (self.permit, since) = (permit, permit)
    } else {
      stateWord = "空置"
      delivered = asOf.adding(days: -30 - random.below(1000))
      since = delivered
    }
  }
}

/// The grade mix: about 45% A, 35% B, 15% C, 5% D.
enum DemoHousehold {
  static func grade(_ random: inout SplitMix64) -> String {
    let roll = random.below(100)
    return roll < 45 ? "A" : roll < 80 ? "B" : roll < 95 ? "C" : "D"
  }
}
