import Foundation
import Synchronization

extension Array where Element: Sendable {
  /// `transform` of each part of at most `partSize` elements, in order, the parts run side by side on the
  /// machine's cores; the first part's error, if any failed, is rethrown.
  func mapPartsSideBySide<Part: Sendable, Failure: Error>(
    partSize: Int, _ transform: @Sendable (ArraySlice<Element>) throws(Failure) -> Part
  ) throws(Failure) -> [Part] {
    let parts = (count + partSize - 1) / partSize
    guard parts > 1 else { return [try transform(self[...])] }
    let made = Mutex([Result<Part, Failure>?](repeating: nil, count: parts))
    DispatchQueue.concurrentPerform(iterations: parts) { part in
      let result = Result { () throws(Failure) -> Part in
        try transform(self[part * partSize..<Swift.min((part + 1) * partSize, count)])
      }
      made.withLock { $0[part] = result }
    }
    var results: [Part] = []
    for result in made.withLock({ $0 }) { results.append(try result!.get()) }
    return results
  }
}
