extension RandomAccessCollection where Index == Int {
  /// The first index whose element satisfies `isAtOrAfter`, in a collection partitioned by it (false, then
  /// true): where an element belongs in a sorted list.
  func partitioningIndex(where isAtOrAfter: (Element) -> Bool) -> Int {
    var low = startIndex
    var high = endIndex
    while low < high {
      let mid = (low + high) / 2
      if isAtOrAfter(self[mid]) { high = mid } else { low = mid + 1 }
    }
    return low
  }
}
