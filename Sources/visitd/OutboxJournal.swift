import Foundation
import Logging
import Store

/// Delivers due outbox rows to the log (journal or terminal): the default when no receiver is configured.
struct OutboxJournal {
  let store: SQLiteStore
  let logger: Logger

  /// Logs each due row once and records it delivered.
  func deliverDue(now: Date) throws {
    while true {
      let claim = try store.claimDue(now: now, limit: 500, lease: 60)
      guard !claim.rows.isEmpty else { return }
      let ids = claim.rows.map(\.row.id)
      try store.markSending(ids, now: now, lease: 60)
      for claimed in claim.rows { log(claimed) }
      try store.record(Dictionary(uniqueKeysWithValues: ids.map { ($0, .delivered) }), followUps: [])
    }
  }

  private func log(_ claimed: ClaimedRow) {
    let text = Self.text(of: claimed.row.payload)
    logger.notice(
      "\(text)",
      metadata: [
        "outbox-key": "\(claimed.row.key)", "audience": "\(claimed.row.channel)",
        "possible-duplicate": "\(claimed.possibleDuplicate)",
      ])
  }

  /// The payload's plain text, or the payload itself when it has none.
  static func text(of payload: String) -> String {
    guard let data = payload.data(using: .utf8),
      let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      let text = object["text"] as? String
    else { return payload }
    return text
  }
}
