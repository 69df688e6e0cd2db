import Foundation
import Glibc
import Logging
import Testing

@testable import Systemd

@Test(arguments: [
  ("rule", "VISITD_RULE"),
  ("task", "VISITD_TASK"),
  ("project-id", "VISITD_PROJECT_ID"),
  ("outbox.key", "VISITD_OUTBOX_KEY"),
])
func metadataKeysBecomeJournalFieldNames(key: String, field: String) {
  #expect(JournalLogHandler.fieldName(key) == field)
}

@Test func logLevelsMapToSyslogPriorities() {
  #expect(JournalLogHandler.priority(.error) == 3)
  #expect(JournalLogHandler.priority(.warning) == 4)
  #expect(JournalLogHandler.priority(.info) == 6)
  #expect(JournalLogHandler.priority(.debug) == 7)
}

@Test func journalStreamIsUsedOnlyWhenItIsStandardError() {
  var info = stat()
  fstat(STDERR_FILENO, &info)
  let ours = "\(info.st_dev):\(info.st_ino)"
  #expect(LogDestination.detect(environment: ["JOURNAL_STREAM": ours]) == .journal)
  #expect(LogDestination.detect(environment: ["JOURNAL_STREAM": "1:2"]) == .standardError)
  #expect(LogDestination.detect(environment: [:]) == .standardError)
  #expect(LogDestination.detect(environment: ["NOTIFY_SOCKET": "/run/x"]) == .standardError)
}

@Test func credentialsAreReadFromTheCredentialsDirectory() throws {
  let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
  try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: directory) }
  try "s3cret\n".write(to: directory.appendingPathComponent("wecom-key"), atomically: true, encoding: .utf8)
  let credentials = Credentials(environment: ["CREDENTIALS_DIRECTORY": directory.path])
  #expect(credentials.value(named: "wecom-key") == "s3cret")
  #expect(credentials.value(named: "missing") == nil)
  #expect(credentials.value(named: "../etc/passwd") == nil)
  #expect(Credentials(environment: [:]).value(named: "wecom-key") == nil)
}
