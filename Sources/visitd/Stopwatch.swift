import Logging

/// Logs, at debug level, how long each step of a longer piece of work took.
struct Stopwatch {
  let logger: Logger
  private var last = ContinuousClock.now

  /// A stopwatch started now.
  init(logger: Logger) { self.logger = logger }

  /// Logs the time since the previous lap under `step`.
  mutating func lap(_ step: String) {
    let now = ContinuousClock.now
    logger.debug("\(step) in \(now - last)")
    last = now
  }
}

extension Duration {
  /// The duration in seconds.
  var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
