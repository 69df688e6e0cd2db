import Foundation

/// Why the daemon could not start, as the journal and STATUS= say it while it tries again.
enum StartProblem: CustomStringConvertible {
  /// The database file could not be opened or migrated (permissions, a full disk, not a database).
  case cannotOpen(String, any Error)
  /// The rules or the first plan failed (rules invalid at start, a store that cannot be written).
  case cannotStart(any Error)

  var description: String {
    switch self {
    case .cannotOpen(let path, let error): "cannot open the database \(path): \(error)"
    case .cannotStart(let error): "cannot start: \(error)"
    }
  }

  /// STATUS= while waiting: what failed (cut to a line systemctl shows whole) and when it is tried again.
  func status(attempts: Int, retryIn seconds: TimeInterval) -> String {
    let reason = description.split(whereSeparator: \.isNewline).first.map(String.init) ?? description
    let short = reason.count > 200 ? reason.prefix(199) + "…" : Substring(reason)
    return "not started: \(short); attempt \(attempts + 1) in \(Int(seconds.rounded(.up))) s"
  }
}
