import Delivery
import Foundation
import Messages
import Testing

@Suite struct WebhookAndMailTests {
  let now = Date(timeIntervalSince1970: 1_700_000_000)

  @Test func webhookSendsIdempotencyKeyAndSignature() async throws {
    let server = try await LoopbackServer.answering(status: 202, "{}")
    let channel = WebhookChannel(
      name: "crm", url: server.baseURL + "/hooks/visitd", secret: Secret("crm-secret"),
      signatureHeader: "X-Visitd-Signature", transport: SharedTransport.http, timeout: 5)
    #expect(await channel.send(Fixtures.rendered(key: "spot-check:P1:2026-11"), now: now) == .delivered)
    let request = try #require(server.requests.first)
    #expect(request.uri == "/hooks/visitd")
    #expect(request.headers["idempotency-key"] == "spot-check:P1:2026-11")
    #expect(request.text == #"{"key":"spot-check:P1:2026-11","mentions":["lina"],"text":"正文","title":"标题"}"#)
    #expect(
      request.headers["x-visitd-signature"]
        == RobotSignature.webhook(body: request.body, secret: "crm-secret"))
    try await server.stop()
  }

  @Test(arguments: [(409, "delivered"), (400, "permanent"), (503, "retry"), (429, "retry")])
  func webhookStatuses(status: Int, expected: String) async throws {
    let server = try await LoopbackServer.answering(status: status, "{}")
    let channel = WebhookChannel(
      name: "crm", url: server.baseURL, secret: nil, signatureHeader: "X-Sig",
      transport: SharedTransport.http,
      timeout: 5)
    #expect(RobotChannelTests.kind(await channel.send(Fixtures.rendered(), now: now)) == expected)
    try await server.stop()
  }

  /// A fake sendmail that records its arguments and its input, and exits with `status`.
  func fakeSendmail(status: Int = 0) throws -> (path: String, record: String) {
    let directory = try Fixtures.temporaryDirectory()
    let path = directory + "/sendmail"
    try Fixtures.write(
      "#!/bin/sh\necho \"$@\" > \(directory)/args\ncat > \(directory)/mail\nexit \(status)\n", to: path,
      mode: 0o700)
    return (path, directory)
  }

  @Test func mailPipesAMultipartMessageToSendmail() async throws {
    let (path, record) = try fakeSendmail()
    let channel = MailChannel(
      name: "ops", sendmail: path, from: "visitd@example.com", to: ["ops@example.com"])
    var message = RenderedMessage(title: "【月度汇总】2026-11 业主回访情况", body: "正文", key: "summary:2026-11")
    message.attachments = [ReportAttachment(filename: "summary-2026-11.csv", csv: "项目,完成率\n东苑,92.5%\n")]
    #expect(await channel.send(message, now: now) == .delivered)
    let args = try String(contentsOfFile: record + "/args", encoding: .utf8)
    #expect(args == "-t -i\n")
    let mail = try String(contentsOfFile: record + "/mail", encoding: .utf8)
    #expect(mail.contains("To: ops@example.com\n"))
    #expect(mail.contains("MIME-Version: 1.0\n"))
    #expect(!mail.contains("月度汇总"))  // every non-ASCII byte is encoded
    let subject = try #require(mail.split(separator: "\n\n").first).components(separatedBy: "Subject: ")[1]
      .components(separatedBy: "\nDate:")[0]
    #expect(Self.decodeWords(subject) == "【月度汇总】2026-11 业主回访情况")
    #expect(subject.split(separator: "\n").allSatisfy { $0.count <= 76 })
    let boundary = try #require(
      mail.components(separatedBy: "boundary=\"").dropFirst().first?.split(separator: "\"").first)
    let parts = mail.components(separatedBy: "--\(boundary)")
    #expect(parts.count == 4)  // preamble, text, attachment, closing
    #expect(parts[3] == "--\n")
    #expect(parts[2].contains("Content-Disposition: attachment; filename=\"summary-2026-11.csv\""))
    #expect(Self.decodePart(parts[2]) == "项目,完成率\n东苑,92.5%\n")
    #expect(Self.decodePart(parts[1]) == "【月度汇总】2026-11 业主回访情况\n正文")
  }

  @Test func mailTemporaryFailureIsRetried() async throws {
    let (path, _) = try fakeSendmail(status: 75)
    let channel = MailChannel(name: "ops", sendmail: path, from: "v@example.com", to: ["a@example.com"])
    #expect(RobotChannelTests.kind(await channel.send(Fixtures.rendered(), now: now)) == "retry")
    let (failing, _) = try fakeSendmail(status: 67)
    let unknown = MailChannel(name: "ops", sendmail: failing, from: "v@example.com", to: ["a@example.com"])
    #expect(RobotChannelTests.kind(await unknown.send(Fixtures.rendered(), now: now)) == "permanent")
  }

  @Test func aSendmailThatReadsNothingIsAFailureNotACrash() async throws {
    let directory = try Fixtures.temporaryDirectory()
    try Fixtures.write("#!/bin/sh\nexit 1\n", to: directory + "/sendmail", mode: 0o700)
    let channel = MailChannel(
      name: "ops", sendmail: directory + "/sendmail", from: "v@example.com", to: ["a@example.com"])
    var message = Fixtures.rendered()
    message.attachments = [ReportAttachment(filename: "big.csv", csv: String(repeating: "x", count: 4 << 20))]
    #expect(RobotChannelTests.kind(await channel.send(message, now: now)) == "permanent")
    let missing = MailChannel(
      name: "ops", sendmail: directory + "/none", from: "v@example.com", to: ["a@example.com"])
    #expect(RobotChannelTests.kind(await missing.send(message, now: now)) == "retry")
  }

  static func decodeWords(_ header: String) -> String {
    header.split(separator: "\n").map { line in
      let word = line.trimmingCharacters(in: .whitespaces)
      let base64 = word.dropFirst("=?UTF-8?B?".count).dropLast(2)
      return String(decoding: Data(base64Encoded: String(base64)) ?? Data(), as: UTF8.self)
    }.joined()
  }

  static func decodePart(_ part: String) -> String {
    let body = part.components(separatedBy: "\n\n").dropFirst().joined().replacingOccurrences(
      of: "\n", with: "")
    return String(decoding: Data(base64Encoded: body) ?? Data(), as: UTF8.self)
  }
}
