import Foundation

/// Reads `[http]` from visitd.toml: where the API listens when systemd does not pass it a socket.
public struct HTTPSettingsLoader: Sendable {
  /// A loader.
  public init() {}

  /// `[http] listen` (`127.0.0.1:8740`) in `path`; nil when the file or the key is absent. An unknown key or a
  /// value that is not text is an error naming the file and the key.
  public func listen(path: String = "/etc/visitd/visitd.toml") throws -> String? {
    guard FileManager.default.fileExists(atPath: path) else { return nil }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw DeliveryError("\(path): cannot read")
    }
    let root: [String: ConfigValue]
    do {
      root = try ConfigValue.parse(String(decoding: data, as: UTF8.self))
    } catch {
      throw DeliveryError("\(path): \(error)")
    }
    guard let http = try ConfigTable(file: path, path: "", values: root).table("http") else { return nil }
    try http.rejectUnknown(["listen"])
    return try http.string("listen")
  }
}
