import Foundation

/// Plans the month of each split quota task: kept months stay, done tasks take their visit's month, and
/// newcomers go building by building to the months furthest below their share.
///
/// Decisions: a month's share of a steward's period quota is proportional to its working days (so holidays
/// reduce it); a building is kept whole in one month, even in a month whose share is smaller than the building,
/// unless it is larger than every eligible month's share, in which case it fills the months furthest below their
/// share in turn; buildings are placed largest first, each in the month furthest below its share (so monthly
/// loads differ from their shares by at most the largest building kept whole); a newcomer whose building
/// already has tasks in an eligible month joins it; a newcomer is never planned before its window opens nor,
/// in the period holding the clock, before the clock's month; cancelled tasks keep a month but take no share.
struct MonthSplitter {
  let context: PlanContext
  let clockMonth: YearMonth
  private(set) var keys: [SplitGroupKey] = []
  private(set) var buildings: [String] = []
  private var keyIndex: [Int: Int] = [:]
  private var stewards: [String] = []
  private var buildingIndex: [String: Int] = [:]

  /// A splitter for one run at the clock's month.
  init(context: PlanContext, clockMonth: YearMonth) {
    self.context = context
    self.clockMonth = clockMonth
  }

  /// A newcomer waiting for a month: where its draft is, its group, building and earliest month offset.
  struct Newcomer {
    let household: Int32
    let draft: Int32
    let group: Int32
    let building: Int32
    let earliest: Int32
  }

  /// The newcomer of draft `draft` of household `household`, interning its group and building.
  mutating func newcomer(household: Int, draft: Int, key: SplitGroupKey, building: String, opens: YearMonth)
    -> Newcomer
  {
    Newcomer(
      household: Int32(household), draft: Int32(draft), group: Int32(intern(key)),
      building: Int32(intern(building)),
      earliest: Int32(earliestOffset(opens: opens, key: key)))
  }

  /// Places the newcomers into `ledger`, writing each draft's planned month.
  func place(_ newcomers: [Newcomer], drafts: inout [[TaskDraft]], ledger: inout SplitLedger) {
    let sorted = newcomers.sorted {
      ($0.group, $0.building, $0.earliest, $0.household, $0.draft)
        < ($1.group, $1.building, $1.earliest, $1.household, $1.draft)
    }
    var start = 0
    while start < sorted.count {
      var end = start
      while end < sorted.count && sorted[end].group == sorted[start].group { end += 1 }
      placeGroup(sorted[start..<end], drafts: &drafts, ledger: &ledger)
      start = end
    }
  }

  private func placeGroup(
    _ members: ArraySlice<Newcomer>, drafts: inout [[TaskDraft]], ledger: inout SplitLedger
  ) {
    let key = keys[Int(members.first!.group)]
    var group = ledger.groups[key] ?? SplitGroup(months: key.months)
    let targets = MonthTargets.apportion(group.total + members.count, weights: weights(key))
    var slots: [ArraySlice<Newcomer>] = []
    var start = members.startIndex
    while start < members.endIndex {
      var end = start
      while end < members.endIndex && members[end].building == members[start].building
        && members[end].earliest == members[start].earliest
      {
        end += 1
      }
      slots.append(members[start..<end])
      start = end
    }
    slots.sort {
      ($0.count, buildings[Int($1.first!.building)]) > ($1.count, buildings[Int($0.first!.building)])
    }
    for slot in slots {
      assign(slot, group: &group, targets: targets) { member, offset in
        drafts[Int(member.household)][Int(member.draft)].task.monthIndex = Int32(key.firstMonth + offset)
      }
    }
    ledger.groups[key] = group
  }

  /// The earliest month offset a newcomer of a task may be planned in.
  func earliestOffset(opens: YearMonth, key: SplitGroupKey) -> Int {
    let clockOffset = clockMonth.index - key.firstMonth
    let lower = max(opens.index - key.firstMonth, clockOffset < key.months ? clockOffset : 0)
    return min(max(0, lower), key.months - 1)
  }

  private func assign(
    _ members: ArraySlice<Newcomer>, group: inout SplitGroup, targets: [Int], write: (Newcomer, Int) -> Void
  ) {
    let building = buildings[Int(members.first!.building)]
    let eligible = Int(members.first!.earliest)..<targets.count
    if let month = group.buildingMonth[building], eligible.contains(month) {
      group.loads[month] += members.count
      for member in members { write(member, month) }
      return
    }
    // A building no larger than the largest eligible share fits whole in a month; only a larger one is cut.
    let largestShare = eligible.map { targets[$0] }.max() ?? 0
    var rest = members
    while !rest.isEmpty {
      let month = eligible.max { (targets[$0] - group.loads[$0], $1) < (targets[$1] - group.loads[$1], $0) }!
      let room = targets[month] - group.loads[month]
      let take = rest.count <= largestShare || room <= 0 ? rest.count : room
      for member in rest.prefix(take) { write(member, month) }
      rest = rest.dropFirst(take)
      group.loads[month] += take
      if group.buildingMonth[building] == nil { group.buildingMonth[building] = month }
    }
  }

  private func weights(_ key: SplitGroupKey) -> [Int] {
    (0..<key.months).map { context.weight(of: YearMonth(index: key.firstMonth + $0)) }
  }

  private mutating func intern(_ key: SplitGroupKey) -> Int {
    var steward = stewards.firstIndex(of: key.steward) ?? -1
    if steward < 0 {
      stewards.append(key.steward)
      steward = stewards.count - 1
    }
    let code = ((steward * 1024 + key.ruleIndex) * 1_000_000 + key.firstMonth) * 16 + key.months
    if let index = keyIndex[code] { return index }
    keys.append(key)
    keyIndex[code] = keys.count - 1
    return keys.count - 1
  }

  private mutating func intern(_ building: String) -> Int {
    if let last = buildings.last, last == building { return buildings.count - 1 }
    if let index = buildingIndex[building] { return index }
    buildings.append(building)
    buildingIndex[building] = buildings.count - 1
    return buildings.count - 1
  }
}
