import CalendarSpec
import Planner
import Store

/// One demo visit row: channel by state, depth by grade, an outcome, and what it captured.
struct DemoVisit {
  let code: String
  let day: LocalDate
  let steward: String
  /// No later minute of `day` (the as-of day when it is today): a later visit falls on the day before.
  let latestMinute: Int?

  mutating func fields(state: String, grade: String, tickets: inout Int, random: inout SplitMix64) -> [String]
  {
    let channel = state == "入住" ? (random.chance(80) ? "入户" : "电话") : random.pick(["电话", "微信", "短信"])
    let minutes = channel == "入户" ? 17 * 60 + 30 + random.below(120) : 9 * 60 + random.below(11 * 60)
    let roll = random.below(100)
    let outcome = roll < 85 ? "已访" : roll < 97 ? "未接通" : "拒访"
    let kind = grade == "C" || grade == "D" ? "深度" : "基础"
    let onDay = latestMinute.map { minutes > $0 } == true ? day.adding(days: -1) : day
    var row = [
      "\(code)#1", code, DemoText.time(onDay, minutes: minutes), channel, kind, steward, "", outcome,
    ]
    guard outcome == "已访" else { return row + Array(repeating: "", count: 12) }
    row[6] = random.chance(75) ? "产权人" : random.pick(["家属", "租户"])
    row.append(random.chance(40) ? random.pick(DemoWords.families) : "")
    row.append(random.chance(25) ? random.pick(DemoWords.hobbies) : "")
    row.append(random.chance(15) ? random.pick(DemoWords.pets) : "")
    row.append("")
    let need = random.chance(30) ? random.pick(DemoWords.needs) : nil
    row += [need?.0 ?? "", need?.1 ?? "", "", ""]
    row.append(ratings(&random))
    if need != nil && random.chance(30) {
      tickets += 1
      row.append("访谈-\(code)-" + DemoText.padded(tickets, 4))
    } else {
      row.append("")
    }
    return row + ["", ""]
  }

  private func ratings(_ random: inout SplitMix64) -> String {
    guard random.chance(70) else { return "" }
    var parts = ["overall=\(3 + random.below(3))"]
    for dimension in DemoWords.dimensions.dropFirst() where random.chance(30) {
      parts.append("\(dimension)=\(2 + random.below(4))")
    }
    return parts.joined(separator: ";")
  }
}
