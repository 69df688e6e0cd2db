import Foundation

/// Reads the top-level `database` of visitd.toml: the daemon's store, an SQLite file's path or a
/// `postgres://USER@HOST[:PORT]/DB` URL (`--db` wins over it).
public struct DatabaseSettingLoader: Sendable {
  /// A loader.
  public init() {}

  /// `database` in `path`; nil when the file or the key is absent, an error naming the file when it is not text.
  public func database(path: String = "/etc/visitd/visitd.toml") throws -> String? {
    guard let root = try ConfigValue.load(path: path) else { return nil }
    return try ConfigTable(file: path, path: "", values: root).string("database")
  }
}
