import Foundation

/// Reads `[http]` from visitd.toml: where the API listens when systemd does not pass it a socket.
public struct HTTPSettingsLoader: Sendable {
  /// A loader.
  public init() {}

  /// `[http] listen` (`127.0.0.1:8740`) in `path`; nil when the file or the key is absent. An unknown key or a
  /// value that is not text is an error naming the file and the key.
  public func listen(path: String = "/etc/visitd/visitd.toml") throws -> String? {
    guard let root = try ConfigValue.load(path: path) else { return nil }
    guard let http = try ConfigTable(file: path, path: "", values: root).table("http") else { return nil }
    try http.rejectUnknown(["listen"])
    return try http.string("listen")
  }
}
