/// A household's history (states, grades or events): a short list whose first two entries live inline.
///
/// Nearly every household has one or two entries per history; kept inline they cost no allocation, no reference
/// counting when the household is copied, and no pointer to follow. Longer histories move to an array.
public struct History<Element: Sendable & Hashable>: Sendable, Hashable {
  // Canonical form, so that the synthesized equality holds: up to two entries in `first` and `second` with
  // `spill` nil; more than two all in `spill` with `first` and `second` nil.
  @usableFromInline var first: Element?
  @usableFromInline var second: Element?
  @usableFromInline var spill: [Element]?

  /// An empty history.
  @inlinable public init() {}

  /// A history of `entries`, in the order given.
  @inlinable public init(_ entries: some Collection<Element>) {
    guard entries.count <= 2 else {
      spill = Array(entries)
      return
    }
    var iterator = entries.makeIterator()
    first = iterator.next()
    second = iterator.next()
  }
}

extension History: RandomAccessCollection, RangeReplaceableCollection, MutableCollection {
  /// The position of the first entry.
  @inlinable public var startIndex: Int { 0 }

  /// The position after the last entry.
  @inlinable public var endIndex: Int { spill?.count ?? (first == nil ? 0 : second == nil ? 1 : 2) }

  /// The entry at `position`.
  @inlinable public subscript(position: Int) -> Element {
    get {
      if let spill { return spill[position] }
      precondition(position >= 0 && position < endIndex, "History index out of range")
      return position == 0 ? first! : second!
    }
    set {
      if spill != nil {
        spill![position] = newValue
        return
      }
      precondition(position >= 0 && position < endIndex, "History index out of range")
      if position == 0 { first = newValue } else { second = newValue }
    }
  }

  /// Replaces the entries in `range` with `entries`.
  @inlinable public mutating func replaceSubrange<C: Collection<Element>>(
    _ range: Range<Int>, with entries: C
  ) {
    if spill == nil && range.isEmpty && range.lowerBound == endIndex && endIndex + entries.count <= 2 {
      for entry in entries { if first == nil { first = entry } else { second = entry } }
      return
    }
    var all = Array(self)
    all.replaceSubrange(range, with: entries)
    self = History(all)
  }
}

extension History: ExpressibleByArrayLiteral {
  /// A history of the listed entries.
  @inlinable public init(arrayLiteral elements: Element...) { self.init(elements) }
}

extension History: Codable where Element: Codable {
  /// Decodes a history written as an array.
  public init(from decoder: any Decoder) throws {
    self.init(try [Element](from: decoder))
  }

  /// Encodes the history as an array, as `[Element]` would be.
  public func encode(to encoder: any Encoder) throws {
    try Array(self).encode(to: encoder)
  }
}

extension History: CustomStringConvertible {
  /// The entries, as an array prints them.
  public var description: String { Array(self).description }
}
