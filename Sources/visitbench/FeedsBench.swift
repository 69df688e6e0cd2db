import CalendarSpec
import Foundation
import Operations
import Planner
import Policy
import Spreadsheets
import Store
import StoreSQLite

/// The feeds of issue 19 on an existing database (`--feeds-db FILE`): a steward's year as an ICS feed, and each
/// month's register of the last year as an .xlsx workbook.
struct FeedsBench {
  let options: BenchOptions
  let rules: RuleSet
  let database: String

  func run() throws {
    let store = try SQLiteStore(path: database)
    let now = Date()
    let zone = rules.settings.timeZone
    // The plan current first (as the daemon keeps it), so the feed reads stored tasks.
    let planStart = DispatchTime.now()
    _ = try CurrentPlan.load(store: store, rules: rules, at: now, refresh: true, scope: .household(""))
    print("plan brought up to date in \(Self.rounded(Self.milliseconds(since: planStart))) ms")
    let busiest = try store.read { reader -> String in
      let facts = try reader.loadFacts()
      var counts: [String: Int] = [:]
      for steward in facts.stewards.keys {
        counts[steward] = try reader.tasks(assignee: steward, month: nil).count
      }
      return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? ""
    }
    var feedTimes: [Double] = []
    var events = 0
    var bytes = 0
    for _ in 0..<max(options.runs, 3) {
      let start = DispatchTime.now()
      let feed = try StewardCalendar.feed(store: store, rules: rules, steward: busiest, clock: now)
      let rendered = feed.render()
      feedTimes.append(Self.milliseconds(since: start))
      events = feed.events.count
      bytes = rendered.count
    }
    print(
      "ICS feed of steward \(busiest)'s year: \(events) events, \(bytes / 1024) KiB; "
        + "median \(Self.median(feedTimes)) ms of \(feedTimes.count) (first \(Self.rounded(feedTimes[0])) ms)"
    )

    let lastMonth = YearMonth(LocalDate(now, in: zone)).adding(-1)
    try phases(of: lastMonth, store: store, at: now)
    // Every month of the last year, so a register of about 50,000 visits (the target's size) is measured as is.
    for back in 0..<12 { try register(lastMonth.adding(-back), store: store, at: now) }
  }

  /// Where the time of a month's register goes: the visited households' facts, and their visits' texts.
  private func phases(of month: YearMonth, store: SQLiteStore, at now: Date) throws {
    let zone = rules.settings.timeZone
    let factsStart = DispatchTime.now()
    let visited = try CurrentPlan.visited(
      store: store, rules: rules, from: month.firstDay.startInstant(in: zone),
      until: month.lastDay.adding(days: 1).startInstant(in: zone), at: now)
    let factsTime = Self.milliseconds(since: factsStart)
    let ids = visited.facts.households.values.flatMap { visited.facts.visits(of: $0.id).map(\.id) }
    let textsStart = DispatchTime.now()
    _ = try store.read { try $0.visitTexts(ids) }
    print(
      "register \(month), of which: the visited households' facts \(Self.rounded(factsTime)) ms, the texts of "
        + "their \(ids.count) visits \(Self.rounded(Self.milliseconds(since: textsStart))) ms")
  }

  /// A month's register as an .xlsx workbook, as `visitctl report register --xlsx` writes it.
  private func register(_ month: YearMonth, store: SQLiteStore, at now: Date) throws {
    let path = NSTemporaryDirectory() + "visitbench-register-\(UUID().uuidString).xlsx"
    defer { try? FileManager.default.removeItem(atPath: path) }
    let loadStart = DispatchTime.now()
    let report = try MonthReport.load(
      store: store, rules: rules, month: month, asOf: nil, project: nil,
      contacts: ContactStyle(showContact: false),
      withPlan: false, stored: true, now: now, withVisitTexts: true)
    let loaded = Self.milliseconds(since: loadStart)
    let buildStart = DispatchTime.now()
    let output = ReportKind.register.build(report)
    let built = Self.milliseconds(since: buildStart)
    let writeStart = DispatchTime.now()
    try Workbook.write(output.sheets, to: path)
    let written = Self.milliseconds(since: writeStart)
    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    print(
      "register \(month): \(output.tables.first?.rows.count ?? 0) visits in "
        + "\(Self.rounded(loaded + built + written)) ms: facts and texts \(Self.rounded(loaded)) ms, "
        + "rows \(Self.rounded(built)) ms, .xlsx \(Self.rounded(written)) ms (\(size / 1024) KiB)")
  }

  static func milliseconds(since start: DispatchTime) -> Double {
    Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6
  }

  static func median(_ values: [Double]) -> Double { rounded(values.sorted()[values.count / 2]) }

  static func rounded(_ value: Double) -> Double { (value * 10).rounded() / 10 }
}
