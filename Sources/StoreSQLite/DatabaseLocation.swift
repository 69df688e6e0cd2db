import Foundation

/// Where the database lives: `--db`, else `$STATE_DIRECTORY/visitd.sqlite` under systemd, else the
/// installed service's `/var/lib/visitd/visitd.sqlite` when it exists, else `./var/visitd.sqlite`.
public enum DatabaseLocation {
  /// The database of the installed service (`StateDirectory=visitd`).
  public static let installed = "/var/lib/visitd/visitd.sqlite"

  /// The database file's path for an explicit `--db` and an environment.
  public static func path(
    explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> String {
    if let explicit, !explicit.isEmpty { return explicit }
    if let state = environment["STATE_DIRECTORY"]?.split(separator: ":").first, !state.isEmpty {
      return "\(state)/visitd.sqlite"
    }
    if FileManager.default.fileExists(atPath: installed) { return installed }
    return "var/visitd.sqlite"
  }
}
