import Crypto
import Foundation

/// The signatures robot APIs and webhook receivers check.
public enum RobotSignature {
  /// DingTalk: urlencode(base64(HMAC-SHA256(key: secret, message: "\(ms)\n\(secret)"))), encoded once.
  public static func dingTalk(timestampMilliseconds: Int64, secret: String) -> String {
    let mac = HMAC<SHA256>.authenticationCode(
      for: Data("\(timestampMilliseconds)\n\(secret)".utf8), using: SymmetricKey(data: Data(secret.utf8)))
    return percentEncoded(Data(mac).base64EncodedString())
  }

  /// Feishu: base64(HMAC-SHA256(key: "\(seconds)\n\(secret)", message: empty)).
  public static func feishu(timestampSeconds: Int64, secret: String) -> String {
    let key = SymmetricKey(data: Data("\(timestampSeconds)\n\(secret)".utf8))
    return Data(HMAC<SHA256>.authenticationCode(for: Data(), using: key)).base64EncodedString()
  }

  /// Generic webhook: `sha256=` and the hex HMAC-SHA256 of the body under the shared secret.
  public static func webhook(body: Data, secret: String) -> String {
    let mac = HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Data(secret.utf8)))
    return "sha256=" + mac.map { String(format: "%02x", $0) }.joined()
  }

  /// Percent-encodes everything but unreserved characters (`+` → `%2B`, `/` → `%2F`, `=` → `%3D`).
  static func percentEncoded(_ text: String) -> String {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
  }
}
