import Foundation

/// Secrets handed over by systemd (`LoadCredential=`), read from `$CREDENTIALS_DIRECTORY`.
public struct Credentials: Sendable {
  /// The directory credentials are read from, or nil when none is set.
  public let directory: String?

  /// Credentials from `$CREDENTIALS_DIRECTORY` in `environment`.
  public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
    directory = environment["CREDENTIALS_DIRECTORY"]
  }

  /// The credential's content without a trailing newline, or nil when it does not exist.
  public func value(named name: String) -> String? {
    guard let directory, !name.contains("/"),
      let data = FileManager.default.contents(atPath: directory + "/" + name),
      let text = String(data: data, encoding: .utf8)
    else { return nil }
    return text.hasSuffix("\n") ? String(text.dropLast()) : text
  }
}
