import Control
import Foundation
import Planner
import Policy
import Store

/// The re-plan every fact write does in its own transaction, and the notice to the running daemon after it.
enum Replan {
  /// Above this many households a notice says "anything changed" rather than listing them.
  static let noticeLimit = 2_000

  /// The re-plan hook of a write at `clock`: the affected households re-planned with the rules found, in the
  /// write's transaction, so a visit and the tasks it settles are stored together. Nil (with a warning) when
  /// no valid rules are found: the daemon or the next listing plans then.
  static func hook(rules options: RulesOptions, at clock: Date = Date())
    -> ((WriteSummary, PlanStamp, any FactReading) throws -> PlanUpdate?)?
  {
    guard let rules = try? options.load().1 else {
      FileHandle.standardError.write(
        Data("visitctl: no valid rules found; tasks are re-planned by the daemon or the next listing\n".utf8))
      return nil
    }
    let planning = StoredPlanning(rules: rules, clock: clock)
    return { summary, before, reader in try planning.afterWrite(summary, before: before, reader) }
  }

  /// Tells a daemon listening beside the database that the facts of `households` changed; an empty list (any
  /// household) when they are many. Does nothing when no daemon listens.
  static func notifyDaemon(households: [String], databasePath: String) {
    guard !households.isEmpty else { return }
    let path = ControlSocket.defaultPath(
      environment: ProcessInfo.processInfo.environment, databasePath: databasePath)
    let listed = households.count > noticeLimit ? [] : households
    ControlSocket.send(.factsChanged(listed), to: path)
  }
}
