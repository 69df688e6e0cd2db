import Foundation
import Store

/// What `import all` gave: the files read and, when none had an issue, what the write changed.
public struct FolderImportResult: Sendable {
  /// The files read and every issue found (the batch is empty: it went to the store as it was read).
  public var outcome: FolderOutcome
  /// What the write changed; nil when an issue was found and nothing was written.
  public var summary: WriteSummary?
  /// The re-plan stored with the write.
  public var update: PlanUpdate?
}

extension FolderImporter {
  /// Reads the folder on a thread of its own while this one writes what it has read into `store`, in one
  /// transaction with the re-plan (rolled back when `dryRun`); an issue in any file rolls everything back.
  public func importInto(
    _ store: any FactStore, encoding: TextEncoding?, dryRun: Bool, replan: ReplanHook?
  ) throws -> FolderImportResult {
    let pipe = BatchPipe(capacity: 4)
    let reading = Thread {
      pipe.close(read(encoding: encoding) { pipe.put($0) })
    }
    reading.start()
    do {
      let (summary, update) = try store.write(
        next: {
          if let chunk = pipe.take() { return chunk }
          guard pipe.outcome().issues.isEmpty else { throw Rejected() }
          return nil
        }, dryRun: dryRun, replan: replan)
      return FolderImportResult(outcome: pipe.outcome(), summary: summary, update: update)
    } catch is Rejected {
      return FolderImportResult(outcome: pipe.outcome(), summary: nil, update: nil)
    } catch {
      pipe.cancel()
      _ = pipe.outcome()
      throw error
    }
  }

  /// The folder had an issue: roll the write back.
  private struct Rejected: Error {}
}

/// Chunks of facts handed from the reading thread to the writing one, at most `capacity` of them waiting.
final class BatchPipe: @unchecked Sendable {
  private let condition = NSCondition()
  private let capacity: Int
  private var chunks: [FactBatch] = []
  private var finished: FolderOutcome?
  private var cancelled = false

  init(capacity: Int) { self.capacity = capacity }

  /// Hands a chunk over, waiting while `capacity` chunks wait; dropped once the writer gave up.
  func put(_ chunk: FactBatch) {
    condition.lock()
    defer { condition.unlock() }
    while chunks.count >= capacity && !cancelled { condition.wait() }
    guard !cancelled else { return }
    chunks.append(chunk)
    condition.broadcast()
  }

  /// The reader is done: what it read.
  func close(_ outcome: FolderOutcome) {
    condition.lock()
    defer { condition.unlock() }
    finished = outcome
    condition.broadcast()
  }

  /// The next chunk, waiting for it; nil once the reader is done and every chunk was taken.
  func take() -> FactBatch? {
    condition.lock()
    defer { condition.unlock() }
    while chunks.isEmpty && finished == nil { condition.wait() }
    guard !chunks.isEmpty else { return nil }
    condition.broadcast()
    return chunks.removeFirst()
  }

  /// The writer gave up: the reader's further chunks are dropped.
  func cancel() {
    condition.lock()
    defer { condition.unlock() }
    cancelled = true
    chunks = []
    condition.broadcast()
  }

  /// What the reader read, waiting until it is done.
  func outcome() -> FolderOutcome {
    condition.lock()
    defer { condition.unlock() }
    while finished == nil { condition.wait() }
    return finished ?? FolderOutcome()
  }
}
