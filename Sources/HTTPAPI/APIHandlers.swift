import CalendarSpec
import Foundation
import Operations
import Planner
import Store

/// The contract's operations, each a call of the application layer for the request's caller.
struct APIHandlers: APIProtocol {
  /// What the operations work on.
  let environment: APIEnvironment

  func whoAmI(_ input: Operations.WhoAmI.Input) async throws -> Operations.WhoAmI.Output {
    .ok(.init(body: .json(Components.Schemas.Caller(try Caller.required().token))))
  }

  /// Where a household belongs now; 404 when it is unknown.
  func ownership(of household: String) async throws -> HouseholdOwnership {
    let store = environment.store
    let clock = environment.clock()
    let found = try await environment.blocking {
      try store.read { reader -> HouseholdOwnership? in
        guard let household = try reader.facts(households: [household]).households[household] else {
          return nil
        }
        let steward = try reader.area(household.area)?.steward(at: clock) ?? ""
        return HouseholdOwnership(project: household.project, steward: steward)
      }
    }
    guard let found else { throw Problem.notFound("'\(household)' is not a known household") }
    return found
  }
}

/// The request fields the generated code does not check (lengths, ranges, formats), checked the same way.
enum InputCheck {
  /// `text` as a day, or 422 naming `field`.
  static func day(_ text: String?, field: String) throws -> LocalDate? {
    guard let text else { return nil }
    guard let day = LocalDate(parsing: text) else {
      throw Problem.invalid(field, "'\(text)' is not a day; expected YYYY-MM-DD")
    }
    return day
  }

  /// `text` as a month, or 422 naming `field`.
  static func month(_ text: String?, field: String) throws -> YearMonth? {
    guard let text else { return nil }
    guard text.count == 7, let day = LocalDate(parsing: text + "-01") else {
      throw Problem.invalid(field, "'\(text)' is not a month; expected YYYY-MM")
    }
    return YearMonth(day)
  }

  /// `text` as a local time (`2027-03-10` or `2027-03-10 18:05`, `T` allowed for the space), or 422 naming
  /// `field`; returned as the register writes it.
  static func localTime(_ text: String, field: String) throws -> String {
    guard text.count <= 32 else { throw Problem.invalid(field, "is longer than 32 characters") }
    let written = text.replacingOccurrences(of: "T", with: " ")
    do {
      _ = try LocalTime.instant(written, zone: "UTC")
    } catch {
      throw Problem.invalid(field, "\(error)")
    }
    return written
  }

  /// `text` no longer than `limit` characters and, when `required`, not blank; else 422 naming `field`.
  static func text(_ text: String?, field: String, limit: Int, required: Bool = false) throws {
    guard let text else { return }
    if required && text.trimmingCharacters(in: .whitespaces).isEmpty {
      throw Problem.invalid(field, "is empty")
    }
    if text.count > limit { throw Problem.invalid(field, "is longer than \(limit) characters") }
  }
}
