import Glibc

/// Where a service's logs belong: the journal under systemd, else standard error.
public enum LogDestination: Sendable, Equatable {
  /// The systemd journal, with structured fields.
  case journal
  /// Plain lines on standard error.
  case standardError

  /// The journal when standard error is the journal stream systemd set up (`$JOURNAL_STREAM`), else stderr.
  public static func detect(environment: [String: String]) -> LogDestination {
    guard let stream = environment["JOURNAL_STREAM"] else { return .standardError }
    let parts = stream.split(separator: ":")
    guard parts.count == 2, let device = UInt64(parts[0]), let inode = UInt64(parts[1]) else {
      return .standardError
    }
    var info = stat()
    guard fstat(STDERR_FILENO, &info) == 0 else { return .standardError }
    return UInt64(info.st_dev) == device && UInt64(info.st_ino) == inode ? .journal : .standardError
  }
}
