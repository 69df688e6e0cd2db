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
}
