import Operations
import Planner
import Store

// The contract's values made from the application layer's views: one initializer per schema.

extension Components.Schemas.Task {
  /// A task as listings show it.
  init(_ listing: TaskListing) {
    let task = listing.task
    self.init(
      id: task.id, household: task.household, project: task.project, rule: task.rule,
      state: Components.Schemas.TaskState(task.state), opens: task.opens.description,
      due: task.due?.description, window: TaskText.window(task), plannedMonth: task.plannedMonth.description,
      assignee: task.assignee, settlement: task.settlement == nil ? nil : TaskText.settlement(task),
      building: listing.building, room: listing.room, owner: listing.owner, phone: listing.phone)
  }
}

extension Components.Schemas.TaskState {
  /// The contract's name of a task state (the same word).
  init(_ state: TaskState) {
    switch state {
    case .planned: self = .planned
    case .open: self = .open
    case .done: self = .done
    case .late: self = .late
    case .overdue: self = .overdue
    case .waived: self = .waived
    case .cancelled: self = .cancelled
    case .missed: self = .missed
    }
  }
}

extension Components.Schemas.TaskRef {
  /// A task a write settled or opened.
  init(_ task: VisitTask) {
    self.init(
      id: task.id, household: task.household, rule: task.rule, state: Components.Schemas.TaskState(task.state)
    )
  }
}

extension Components.Schemas.StewardDay {
  /// A steward's day.
  init(_ day: StewardDay) {
    self.init(
      steward: day.steward, day: day.day.description,
      buildings: day.buildings.map {
        Components.Schemas.Building(
          building: $0.building, visits: $0.visits.map(Components.Schemas.Task.init))
      },
      overdue: day.overdue.map(Components.Schemas.Task.init), openThisMonth: day.openThisMonth,
      workingDaysLeft: day.workingDaysLeft)
  }
}

extension Components.Schemas.Brief {
  /// A household's brief.
  init(_ brief: VisitBrief) {
    self.init(
      household: brief.household.household, project: brief.household.project, place: brief.household.place,
      owner: brief.household.owner, phone: brief.household.phone, status: brief.status,
      steward: brief.steward,
      owed: brief.owed.map {
        Components.Schemas.OwedVisit(
          task: $0.task, state: $0.state, rule: $0.rule, window: $0.window, requirement: $0.requirement)
      },
      lastContacts: brief.lastContacts.map {
        Components.Schemas.Contact(
          visit: $0.visit, at: $0.at, how: $0.how, steward: $0.steward, found: $0.found)
      },
      tickets: brief.tickets, missing: brief.missing, corrections: brief.corrections)
  }
}

extension Components.Schemas.Recorded {
  /// What a write recorded, settled and opened.
  init(_ recorded: RecordedFacts, replayed: Bool = false) {
    self.init(
      visits: recorded.visits.map(\.id), settled: recorded.settled.map(Components.Schemas.TaskRef.init),
      opened: recorded.opened.map(Components.Schemas.TaskRef.init),
      settlesNothing: recorded.visitsSettlingNothing.map(\.id), replayed: replayed)
  }
}

extension Components.Schemas.Caller {
  /// Whom a token speaks for.
  init(_ token: TokenRecord) {
    switch token.principal {
    case .steward(let id): self.init(token: token.id, role: .steward, steward: id)
    case .lead(let project): self.init(token: token.id, role: .lead, project: project)
    case .operations: self.init(token: token.id, role: .operations)
    case .admin: self.init(token: token.id, role: .admin)
    case .integration(let name, let scopes):
      self.init(
        token: token.id, role: .integration, integration: name,
        scopes: scopes.map(\.rawValue).sorted().compactMap(Components.Schemas.Scope.init(rawValue:)))
    // Never a caller: BearerAuthentication refuses calendar secrets. Shown as the steward whose feed it reads.
    case .calendar(let id): self.init(token: token.id, role: .steward, steward: id)
    }
  }
}

extension Components.Schemas.MonthSheet {
  /// A steward's month sheet.
  init(_ sheet: MonthSheet) {
    self.init(
      month: sheet.month.description, steward: sheet.steward, name: sheet.name,
      buildings: sheet.buildings.map { building in
        Components.Schemas.BuildingPlan(
          project: building.project, building: building.building,
          households: building.households.map { household in
            Components.Schemas.HouseholdPlan(
              household: household.household, room: household.room, owner: household.owner,
              phone: household.phone,
              visits: household.visits.map {
                Components.Schemas.PlannedVisit(task: $0.task, state: $0.state, why: $0.why)
              })
          })
      })
  }
}

extension Components.Schemas.Explanation {
  /// Why a household's tasks exist.
  init(_ explanation: Explanation) {
    self.init(
      household: explanation.household, status: explanation.status,
      rules: explanation.rules.map { rule in
        Components.Schemas.RuleExplanation(
          rule: rule.rule, matches: rule.matches, selector: rule.selector, trigger: rule.trigger,
          tasks: rule.tasks.map {
            Components.Schemas.TaskExplanation(
              task: $0.task.id, state: Components.Schemas.TaskState($0.task.state),
              assignee: $0.task.assignee,
              plannedMonth: $0.task.plannedMonth.description, anchor: $0.anchor, window: $0.window,
              month: $0.month, settledBy: $0.settledBy)
          },
          note: rule.note)
      })
  }
}

extension Components.Schemas.OutboxRow {
  /// An outbox row as `visitctl outbox list --json` shows it.
  init(_ row: OutboxRow) {
    self.init(
      id: row.id, key: row.key, audience: row.audience,
      state: Components.Schemas.OutboxState(row.state), attempts: row.attempts,
      nextAttempt: row.nextAttempt, leaseUntil: row.leaseUntil, createdAt: row.createdAt,
      payload: row.payload,
      lastError: row.lastError)
  }
}

extension Components.Schemas.OutboxState {
  /// The contract's name of an outbox state (the same word).
  init(_ state: OutboxState) {
    switch state {
    case .pending: self = .pending
    case .claimed: self = .claimed
    case .sending: self = .sending
    case .reclaimed: self = .reclaimed
    case .resending: self = .resending
    case .delivered: self = .delivered
    case .dead: self = .dead
    }
  }
}
