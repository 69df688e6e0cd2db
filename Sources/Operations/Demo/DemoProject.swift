import CalendarSpec
import Planner
import Store

/// One demo project: its stewards, areas of four buildings, households of 72 per building, and visits.
struct DemoProject {
  let id: String
  let index: Int
  let households: Int
  let asOf: LocalDate
  /// The latest minute of the as-of day a visit may fall on (`DemoGenerator.latestMinute`).
  let latestMinute: Int?
  private let buildings: Int
  private let areas: Int

  static let perBuilding = 72
  static let buildingsPerArea = 4

  init(index: Int, households: Int, asOf: LocalDate, latestMinute: Int? = nil) {
    self.latestMinute = latestMinute
    self.index = index
    id = "P" + DemoText.padded(index + 1, 3)
    self.households = households
    self.asOf = asOf
    buildings = max(1, (households + DemoProject.perBuilding - 1) / DemoProject.perBuilding)
    areas = (buildings + DemoProject.buildingsPerArea - 1) / DemoProject.buildingsPerArea
  }

  var name: String {
    let head = DemoWords.projectHeads[index % DemoWords.projectHeads.count]
    let tail = DemoWords.projectTails[(index / DemoWords.projectHeads.count) % DemoWords.projectTails.count]
    let phase = index / (DemoWords.projectHeads.count * DemoWords.projectTails.count)
    return head + tail + (phase > 0 ? "\(phase + 1)期" : "")
  }

  /// The day the demo's steward change happens, for areas that have one.
  var changeDay: LocalDate { asOf.adding(days: -40) }

  func hasChange(area: Int) -> Bool { area == 0 && index % 50 == 0 }

  func steward(area: Int, changed: Bool) -> String {
    "\(id)-S" + DemoText.padded(area + 1, 2) + (changed ? "b" : "")
  }

  mutating func write(into files: inout DemoFiles, random: inout SplitMix64) {
    files.write(.projects, [id, name, "Asia/Shanghai", steward(area: 0, changed: false)])
    for area in 0..<areas { writeArea(area, into: &files, random: &random) }
    var household = HouseholdMaker(project: self)
    for number in 0..<households { household.write(number, into: &files, random: &random) }
  }

  private func writeArea(_ area: Int, into files: inout DemoFiles, random: inout SplitMix64) {
    let first = area * DemoProject.buildingsPerArea
    let list = (first..<min(buildings, first + DemoProject.buildingsPerArea)).map { "\($0 + 1)栋" }
    let areaID = "\(id)-A" + DemoText.padded(area + 1, 2)
    let buildingsText = list.joined(separator: ";")
    let since = asOf.adding(days: -900).description
    // WeCom user ids (the steward id in lower case; no DingTalk, Feishu or mail ids), so that the demo's messages mention their stewards and leads.
    files.write(
      .stewards,
      [
        steward(area: area, changed: false), DemoText.name(&random),
        steward(area: area, changed: false).lowercased(), "", "", "",
      ])
    files.write(.areas, [areaID, id, buildingsText, steward(area: area, changed: false), since])
    guard hasChange(area: area) else { return }
    files.write(
      .stewards,
      [
        steward(area: area, changed: true), DemoText.name(&random),
        steward(area: area, changed: true).lowercased(), "", "", "",
      ])
    files.write(
      .areas, [areaID, id, buildingsText, steward(area: area, changed: true), changeDay.description])
  }
}

/// Small text helpers of the demo generator: padded numbers, fake names and phones.
enum DemoText {
  static func padded(_ number: Int, _ width: Int) -> String {
    let digits = String(number)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
  }

  static func name(_ random: inout SplitMix64) -> String {
    var name = String(random.pick(DemoWords.surnames)) + String(random.pick(DemoWords.givenNames))
    if random.chance(60) { name.append(random.pick(DemoWords.givenNames)) }
    return name
  }

  static func phone(_ random: inout SplitMix64) -> String {
    "1" + String(random.pick([3, 5, 7, 8, 9])) + padded(random.below(1_000_000_000), 9)
  }

  static func time(_ day: LocalDate, minutes: Int) -> String {
    "\(day) " + padded(minutes / 60, 2) + ":" + padded(minutes % 60, 2)
  }
}
