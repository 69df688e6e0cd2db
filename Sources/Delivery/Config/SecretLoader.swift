import Foundation
import Systemd

/// Reads secrets from `$CREDENTIALS_DIRECTORY/NAME` or a private file; refuses inline and world-readable ones.
struct SecretLoader {
  let credentials: Credentials

  /// The secret at `key` of `table` (`{ credential = "NAME" }` or `{ file = "PATH" }`), nil when absent.
  func load(_ key: String, in table: ConfigTable) throws -> Secret? {
    switch table.values[key] {
    case nil:
      return nil
    case .string:
      throw table.error(
        key, "inline secrets are refused; write { credential = \"NAME\" } or { file = \"/path\" }")
    case .table(let values):
      return try load(ConfigTable(file: table.file, path: table.qualified(key), values: values))
    default:
      throw table.error(key, "expected { credential = \"NAME\" } or { file = \"/path\" }")
    }
  }

  private func load(_ reference: ConfigTable) throws -> Secret {
    try reference.rejectUnknown(["credential", "file"])
    if let name = try reference.string("credential") {
      guard let directory = credentials.directory else {
        throw reference.error("credential", "'\(name)' needs $CREDENTIALS_DIRECTORY (LoadCredential=)")
      }
      guard !name.contains("/") else { throw reference.error("credential", "a name, not a path") }
      return try read(directory + "/" + name, reference, "credential")
    }
    if let path = try reference.string("file") { return try read(path, reference, "file") }
    throw reference.error("credential", "give credential = \"NAME\" or file = \"/path\"")
  }

  private func read(_ path: String, _ reference: ConfigTable, _ key: String) throws -> Secret {
    guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
      let data = FileManager.default.contents(atPath: path)
    else { throw reference.error(key, "cannot read secret file \(path)") }
    let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0
    if mode & 0o004 != 0 {
      throw reference.error(
        key, "secret file \(path) is readable by everyone (mode \(String(mode, radix: 8))); chmod o-r it")
    }
    let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    guard !text.isEmpty else { throw reference.error(key, "secret file \(path) is empty") }
    return Secret(text)
  }
}
