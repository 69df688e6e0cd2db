import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The process's CPU time and peak resident memory (getrusage).
struct ResourceUsage {
  /// User plus system CPU seconds.
  let cpu: Double
  /// Peak resident set size in bytes (ru_maxrss).
  let peakBytes: Int

  /// The usage of this process so far.
  static func now() -> ResourceUsage {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    let seconds = { (time: timeval) in Double(time.tv_sec) + Double(time.tv_usec) / 1_000_000 }
    return ResourceUsage(
      cpu: seconds(usage.ru_utime) + seconds(usage.ru_stime), peakBytes: Int(usage.ru_maxrss) * 1024)
  }
}

extension ResourceUsage {
  /// The resident set size now, in bytes (`/proc/self/statm`), 0 when unreadable.
  static func residentBytes() -> Int {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
    let fields = text.split(separator: " ")
    guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
  }
}

/// Measures and formats.
enum Measure {
  /// Runs `body`, returning its result and its wall seconds.
  static func wall<T>(_ body: () throws -> T) rethrows -> (T, Double) {
    let start = DispatchTime.now().uptimeNanoseconds
    let value = try body()
    return (value, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
  }

  /// The median of some values (0 when none).
  static func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  }

  /// The value at a quantile (0…1) of some values.
  static func quantile(_ values: [Double], _ q: Double) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    return sorted[min(sorted.count - 1, Int(Double(sorted.count) * q))]
  }

  /// `1.234 s`, `12.3 ms` or `45.6 µs`.
  static func duration(_ seconds: Double) -> String {
    if seconds >= 1 { return String(format: "%.3f s", seconds) }
    if seconds >= 0.001 { return String(format: "%.1f ms", seconds * 1000) }
    return String(format: "%.1f µs", seconds * 1_000_000)
  }

  /// `512.3 MiB`.
  static func bytes(_ count: Int) -> String { String(format: "%.1f MiB", Double(count) / 1_048_576) }

  /// A result line: what, the figure, and the target with whether it is met.
  static func line(_ what: String, _ figure: String, target: String? = nil, met: Bool? = nil) -> String {
    let label = what + String(repeating: " ", count: max(1, 52 - what.count))
    let verdict = met.map { $0 ? "ok" : "MISSED" } ?? ""
    return "  \(label) \(figure)" + (target.map { "   (target \($0)) \(verdict)" } ?? "")
  }
}
