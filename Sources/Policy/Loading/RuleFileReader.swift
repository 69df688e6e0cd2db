import Foundation

/// Reads one rule file's text, refusing what is not a readable, small, UTF-8 regular file with a
/// problem that says which and where.
enum RuleFileReader {
  /// The file's text, or the problem that keeps it from being read.
  static func text(of path: String) -> Result<String, PolicyProblem> {
    if let problem = kindProblem(path) { return .failure(problem) }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      return .failure(problem(path, "cannot be opened (permission denied?); expected a readable file"))
    }
    defer { try? handle.close() }
    // One byte more than the limit tells an over-large file without reading all of it.
    let data = (try? handle.read(upToCount: RuleFileLimits.maximumBytes + 1)) ?? Data()
    guard data.count <= RuleFileLimits.maximumBytes else {
      return .failure(
        problem(
          path, "larger than \(RuleFileLimits.maximumBytes) bytes (1 MiB); expected a smaller rule file"))
    }
    let bytes = [UInt8](data)
    if let bad = UTF8Check.firstInvalidByte(in: bytes) {
      return .failure(encodingProblem(path, bytes, at: bad))
    }
    return .success(String(decoding: bytes, as: UTF8.self))
  }

  /// A directory, a dangling link, a FIFO or a device named `*.toml` is named for what it is.
  private static func kindProblem(_ path: String) -> PolicyProblem? {
    var info = stat()
    guard stat(path, &info) == 0 else {
      if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: path) {
        return problem(
          path,
          "is a symbolic link to '\(target)', which does not exist; "
            + "expected a link to a rule file (or to /dev/null to mask the name)")
      }
      return problem(path, "cannot be read (\(String(cString: strerror(errno)))); expected a rule file")
    }
    switch info.st_mode & S_IFMT {
    case S_IFREG: return nil
    case S_IFDIR: return problem(path, "is a directory; expected a TOML file (rename it without .toml)")
    default: return problem(path, "is not a regular file (a FIFO, socket or device); expected a TOML file")
    }
  }

  private static func encodingProblem(_ path: String, _ bytes: [UInt8], at offset: Int) -> PolicyProblem {
    let before = bytes[..<offset]
    let line = before.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
    let column = offset - (before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0) + 1
    let byte = String(bytes[offset], radix: 16, uppercase: true)
    let what = bytes[offset] == 0 ? "a NUL byte" : "invalid UTF-8 (byte 0x\(byte))"
    return PolicyProblem(
      file: path, line: line, key: nil,
      message: "\(what) at byte offset \(offset) (column \(column)); expected UTF-8 text")
  }

  private static func problem(_ path: String, _ message: String) -> PolicyProblem {
    PolicyProblem(file: path, line: nil, key: nil, message: message)
  }
}
