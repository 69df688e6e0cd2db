import Foundation

/// Removes secrets from text bound for a log line, an error or the database.
public struct Redactor: Sendable {
  private let secrets: [String]

  /// A redactor for these secrets (and for tokens in robot URLs in any case).
  public init(secrets: [Secret]) {
    self.secrets = secrets.map(\.value).filter { $0.count >= 4 }.sorted { $0.count > $1.count }
  }

  /// `text` with every known secret, its percent-encoded form, and URL keys, tokens and signatures as `***`.
  public func redact(_ text: String) -> String {
    var result = text
    for secret in secrets {
      result = result.replacingOccurrences(of: secret, with: "***")
      let encoded = RobotSignature.percentEncoded(secret)
      if encoded != secret { result = result.replacingOccurrences(of: encoded, with: "***") }
    }
    for pattern in Self.patterns {
      result = result.replacingOccurrences(of: pattern, with: "$1***", options: .regularExpression)
    }
    return result
  }

  private static let patterns = [
    "([?&](?:key|access_token|sign|token|corpsecret|appsecret)=)[^&\\s\"']+", "(/bot/v2/hook/)[^/?\\s\"']+",
  ]
}
