import CalendarSpec

/// One visit obligation of the policy: who it applies to, what starts it, and what satisfies it.
public struct Rule: Sendable, Hashable, Identifiable {
  /// The rule's id, which is also its file name without `.toml`.
  public var id: String
  /// A short title, Chinese is fine.
  public var title: String
  /// What the rule asks for, in a sentence.
  public var description: String
  /// Which households the rule applies to.
  public var selector: Selector
  /// What creates the rule's tasks and the window each has.
  public var trigger: Trigger
  /// The interview kind a visit must have (deep satisfies basic).
  public var kind: InterviewKind
  /// The channels a visit may use, by the household's state.
  public var channels: ChannelPolicy
  /// Who may be interviewed; empty means anyone.
  public var interviewees: Set<Interviewee>
  /// When in-home visits may take place and what happens outside that window.
  public var visitingWindow: VisitingWindow
  /// How a period's quota is spread over the period's months.
  public var split: Split
  /// How long after the due date a visit still counts (as late).
  public var grace: CalendarSpan?
  /// Lower comes first when one visit could satisfy several rules.
  public var precedence: Int
  /// What a campaign created from this rule must cover; set exactly when the trigger is `.campaign`.
  public var campaign: CampaignTemplate?

  /// A rule from all its parts.
  public init(
    id: String, title: String, description: String, selector: Selector, trigger: Trigger,
    kind: InterviewKind, channels: ChannelPolicy, interviewees: Set<Interviewee>,
    visitingWindow: VisitingWindow, split: Split, grace: CalendarSpan?, precedence: Int,
    campaign: CampaignTemplate? = nil
  ) {
    self.id = id
    self.title = title
    self.description = description
    self.selector = selector
    self.trigger = trigger
    self.kind = kind
    self.channels = channels
    self.interviewees = interviewees
    self.visitingWindow = visitingWindow
    self.split = split
    self.grace = grace
    self.precedence = precedence
    self.campaign = campaign
  }

  /// Whether a visit with this channel, kind and interviewee, to a household in `state`, can satisfy the rule.
  public func accepts(
    channel: Channel, kind visitKind: InterviewKind, interviewee: Interviewee, state: HouseholdState
  ) -> Bool {
    visitKind.satisfies(kind) && channels.allowed(for: state).contains(channel)
      && (interviewees.isEmpty || interviewees.contains(interviewee))
  }
}

/// The households a rule applies to; a nil or empty filter matches everything.
public struct Selector: Sendable, Hashable {
  /// Household states that match; empty means every state.
  public var states: Set<HouseholdState>
  /// Grades that match; empty means every grade (and ungraded households).
  public var grades: Set<Grade>
  /// Project ids that match; empty means every project.
  public var projects: Set<String>
  /// Tags a household must all carry; empty means no tag is needed.
  public var tags: Set<String>

  /// A selector from its filters.
  public init(
    states: Set<HouseholdState> = [], grades: Set<Grade> = [], projects: Set<String> = [],
    tags: Set<String> = []
  ) {
    self.states = states
    self.grades = grades
    self.projects = projects
    self.tags = tags
  }

  /// Whether a household with these attributes is selected.
  public func matches(state: HouseholdState, grade: Grade?, project: String, tags householdTags: Set<String>)
    -> Bool
  {
    (states.isEmpty || states.contains(state))
      && (grades.isEmpty || grade.map(grades.contains) == true)
      && (projects.isEmpty || projects.contains(project))
      && tags.isSubset(of: householdTags)
  }
}

/// What creates a rule's tasks.
public enum Trigger: Sendable, Hashable {
  /// A number of visits owed in every calendar period (`1 per quarter`).
  case quota(Quota)
  /// Visits owed after an event, within a span or until another event.
  case event(EventTrigger)
  /// Visits owed over a campaign's households inside the campaign's window.
  case campaign
}

/// A number of visits owed per calendar period, spread evenly over sub-periods.
public struct Quota: Sendable, Hashable {
  /// How many visits the whole period owes (`2` in `2 per year`).
  public var count: Int
  /// The period the count is stated for (`year` in `2 per year`).
  public var period: Period
  /// The sub-period each share of the count falls in (`half-year`: one each half-year); `period` when not split.
  public var each: Period

  /// A quota of `count` per `period`, owed in equal shares per `each`.
  public init(count: Int, period: Period, each: Period? = nil) {
    self.count = count
    self.period = period
    self.each = each ?? period
  }

  /// The visits owed in each sub-period (`each`).
  public var countPerEach: Int { count / (period.months / each.months) }
}

/// Visits owed after an event.
public struct EventTrigger: Sendable, Hashable {
  /// The events that open the window; the first of them that happens opens it.
  public var after: [EventName]
  /// When the window closes.
  public var end: WindowEnd
  /// How many visits are owed in the window.
  public var count: Int

  /// An event trigger from its parts.
  public init(after: [EventName], end: WindowEnd, count: Int = 1) {
    self.after = after
    self.end = end
    self.count = count
  }
}

/// How an event-anchored window closes.
public enum WindowEnd: Sendable, Hashable {
  /// A span after the opening event (`within = "1 month"`).
  case within(CalendarSpan)
  /// At another event (`until = "renovation-accepted"`); open-ended until it happens.
  case until(EventName)
}

/// The channels allowed, possibly different per household state.
public struct ChannelPolicy: Sendable, Hashable {
  /// Channels allowed in every state not listed in `byState`.
  public var all: Set<Channel>
  /// Channels allowed in specific states.
  public var byState: [HouseholdState: Set<Channel>]

  /// A channel policy from the channels for every state and the per-state exceptions.
  public init(all: Set<Channel>, byState: [HouseholdState: Set<Channel>] = [:]) {
    self.all = all
    self.byState = byState
  }

  /// The channels allowed for a household in `state`.
  public func allowed(for state: HouseholdState) -> Set<Channel> { byState[state] ?? all }
}

/// When in-home visits may happen, and what to do with one outside that window.
public struct VisitingWindow: Sendable, Hashable {
  /// The daily window, in the project's zone.
  public var hours: DailyWindow
  /// What a visit outside the window gets.
  public var outside: OutsideWindow

  /// A visiting window from its hours and its policy for visits outside them.
  public init(hours: DailyWindow, outside: OutsideWindow) {
    self.hours = hours
    self.outside = outside
  }
}

/// What happens to an in-home visit outside the visiting window.
public enum OutsideWindow: String, CaseIterable, Sendable, Hashable {
  /// Accepted, and flagged in reports.
  case flag
  /// Not accepted: it satisfies nothing.
  case refuse
}

/// How a period's quota is spread over its months.
public enum Split: String, CaseIterable, Sendable, Hashable {
  /// Not spread: every task is planned in the period's first month.
  case none
  /// Spread evenly over the period's months (工作拆分到月度进行).
  case monthly
}
