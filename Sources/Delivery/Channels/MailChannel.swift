import Foundation
import Messages

/// Mail through the local MTA: `sendmail -t -i` reads the recipients from the headers.
public struct MailChannel: DeliveryChannel {
  /// The receiver's name.
  public let name: String
  let sendmail: String
  let from: String
  let to: [String]

  /// Mail from `from` to `to` through the `sendmail` program at that path.
  public init(name: String, sendmail: String, from: String, to: [String]) {
    self.name = name
    self.sendmail = sendmail
    self.from = from
    self.to = to
  }

  /// Pipes the message to sendmail, addressed to its person when it has a mail address, else to `to`; exit 0
  /// delivered, 75 (EX_TEMPFAIL) retry, others permanent.
  public func send(_ message: RenderedMessage, now: Date) async -> DeliveryOutcome {
    let to = message.recipient?.email.map { [$0] } ?? to
    guard !to.isEmpty else { return .permanent(reason: "\(name): no address to mail to") }
    let text = MIMEMessage(from: from, to: to, message: message, date: now).text
    do {
      let status = try await run(input: Data(text.utf8))
      switch status {
      case 0: return .delivered
      case 75: return .retry(after: nil, reason: "\(sendmail) exited 75 (temporary failure)")
      default: return .permanent(reason: "\(sendmail) exited \(status)")
      }
    } catch {
      return .retry(after: nil, reason: "cannot run \(sendmail): \(error)")
    }
  }

  private func run(input: Data) async throws -> Int32 {
    signal(SIGPIPE, SIG_IGN)  // a sendmail that exits without reading must not kill the daemon
    let process = Process()
    process.executableURL = URL(fileURLWithPath: sendmail)
    process.arguments = ["-t", "-i"]
    let pipe = Pipe()
    process.standardInput = pipe
    return try await withCheckedThrowingContinuation { continuation in
      process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
      do {
        try process.run()
      } catch {
        process.terminationHandler = nil
        continuation.resume(throwing: error)
        return
      }
      try? pipe.fileHandleForWriting.write(contentsOf: input)
      try? pipe.fileHandleForWriting.close()
    }
  }
}
