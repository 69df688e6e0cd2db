extension RangeReplaceableCollection where Self: MutableCollection {
  /// Removes the elements `isAfter` selects, copying nothing when there are none (the common case).
  mutating func cut(where isAfter: (Element) -> Bool) {
    guard contains(where: isAfter) else { return }
    removeAll(where: isAfter)
  }
}
