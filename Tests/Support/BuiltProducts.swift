import Foundation

/// The package's executables as built next to the running test bundle.
public enum BuiltProducts {
  /// The path of a built executable (`visitd`, `visitctl`); `$VISITD_BIN_DIR` overrides the folder.
  public static func path(of name: String) -> String {
    if let folder = ProcessInfo.processInfo.environment["VISITD_BIN_DIR"] { return "\(folder)/\(name)" }
    var folder = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
    for _ in 0..<6 {
      let candidate = folder.appendingPathComponent(name).path
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
      folder = folder.deletingLastPathComponent()
    }
    return name
  }

  /// A fresh folder under the temporary directory, removed by `remove()`.
  public static func temporaryFolder() throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "visitd-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder.path
  }
}
