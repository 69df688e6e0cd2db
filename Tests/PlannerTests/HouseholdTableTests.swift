import Foundation
import Planner
import Testing

/// The table `Facts.households` is: households by code, whatever order they came in.
@Suite struct HouseholdTableTests {
  private func household(_ id: String, building: String = "1栋") -> Household {
    Household(
      id: id, project: "P1", building: building, area: "A1",
      states: [Dated(.vacant, since: Date(timeIntervalSince1970: 0))])
  }

  @Test func findsEveryHouseholdByCode() {
    let table = HouseholdTable((1...50).map { household("H\($0)") })
    #expect(table.count == 50)
    #expect(table["H17"]?.id == "H17")
    #expect(table["H51"] == nil)
    #expect(Set(table.keys) == Set((1...50).map { "H\($0)" }))
  }

  @Test func aLaterHouseholdWithTheSameCodeReplacesTheEarlier() {
    let table = HouseholdTable([household("H1"), household("H2"), household("H1", building: "9栋")])
    #expect(table.count == 2)
    #expect(table["H1"]?.building == "9栋")
    #expect(table["H2"] != nil)
  }

  @Test func updateValueAddsOrReplacesAndReturnsTheReplaced() {
    var table = HouseholdTable([household("H1")])
    #expect(table.updateValue(household("H2"), forKey: "H2") == nil)
    let replaced = table.updateValue(household("H1", building: "2栋"), forKey: "H1")
    #expect(replaced?.building == "1栋")
    #expect(table["H1"]?.building == "2栋" && table.count == 2)
  }

  @Test func tablesOfTheSameHouseholdsAreEqualWhateverTheirOrder() {
    let households = (1...20).map { household("H\($0)") }
    #expect(HouseholdTable(households) == HouseholdTable(households.reversed()))
    #expect(HouseholdTable(households) != HouseholdTable(Array(households.dropLast())))
    #expect(
      HouseholdTable(households) != HouseholdTable(households.dropLast() + [household("H20", building: "3栋")])
    )
  }

  private func visit(_ id: String, of household: String, minute: Int) -> Visit {
    Visit(
      id: id, household: household, at: Date(timeIntervalSince1970: Double(minute) * 60), channel: .phone,
      steward: "S1")
  }

  @Test func contactsStayWithTheirHouseholdInTimeOrder() {
    var facts = Facts(
      projects: [], areas: [], households: [household("H1"), household("H2")],
      visits: [
        visit("b", of: "H1", minute: 20), visit("a", of: "H1", minute: 10), visit("c", of: "H2", minute: 5),
      ])
    facts.add(visit("d", of: "H1", minute: 15))
    facts.add(visit("e", of: "H1", minute: 30))
    facts.add(visit("f", of: "H1", minute: 1))
    #expect(facts.visits(of: "H1").map(\.id) == ["f", "a", "d", "b", "e"])
    #expect(facts.visits(of: "H2").map(\.id) == ["c"])
    #expect(facts.allVisits.map(\.id) == ["f", "a", "d", "b", "e", "c"])
  }

  @Test func contactsOfAnUnknownHouseholdJoinItWhenItArrives() {
    var facts = Facts(projects: [], areas: [], households: [], visits: [visit("a", of: "H9", minute: 10)])
    facts.add(visit("b", of: "H9", minute: 5))
    #expect(facts.visits(of: "H9").map(\.id) == ["b", "a"])
    facts.upsert(household("H9"))
    #expect(facts.visits(of: "H9").map(\.id) == ["b", "a"])
    #expect(facts.households(inProject: "P1") == ["H9"])
    facts.add(visit("c", of: "H9", minute: 7))
    #expect(facts.visits(of: "H9").map(\.id) == ["b", "c", "a"])
  }
}
