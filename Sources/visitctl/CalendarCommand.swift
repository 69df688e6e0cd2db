import ArgumentParser
import CalendarSpec
import Foundation
import Operations

#if canImport(Glibc)
  import Glibc
#endif

/// `visitctl calendar`: normalizes calendar expressions and prints their next elapses like `systemd-analyze calendar`.
struct CalendarCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "calendar",
    abstract:
      "Normalize calendar expressions and show when they elapse next (like systemd-analyze calendar).",
    discussion: "Times are shown in the zone of the TZ environment variable (UTC when it is unset)."
  )

  @Option(
    name: .customLong("base-time"),
    help: "Compute elapses after this time ('YYYY-MM-DD HH:MM:SS' in TZ, or @SECONDS).")
  var baseTime: String?

  @Option(help: "How many elapses to show for each expression.")
  var iterations: Int = 1

  @Argument(help: "systemd calendar expressions, e.g. '*-*-15 09:00 Asia/Shanghai'.")
  var expressions: [String]

  func validate() throws {
    guard iterations >= 0 else { throw ValidationError("--iterations must not be negative") }
  }

  func run() throws {
    let display = try DisplayClock()
    let base = try baseTime.map { try display.parse($0) } ?? Date()
    var out = OutputBuffer()
    var failed = false
    for (index, expression) in expressions.enumerated() {
      do {
        let event = try CalendarEvent(parsing: expression)
        ElapseReport(event: event, display: display, iterations: iterations).write(after: base, to: &out)
      } catch {
        out.flush()
        FileHandle.standardError.write(Data("\(error)\n".utf8))
        failed = true
      }
      if index < expressions.count - 1 { out.append("\n") }
    }
    out.flush()
    if failed { throw ExitCode.failure }
  }
}

/// The lines `systemd-analyze calendar` prints for one expression.
private struct ElapseReport {
  let event: CalendarEvent
  let display: DisplayClock
  let iterations: Int

  func write(after base: Date, to out: inout OutputBuffer) {
    let width = max(16, "Iter. #\(iterations):".utf8.count)
    if event.original != event.normalized { out.row("Original form:", event.original, width: width) }
    out.row("Normalized form:", event.normalized, width: width)
    var count = 0
    for next in event.elapses(after: base, in: display.zone).prefix(iterations) {
      count += 1
      let micros = Int64((next.timeIntervalSince1970 * 1_000_000).rounded())
      out.label(count == 1 ? "Next elapse:" : "Iter. #\(count):", width: width)
      display.appendLocal(micros, to: &out)
      if !display.isUTC {
        out.label("(in UTC):", width: width)
        display.appendUTC(micros, to: &out)
      }
      out.row("From now:", RelativeTime.describe(micros - display.nowMicros()), width: width)
    }
    if count == 0 && iterations > 0 { out.row("Next elapse:", "never", width: width) }
  }
}

/// The display zone from `TZ` (UTC when unset), with systemd's timestamp format `Thu 2026-12-15 09:00:00 CST`.
private struct DisplayClock {
  let name: String
  let zone: TimeZone
  let isUTC: Bool
  private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]

  init() throws {
    var name = ProcessInfo.processInfo.environment["TZ"] ?? ""
    if name.hasPrefix(":") { name.removeFirst() }
    if name.isEmpty { name = "UTC" }
    guard let zone = name == "UTC" ? TimeZone(secondsFromGMT: 0) : TimeZone(identifier: name) else {
      throw ValidationError("unknown time zone in TZ: '\(name)'")
    }
    setenv("TZ", name, 1)
    tzset()
    self.name = name
    self.zone = zone
    let now = Date()
    self.isUTC =
      zone.secondsFromGMT(for: now) == 0 && zone.nextDaylightSavingTimeTransition(after: now) == nil
  }

  /// Reads `YYYY-MM-DD HH:MM[:SS]` in the display zone, or `@SECONDS`.
  func parse(_ text: String) throws -> Date {
    if text.hasPrefix("@"), let seconds = Double(text.dropFirst()) {
      return Date(timeIntervalSince1970: seconds)
    }
    let numbers = text.split(whereSeparator: { "-: ".contains($0) }).map { Int($0) }
    guard (3...6).contains(numbers.count), numbers.allSatisfy({ $0 != nil }) else {
      throw ValidationError("--base-time must look like 'YYYY-MM-DD HH:MM:SS', not '\(text)'")
    }
    let n = numbers.map { $0! } + [0, 0, 0]
    var t = tm()
    (t.tm_year, t.tm_mon, t.tm_mday) = (Int32(n[0] - 1900), Int32(n[1] - 1), Int32(n[2]))
    (t.tm_hour, t.tm_min, t.tm_sec, t.tm_isdst) = (Int32(n[3]), Int32(n[4]), Int32(n[5]), -1)
    return Date(timeIntervalSince1970: TimeInterval(mktime(&t)))
  }

  func nowMicros() -> Int64 { Int64((Date().timeIntervalSince1970 * 1_000_000).rounded()) }

  /// Appends the instant in the display zone and a newline.
  func appendLocal(_ micros: Int64, to out: inout OutputBuffer) {
    var seconds = time_t(Self.floorSeconds(micros))
    var t = tm()
    localtime_r(&seconds, &t)
    append(t, zone: t.tm_zone.map { String(cString: $0) } ?? name, to: &out)
  }

  /// Appends the instant in UTC and a newline.
  func appendUTC(_ micros: Int64, to out: inout OutputBuffer) {
    var seconds = time_t(Self.floorSeconds(micros))
    var t = tm()
    gmtime_r(&seconds, &t)
    append(t, zone: "UTC", to: &out)
  }

  private func append(_ t: tm, zone: String, to out: inout OutputBuffer) {
    out.append(Self.weekdays[Int(t.tm_wday)])
    out.append(" ")
    out.number(Int(t.tm_year) + 1900, width: 4)
    out.append("-")
    out.number(Int(t.tm_mon) + 1, width: 2)
    out.append("-")
    out.number(Int(t.tm_mday), width: 2)
    out.append(" ")
    out.number(Int(t.tm_hour), width: 2)
    out.append(":")
    out.number(Int(t.tm_min), width: 2)
    out.append(":")
    out.number(Int(t.tm_sec), width: 2)
    out.append(" ")
    out.append(zone)
    out.append("\n")
  }

  private static func floorSeconds(_ micros: Int64) -> Int64 {
    micros >= 0 ? micros / 1_000_000 : -((-micros + 999_999) / 1_000_000)
  }
}

/// systemd's `format_timestamp_relative`: `2 weeks 4 days left`, `1 month 2 days ago`.
private enum RelativeTime {
  private static let second: Int64 = 1_000_000
  private static let minute = 60 * second
  private static let hour = 60 * minute
  private static let day = 24 * hour
  private static let week = 7 * day
  private static let month = 2_629_800 * second
  private static let year = 31_557_600 * second

  static func describe(_ delta: Int64) -> String {
    let d = abs(delta)
    let suffix = delta < 0 ? " ago" : " left"
    if d == 0 { return "now" }
    return body(d) + suffix
  }

  private static func body(_ d: Int64) -> String {
    if d >= year { return pair(d / year, "year", d % year / month, "month") }
    if d >= month { return pair(d / month, "month", d % month / day, "day") }
    if d >= week { return pair(d / week, "week", d % week / day, "day") }
    if d >= 2 * day { return "\(d / day) days" }
    if d >= 25 * hour { return "1 day \((d - day) / hour)h" }
    if d >= 6 * hour { return "\(d / hour)h" }
    if d >= hour { return "\(d / hour)h \(d % hour / minute)min" }
    if d >= 5 * minute { return "\(d / minute)min" }
    if d >= minute { return "\(d / minute)min \(d % minute / second)s" }
    if d >= second { return "\(d / second)s" }
    if d >= 1000 { return "\(d / 1000)ms" }
    return "\(d)us"
  }

  private static func pair(_ a: Int64, _ aUnit: String, _ b: Int64, _ bUnit: String) -> String {
    "\(a) \(aUnit)\(a == 1 ? "" : "s") \(b) \(bUnit)\(b == 1 ? "" : "s")"
  }
}

/// Bytes for standard output, written in large blocks.
private struct OutputBuffer {
  private var bytes: [UInt8] = []

  init() { bytes.reserveCapacity(1 << 16) }

  mutating func append(_ text: String) {
    bytes.append(contentsOf: text.utf8)
  }

  /// A right-aligned label column and a value, as systemd's two-column table prints them.
  mutating func row(_ label: String, _ value: String, width: Int) {
    self.label(label, width: width)
    append(value)
    append("\n")
  }

  mutating func label(_ text: String, width: Int) {
    bytes.append(contentsOf: repeatElement(0x20, count: max(0, width - text.utf8.count)))
    append(text)
    append(" ")
  }

  /// A non-negative number padded with zeros to `width` digits.
  mutating func number(_ value: Int, width: Int) {
    var digits: [UInt8] = []
    var v = value
    repeat {
      digits.append(UInt8(0x30 + v % 10))
      v /= 10
    } while v > 0
    bytes.append(contentsOf: repeatElement(0x30, count: max(0, width - digits.count)))
    bytes.append(contentsOf: digits.reversed())
    if bytes.count >= 1 << 16 { flush() }
  }

  mutating func flush() {
    bytes.withUnsafeBufferPointer { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = Glibc.write(1, buffer.baseAddress! + offset, buffer.count - offset)
        guard written > 0 else { return }
        offset += written
      }
    }
    bytes.removeAll(keepingCapacity: true)
  }
}
