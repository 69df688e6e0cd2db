import Foundation
import Systemd

/// Reads `[http]` from visitd.toml: where the API listens when systemd does not pass it a socket, and the secret
/// the ticket system signs its calls with.
public struct HTTPSettingsLoader: Sendable {
  /// Where `$CREDENTIALS_DIRECTORY` points.
  public let credentials: Credentials

  /// A loader reading credentials from `environment`.
  public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
    credentials = Credentials(environment: environment)
  }

  /// `[http] listen` (`127.0.0.1:8740`) in `path`; nil when the file or the key is absent. An unknown key or a
  /// value that is not text is an error naming the file and the key.
  public func listen(path: String = "/etc/visitd/visitd.toml") throws -> String? {
    try table(path: path)?.string("listen")
  }

  /// `[http] ticket_secret` in `path` (`{ credential = "ticket-hmac" }` or `{ file = "/path" }`, read as
  /// Delivery reads its secrets); nil when the file or the key is absent.
  public func ticketSecret(path: String = "/etc/visitd/visitd.toml") throws -> Secret? {
    guard let http = try table(path: path) else { return nil }
    return try SecretLoader(credentials: credentials).load("ticket_secret", in: http)
  }

  /// `[http] templates` in `path`: a folder of `.mustache` files that override the web app's page templates by
  /// name; nil when the file or the key is absent.
  public func pageTemplates(path: String = "/etc/visitd/visitd.toml") throws -> String? {
    try table(path: path)?.string("templates")
  }

  private func table(path: String) throws -> ConfigTable? {
    guard let root = try ConfigValue.load(path: path) else { return nil }
    guard let http = try ConfigTable(file: path, path: "", values: root).table("http") else { return nil }
    try http.rejectUnknown(["listen", "ticket_secret", "templates"])
    return http
  }
}
