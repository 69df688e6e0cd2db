import CSystemd
import Glibc
import Logging

/// A swift-log handler that writes structured entries to the systemd journal.
///
/// Metadata keys become journal fields prefixed with `VISITD_` (`rule` → `VISITD_RULE=`).
public struct JournalLogHandler: LogHandler {
  /// The `SYSLOG_IDENTIFIER=` of every entry.
  public let identifier: String
  /// The lowest level written.
  public var logLevel: Logger.Level = .info
  /// Metadata added to every entry.
  public var metadata: Logger.Metadata = [:]

  /// A handler tagging entries with `identifier`.
  public init(identifier: String) { self.identifier = identifier }

  /// The metadata value for a key.
  public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
    get { metadata[key] }
    set { metadata[key] = newValue }
  }

  /// Writes one entry to the journal.
  public func log(event: LogEvent) {
    var fields = [
      "MESSAGE=\(event.message)",
      "PRIORITY=\(Self.priority(event.level))",
      "SYSLOG_IDENTIFIER=\(identifier)",
      "CODE_FILE=\(event.file)",
      "CODE_LINE=\(event.line)",
      "CODE_FUNC=\(event.function)",
    ]
    let merged = metadata.merging(event.metadata ?? [:]) { $1 }
    for (key, value) in merged.sorted(by: { $0.key < $1.key }) {
      fields.append("\(Self.fieldName(key))=\(value)")
    }
    Self.send(fields)
  }

  /// The journal field name for a metadata key: `VISITD_` and the key upper-cased, other characters `_`.
  public static func fieldName(_ key: String) -> String {
    let body = key.uppercased().unicodeScalars.map { scalar -> Character in
      ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) ? Character(scalar) : "_"
    }
    return "VISITD_" + String(body)
  }

  /// The syslog priority of a log level (0 emergency … 7 debug).
  public static func priority(_ level: Logger.Level) -> Int {
    switch level {
    case .trace, .debug: return 7
    case .info: return 6
    case .notice: return 5
    case .warning: return 4
    case .error: return 3
    case .critical: return 2
    }
  }

  private static func send(_ fields: [String]) {
    var bytes: [UInt8] = []
    var spans: [(start: Int, count: Int)] = []
    for field in fields {
      spans.append((bytes.count, field.utf8.count))
      bytes.append(contentsOf: field.utf8)
    }
    bytes.withUnsafeMutableBytes { raw in
      guard let base = raw.baseAddress else { return }
      let vectors = spans.map { iovec(iov_base: base + $0.start, iov_len: $0.count) }
      _ = vectors.withUnsafeBufferPointer { sd_journal_sendv($0.baseAddress, Int32($0.count)) }
    }
  }
}
