import Metrics

/// The delivery figures `/metrics` shows: attempts by receiver and result.
enum DeliveryMetrics {
  /// Counts one attempt to `receiver` that came to `outcome` (`delivered`, `retry`, `permanent`, `refused`).
  static func attempted(receiver: String, outcome: DeliveryOutcome) {
    let result =
      switch outcome {
      case .delivered: "delivered"
      case .retry: "retry"
      case .permanent: "permanent"
      case .refused: "refused"
      }
    Counter(
      label: "visitd_delivery_attempts_total", dimensions: [("receiver", receiver), ("result", result)]
    )
    .increment()
  }
}
