import CalendarSpec
import Foundation
import Operations
import Policy
import Store

/// The steward's 今日 page as its template reads it: today's share building by building, in-home visits apart
/// from calls (in-home first inside the visiting window), and what is overdue.
struct TodayPage {
  /// The day, with owners' contacts whole (the steward's own households; only the numbers leave as `tel:`).
  let day: StewardDay
  /// The rules in force (for the rules' titles and the visiting window).
  let rules: RuleSet
  /// The minute of the day now, in the rules' zone.
  let minuteNow: Int
  /// Where the overdue list starts: 0 on 今日 (today's work, then the oldest overdue), more on its later pages
  /// (overdue only).
  var overdueFrom = 0

  /// How many overdue tasks one page lists (a page stays light on a phone whatever the backlog).
  static let overduePerPage = 30

  /// The overdue tasks this page lists.
  private var overdueShown: ArraySlice<TaskListing> {
    day.overdue.dropFirst(overdueFrom).prefix(Self.overduePerPage)
  }

  /// Today's visits, when this page lists them (its first page).
  private var todayShown: [StewardDay.Building] { overdueFrom == 0 ? day.buildings : [] }

  /// The households whose full number the page puts in a `tel:` link (each one a logged read).
  var householdsCalled: [String] {
    (todayShown.flatMap(\.visits) + overdueShown).filter { isCall($0) }.map(\.task.household)
  }

  /// The template's model; `settled` names a visit just recorded.
  func model(visitor: WebVisitor, settled: String?) -> [String: Any] {
    let visits = day.buildings.flatMap(\.visits)
    let inHome = groups(todayShown, where: { !isCall($0) })
    let calls = groups(todayShown, where: isCall)
    let window = rules.settings.visitingWindow.hours
    let windowOpen = window.startMinute <= minuteNow && minuteNow < window.endMinute
    var sections: [[String: Any]] = []
    let inHomeSection: [String: Any] = ["heading": "入户（\(window.description)）", "buildings": inHome]
    let callSection: [String: Any] = ["heading": "电话 / 微信", "buildings": calls]
    for (section, present) in windowOpen
      ? [(inHomeSection, !inHome.isEmpty), (callSection, !calls.isEmpty)]
      : [(callSection, !calls.isEmpty), (inHomeSection, !inHome.isEmpty)]
    where present {
      sections.append(section)
    }
    let shown = overdueShown
    if !shown.isEmpty {
      let range = "第 \(overdueFrom + 1)–\(overdueFrom + shown.count) 项，共 \(day.overdue.count) 项"
      var section: [String: Any] = ["heading": "逾期（\(range)）", "buildings": [["visits": shown.map(row)]]]
      if overdueFrom + shown.count < day.overdue.count {
        section["more"] = "/app/today?overdue=\(overdueFrom + shown.count)"
      }
      sections.append(section)
    }
    var model: [String: Any] = [
      "title": overdueFrom == 0 ? "今日" : "逾期", "signedIn": true, "formToken": visitor.formToken,
      "day": "\(day.day.month)月\(day.day.day)日 \(Self.weekdays[day.day.isoWeekday - 1])",
      "todayCount": visits.count, "overdueCount": day.overdue.count, "openThisMonth": day.openThisMonth,
      "workingDaysLeft": day.workingDaysLeft, "sections": sections, "hasWork": !sections.isEmpty,
    ]
    if let settled { model["settled"] = settled }
    return model
  }

  private static let weekdays = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"]

  /// Whether the task may be done by a call (phone or WeChat): then the page offers the number.
  private func isCall(_ listing: TaskListing) -> Bool {
    let channels = day.channels[listing.task.id] ?? []
    return channels.contains(.phone) || channels.contains(.wechat)
  }

  private func groups(_ buildings: [StewardDay.Building], where keep: (TaskListing) -> Bool) -> [[String:
    Any]]
  {
    buildings.compactMap { building in
      let visits = building.visits.filter(keep)
      guard !visits.isEmpty else { return nil }
      var group: [String: Any] = ["visits": visits.map(row)]
      if !building.building.isEmpty { group["building"] = building.building }
      return group
    }
  }

  private func row(_ listing: TaskListing) -> [String: Any] {
    let channels = (day.channels[listing.task.id] ?? []).map(ValueWords.chinese).joined(separator: "/")
    var row: [String: Any] = [
      "household": listing.task.household,
      "room": listing.room.isEmpty ? listing.task.household : listing.room,
      "owner": Masking.name(listing.owner), "channels": channels,
      "rule": rules.rule(listing.task.rule)?.title ?? listing.task.rule,
      "due": listing.task.due.map { "\($0.month)月\($0.day)日" } ?? "未定",
    ]
    if isCall(listing), !listing.phone.isEmpty {
      row["tel"] = listing.phone
      row["phoneShown"] = Masking.phone(listing.phone)
    }
    return row
  }
}
