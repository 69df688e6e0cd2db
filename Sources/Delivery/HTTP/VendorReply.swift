import Foundation

/// Classifies HTTP answers the way every robot API needs: transport and 5xx retry, the body's code decides.
enum VendorReply {
  /// The outcome of a thrown transport error (timeout, refused, dropped): retry.
  static func failure(_ error: any Error) -> DeliveryOutcome {
    .retry(after: nil, reason: "request failed: \(error)")
  }

  /// The outcome of a non-2xx status, or nil for 2xx (the body decides).
  static func status(_ status: Int) -> DeliveryOutcome? {
    switch status {
    case 200..<300: nil
    case 408, 425, 429, 500...599: .retry(after: nil, reason: "HTTP \(status)")
    default: .permanent(reason: "HTTP \(status)")
    }
  }

  /// The integer under the first of `keys` in a JSON object body, nil when absent or not JSON.
  static func code(_ body: Data, keys: [String]) -> Int? {
    guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else { return nil }
    for key in keys {
      if let number = object[key] as? NSNumber { return number.intValue }
    }
    return nil
  }

  /// The vendor's message (`errmsg`, `msg`), for the reason.
  static func message(_ body: Data) -> String {
    guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else {
      return String(decoding: body.prefix(200), as: UTF8.self)
    }
    return (object["errmsg"] ?? object["msg"] ?? object["StatusMessage"]).map { "\($0)" } ?? ""
  }
}
