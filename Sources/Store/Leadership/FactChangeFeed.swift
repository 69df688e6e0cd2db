/// Word of fact writes committed by other processes on the same database (other nodes, visitctl).
public protocol FactChangeFeed: Sendable {
  /// Calls `noticed` with the households of each committed fact write (empty: any household) until the task
  /// is cancelled, reconnecting after a lost connection; `listening` each time it starts to listen (writes
  /// committed from then on are heard).
  func followFactChanges(
    listening: @escaping @Sendable () -> Void, _ noticed: @escaping @Sendable ([String]) -> Void) async
}
