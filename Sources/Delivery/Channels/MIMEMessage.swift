import Crypto
import Foundation
import Messages

/// A mail as `sendmail -t` reads it: headers with RFC 2047 subjects, UTF-8 text, the CSVs attached.
struct MIMEMessage {
  var from: String
  var to: [String]
  var message: RenderedMessage
  var date: Date

  /// The whole message, LF line endings (the local MTA converts).
  var text: String {
    let boundary = "visitd-" + digest(message.key).prefix(24)
    var headers = [
      "From: \(from)", "To: \(to.joined(separator: ", "))", "Subject: \(Self.encodedWord(message.title))",
      "Date: \(Self.rfc5322(date))", "Message-ID: <\(digest(message.key).prefix(32))@visitd>",
      "MIME-Version: 1.0",
    ]
    guard !message.attachments.isEmpty else {
      headers += Self.textPartHeaders
      return headers.joined(separator: "\n") + "\n\n" + Self.base64Lines(message.text) + "\n"
    }
    headers.append("Content-Type: multipart/mixed; boundary=\"\(boundary)\"")
    let parts =
      ([(Self.textPartHeaders, message.text)]
      + message.attachments.map { (Self.attachmentHeaders($0.filename), $0.csv) }).map { headers, body in
        "--\(boundary)\n" + headers.joined(separator: "\n") + "\n\n" + Self.base64Lines(body)
      }
    return headers.joined(separator: "\n") + "\n\nThis is a MIME multipart message.\n\n"
      + parts.joined(separator: "\n") + "\n--\(boundary)--\n"
  }

  static let textPartHeaders = [
    "Content-Type: text/plain; charset=UTF-8", "Content-Transfer-Encoding: base64",
  ]

  static func attachmentHeaders(_ filename: String) -> [String] {
    let name = filename.allSatisfy { $0.isASCII && $0 != "\"" } ? filename : encodedWord(filename)
    return [
      "Content-Type: text/csv; charset=UTF-8; name=\"\(name)\"",
      "Content-Disposition: attachment; filename=\"\(name)\"", "Content-Transfer-Encoding: base64",
    ]
  }

  /// RFC 2047 `=?UTF-8?B?…?=` words of at most 75 characters, folded; plain ASCII stays as it is.
  static func encodedWord(_ text: String) -> String {
    if text.allSatisfy({ $0.isASCII && $0 != "=" && $0 != "?" && !$0.isNewline }) { return text }
    var words: [String] = []
    var chunk = ""
    for character in text where !character.isNewline {
      if chunk.utf8.count + character.utf8.count > 45 {
        words.append(chunk)
        chunk = ""
      }
      chunk.append(character)
    }
    if !chunk.isEmpty { words.append(chunk) }
    return words.map { "=?UTF-8?B?\(Data($0.utf8).base64EncodedString())?=" }.joined(separator: "\n ")
  }

  /// Base64 in lines of 76 characters.
  static func base64Lines(_ text: String) -> String {
    Data(text.utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithLineFeed])
  }

  static func rfc5322(_ date: Date) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(secondsFromGMT: 0)
    formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
    return formatter.string(from: date)
  }

  private func digest(_ text: String) -> String {
    SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
  }
}
