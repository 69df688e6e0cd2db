import Foundation
import Planner
import Store

/// History entries as arrays, one triple of columns per history.
struct HistoryEntries {
  struct Columns {
    var households: [String] = []
    var instants: [Double] = []
    var values: [String] = []

    mutating func add(_ household: String, _ instant: Date, _ value: String) {
      households.append(household)
      instants.append(instant.timeIntervalSince1970)
      values.append(value)
    }
  }

  var states = Columns()
  var grades = Columns()
  var events = Columns()

  mutating func add(_ household: Household) {
    for state in household.states { states.add(household.id, state.since, state.value.rawValue) }
    for grade in household.grades { grades.add(household.id, grade.since, grade.value.rawValue) }
    for event in household.events { events.add(household.id, event.at, event.name.rawValue) }
  }

  mutating func add(_ entry: HouseholdEntry) {
    switch entry.change {
    case .state(let state): states.add(entry.household, entry.at, state.rawValue)
    case .grade(let grade): grades.add(entry.household, entry.at, grade.rawValue)
    case .event(let name): events.add(entry.household, entry.at, name.rawValue)
    }
  }
}

/// What new visits captured, as arrays for their four tables.
struct CapturedRows {
  var info = (visits: [String](), fields: [String](), values: [String]())
  var feedback = (
    visits: [String](), positions: [Int](), categories: [String](), needs: [Bool](), texts: [String]()
  )
  var ratings = (visits: [String](), dimensions: [String](), scores: [Int]())
  var tickets = (numbers: [String](), households: [String](), visits: [String]())

  mutating func add(_ record: VisitRecord) {
    let visit = record.visit
    for field in visit.captured.infoChanged.sorted(by: { $0.rawValue < $1.rawValue }) {
      info.visits.append(visit.id)
      info.fields.append(field.rawValue)
      info.values.append(record.details[field] ?? "")
    }
    for (position, item) in visit.captured.feedback.enumerated() {
      feedback.visits.append(visit.id)
      feedback.positions.append(position)
      feedback.categories.append(item.category)
      feedback.needs.append(item.isNeed)
      feedback.texts.append(position < record.feedbackTexts.count ? record.feedbackTexts[position] : "")
    }
    for (dimension, score) in visit.captured.ratings.sorted(by: { $0.key < $1.key }) {
      ratings.visits.append(visit.id)
      ratings.dimensions.append(dimension)
      ratings.scores.append(score)
    }
    for number in visit.captured.tickets {
      tickets.numbers.append(number)
      tickets.households.append(visit.household)
      tickets.visits.append(visit.id)
    }
  }
}

extension HistoryEntries.Columns {
  /// The entries as COPY rows of (household, instant, value).
  var copyRows: CopyRows {
    var rows = CopyRows()
    for index in households.indices {
      rows.add(households[index])
      rows.add(instants[index])
      rows.add(values[index])
      rows.endRow()
    }
    return rows
  }
}

extension CapturedRows {
  /// The information captured as COPY rows of `visit_info (visit, field, value)`.
  var infoRows: CopyRows {
    var rows = CopyRows()
    for index in info.visits.indices {
      rows.add(info.visits[index])
      rows.add(info.fields[index])
      rows.add(info.values[index])
      rows.endRow()
    }
    return rows
  }

  /// The feedback as COPY rows of `visit_feedback (visit, position, category, is_need, text)`.
  var feedbackRows: CopyRows {
    var rows = CopyRows()
    for index in feedback.visits.indices {
      rows.add(feedback.visits[index])
      rows.add(feedback.positions[index])
      rows.add(feedback.categories[index])
      rows.add(feedback.needs[index])
      rows.add(feedback.texts[index])
      rows.endRow()
    }
    return rows
  }

  /// The ratings as COPY rows of `visit_rating (visit, dimension, score)`.
  var ratingRows: CopyRows {
    var rows = CopyRows()
    for index in ratings.visits.indices {
      rows.add(ratings.visits[index])
      rows.add(ratings.dimensions[index])
      rows.add(ratings.scores[index])
      rows.endRow()
    }
    return rows
  }
}

/// What a bulk load has written so far, and whether a batch holds only rows it can prove new.
///
/// The tables were empty when the load began, so a household or visit is new exactly when no earlier batch of
/// the load and no earlier row of its own batch had its key; a history is new when its keys are distinct.
struct LoadedKeys {
  private(set) var households = Set<String>()
  private(set) var visits = Set<String>()

  /// Whether every row of `batch` is new: no single history entries, closures, waivers or corrections (they
  /// refer to stored rows), no household or visit met before, histories in strictly increasing key order, and
  /// every visit of a household loaded or in the batch.
  func allNew(_ batch: FactBatch) -> Bool {
    guard
      batch.householdEntries.isEmpty, batch.ticketClosures.isEmpty, batch.waivers.isEmpty,
      batch.corrections.isEmpty
    else { return false }
    var batchHouseholds = Set<String>(minimumCapacity: batch.households.count)
    for household in batch.households {
      guard !households.contains(household.id), batchHouseholds.insert(household.id).inserted,
        Self.increasing(household)
      else { return false }
    }
    var batchVisits = Set<String>(minimumCapacity: batch.visits.count)
    for record in batch.visits {
      let visit = record.visit
      guard !visits.contains(visit.id), batchVisits.insert(visit.id).inserted,
        households.contains(visit.household) || batchHouseholds.contains(visit.household)
      else { return false }
    }
    return true
  }

  /// Remembers the households and visits of a batch written.
  mutating func add(_ batch: FactBatch) {
    for household in batch.households { households.insert(household.id) }
    for record in batch.visits { visits.insert(record.visit.id) }
  }

  /// Whether each of the household's histories has its keys, as stored (instants as seconds since 1970), in
  /// strictly increasing order, so none twice.
  private static func increasing(_ household: Household) -> Bool {
    increasing(household.states.lazy.map(\.since.timeIntervalSince1970))
      && increasing(household.grades.lazy.map(\.since.timeIntervalSince1970))
      && increasing(
        household.events.lazy.map { EventKey(at: $0.at.timeIntervalSince1970, name: $0.name.rawValue) })
  }

  private static func increasing<Keys: Sequence>(_ keys: Keys) -> Bool where Keys.Element: Comparable {
    var previous: Keys.Element?
    for key in keys {
      if let previous, !(previous < key) { return false }
      previous = key
    }
    return true
  }

  /// The key of a household event as stored: its instant, then its name.
  private struct EventKey: Comparable {
    let at: Double
    let name: String

    static func < (left: EventKey, right: EventKey) -> Bool { (left.at, left.name) < (right.at, right.name) }
  }
}
