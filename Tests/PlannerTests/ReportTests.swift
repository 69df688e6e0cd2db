import CalendarSpec
import Foundation
import Planner
import Policy
import Testing

@Suite("reports")
struct ReportTests {
  static let info = Captured(infoChanged: [.hobbies, .pets])
  static let feedback = Captured(feedback: [FeedbackItem(category: "parking")])

  static func world() -> World {
    var world = World()
    for index in 1...4 { world.household("H\(index)", states: [(.occupied, "2025-01-01")]) }
    world.visit(
      "V1", "H1", "2026-03-03", channel: .inHome,
      captured: Captured(
        infoChanged: [.pets], feedback: [FeedbackItem(category: "parking")],
        ratings: ["overall": 5, "cleaning": 3]))
    world.visit(
      "V2", "H2", "2026-03-04", channel: .inHome,
      captured: Captured(
        feedback: [FeedbackItem(category: "parking")], ratings: ["overall": 4], tickets: ["T9"]))
    world.visit("V3", "H3", "2026-03-05", hour: 11, channel: .inHome, captured: info)
    world.visit("V4", "H4", "2026-03-06", channel: .phone, outcome: .notReached)
    return world
  }

  @Test func theCaptureRateCountsAHouseholdInBothTermsTwice() {
    let rate = CaptureRate(
      project: "P1", month: YearMonth(year: 2026, month: 3), facts: ReportTests.world().facts,
      defaultZone: ShippedPolicy.zone)
    #expect(rate.interviewed == 3)
    #expect(rate.infoHouseholds == 2)
    #expect(rate.feedbackHouseholds == 2)
    #expect(rate.eitherHouseholds == 3)
    #expect(abs(rate.rate - 4.0 / 3.0) < 1e-9)
    #expect(rate.eitherShare == 1)
  }

  @Test func theMonthlySummaryCountsVisitsAttemptsSatisfactionAndCommonMatters() {
    let world = ReportTests.world()
    let plan = world.plan(year: 2026, at: "2026-03-31")
    let summary = MonthlySummary(
      project: "P1", month: YearMonth(year: 2026, month: 3), plan: plan, facts: world.facts,
      rules: ShippedPolicy.ruleSet(), threshold: Summary(commonMatterHouseholds: 2))
    #expect(summary.reached == 3)
    #expect(summary.attempted == 1)
    #expect(summary.visitsByChannel == [.inHome: 3])
    #expect(summary.outOfWindow == 1)
    #expect(summary.ticketsRaised == 1)
    #expect(summary.hotIssues.map(\.category) == ["parking"])
    #expect(
      summary.hotIssues.first.map { ($0.items, $0.households, $0.commonMatter) } ?? (0, 0, false) == (
        2, 2, true
      ))
    let overall = summary.satisfaction.first { $0.dimension == "overall" }!
    #expect(overall.ratings == 2 && overall.mean == 4.5 && overall.satisfiedShare == 1)
  }

  @Test func theRankingRewardsTheTopThreeAndPenalisesTheLast() {
    var projects: [Project] = []
    var households: [Household] = []
    var visits: [Visit] = []
    for (index, captured) in [3, 1, 4, 2, 0].enumerated() {
      let project = "P\(index)"
      projects.append(Project(id: project, name: project, lead: "L"))
      for number in 0..<(index == 4 ? 2 : 5) {
        let id = "\(project)-H\(number)"
        households.append(
          Household(
            id: id, project: project, building: "B1", area: "A",
            states: [Dated(.occupied, since: Day.at("2025-01-01"))]))
        visits.append(
          Visit(
            id: "\(id)-V", household: id, at: Day.at("2026-03-10"), channel: .phone, steward: "S",
            captured: number < captured ? ReportTests.info : Captured()))
      }
    }
    let facts = Facts(projects: projects, areas: [], households: households, visits: visits)
    let ranking = CaptureRanking(
      month: YearMonth(year: 2026, month: 3), facts: facts, rules: ShippedPolicy.ruleSet(),
      ranking: Ranking(minimumInterviews: 3, rewards: [500, 300, 200], lastPenalty: 300))
    #expect(ranking.projects.map(\.rate.project) == ["P2", "P0", "P3", "P1", "P4"])
    #expect(ranking.projects.map(\.place) == [1, 2, 3, 4, nil])
    #expect(ranking.projects.map(\.reward) == [500, 300, 200, 0, 0])
    #expect(ranking.projects.map(\.penalty) == [0, 0, 0, 300, 0])
  }

  @Test func theVerificationSampleIsReproducibleAndStratifiedBySteward() {
    var world = World()
    for index in 1...30 {
      world.household("H\(index)", states: [(.occupied, "2025-01-01")])
      world.visit("V\(index)", "H\(index)", "2026-03-1\(index % 10)", channel: .phone)
      world.visits[index - 1].steward = index <= 20 ? "S1" : "S2"
    }
    let sample = { (month: Int) in
      VerificationSample(
        project: "P1", month: YearMonth(year: 2026, month: month), facts: world.facts,
        rules: ShippedPolicy.ruleSet(),
        size: Sample(perProject: 6))
    }
    let first = sample(3)
    #expect(first == sample(3))
    #expect(first.visits.count == 6)
    #expect(first.visits.filter { $0.steward == "S1" }.count == 4)
    #expect(first.visits.filter { $0.steward == "S2" }.count == 2)
    #expect(sample(4).visits.isEmpty)
  }

  @Test func theVerificationSampleTakesEveryStewardWithVisits() {
    var world = World()
    for index in 1...30 {
      world.household("H\(index)", states: [(.occupied, "2025-01-01")])
      world.visit("V\(index)", "H\(index)", "2026-03-1\(index % 10)", channel: .phone)
      world.visits[index - 1].steward = index <= 18 ? "S1" : index <= 28 ? "S2" : "S3"
    }
    let sample = { (size: Int) in
      VerificationSample(
        project: "P1", month: YearMonth(year: 2026, month: 3), facts: world.facts,
        rules: ShippedPolicy.ruleSet(), size: Sample(perProject: size))
    }
    let counts = { (sample: VerificationSample) in
      ["S1", "S2", "S3"].map { steward in sample.visits.filter { $0.steward == steward }.count }
    }
    #expect(counts(sample(5)) == [3, 1, 1])
    #expect(sample(5) == sample(5))
    #expect(counts(sample(2)) == [1, 1, 1])
    #expect(counts(sample(10)) == [6, 3, 1])
  }

  @Test func theCaptureRateAndEitherShareAreInTheRankingsJSON() throws {
    struct Figures: Decodable {
      let interviewed: Int
      let rate: Double
      let eitherShare: Double
    }
    struct Entry: Decodable { let rate: Figures }
    struct Document: Decodable { let projects: [Entry] }
    let ranking = CaptureRanking(
      month: YearMonth(year: 2026, month: 3), facts: ReportTests.world().facts,
      rules: ShippedPolicy.ruleSet(),
      ranking: Ranking(minimumInterviews: 1, rewards: [500], lastPenalty: 0))
    let figures = try #require(
      try JSONDecoder().decode(Document.self, from: JSONEncoder().encode(ranking)).projects.first?.rate)
    #expect(figures.interviewed == 3)
    #expect(abs(figures.rate - 4.0 / 3.0) < 1e-9)
    #expect(figures.eitherShare == 1)
    let rate = try #require(ranking.projects.first?.rate)
    #expect(try JSONDecoder().decode(CaptureRate.self, from: JSONEncoder().encode(rate)) == rate)
  }

  @Test func theSpotCheckRanksTheMostBehindFirst() {
    var world = World()
    world.area = Area(
      id: "A1", project: "P1", buildings: [],
      stewards: [StewardAssignment(steward: "S1", since: Day.at("2020-01-01"))])
    var second = Area(
      id: "A2", project: "P1", buildings: [],
      stewards: [StewardAssignment(steward: "S2", since: Day.at("2020-01-01"))])
    second.buildings = ["B9"]
    for index in 1...3 {
      world.household("H\(index)", states: [(.occupied, "2025-01-01")])
      world.household("K\(index)", building: "B9", states: [(.occupied, "2025-01-01")])
      world.households[world.households.count - 1].area = "A2"
    }
    let facts = Facts(
      projects: [Project(id: "P1", name: "P", lead: "L")], areas: [world.area, second],
      households: world.households,
      visits: [
        Visit(id: "V1", household: "K1", at: Day.at("2026-01-05", 18), channel: .inHome, steward: "S2")
      ])
    let planner = Planner(rules: ShippedPolicy.ruleSet(), year: 2026)
    let plan = planner.plan(facts, at: Day.at("2026-01-15", 9))
    let january = YearMonth(year: 2026, month: 1)
    let owedS1 = plan.allTasks.filter { $0.assignee == "S1" && $0.plannedMonth == january }.count
    let check = SpotCheckReport(
      plan: plan, facts: facts, rules: ShippedPolicy.ruleSet(), month: january, asOf: Day.date("2026-01-15"),
      threshold: SpotCheck(behindBelow: 0.8))
    #expect(check.stewards.map(\.steward) == ["S1", "S2"])
    #expect(check.stewards[0].owed == owedS1)
    #expect(check.stewards[0].behind == (owedS1 > 0))
    #expect(check.stewards[1].lastContact == Day.at("2026-01-05", 18))
  }
}
