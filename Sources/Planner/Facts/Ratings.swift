/// Satisfaction ratings by dimension id: a short list kept sorted by dimension (a visit rates a handful of
/// dimensions, and a dictionary per visit would cost twice the memory).
public struct Ratings: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
  /// A dimension and its score.
  public typealias Element = (key: String, value: Int)

  // The entries in dimension order: the first inline (most visits rate one dimension), the rest in an array.
  private var head: Entry?
  private var tail: [Entry] = []

  private var entries: [Entry] {
    get { head.map { [$0] + tail } ?? [] }
    set {
      head = newValue.first
      tail = Array(newValue.dropFirst())
    }
  }

  /// No rating.
  public init() {}

  /// The ratings of `dictionary`.
  public init(_ dictionary: [String: Int]) {
    for (dimension, score) in dictionary { self[dimension] = score }
  }

  /// The ratings of a literal; a repeated dimension keeps its last score.
  public init(dictionaryLiteral elements: (String, Int)...) {
    for (dimension, score) in elements { self[dimension] = score }
  }

  /// The score of `dimension`, nil when not rated; setting nil removes it.
  public subscript(dimension: String) -> Int? {
    get {
      if head?.dimension == dimension { return head?.score }
      return tail.first { $0.dimension == dimension }?.score
    }
    set {
      var all = entries
      let position = all.partitioningIndex { $0.dimension >= dimension }
      let present = position < all.count && all[position].dimension == dimension
      switch (newValue, present) {
      case (let score?, true): all[position].score = score
      case (let score?, false): all.insert(Entry(dimension: dimension, score: score), at: position)
      case (nil, true): all.remove(at: position)
      case (nil, false): return
      }
      entries = all
    }
  }

  /// Whether nothing is rated.
  public var isEmpty: Bool { head == nil }

  /// The number of dimensions rated.
  public var count: Int { head == nil ? 0 : 1 + tail.count }

  /// The ratings by dimension id.
  public var dictionary: [String: Int] {
    Dictionary(uniqueKeysWithValues: entries.map { ($0.dimension, $0.score) })
  }

  /// The ratings in dimension order.
  public func makeIterator() -> Iterator { Iterator(head: head, tail: tail.makeIterator()) }

  /// Walks the ratings in dimension order.
  public struct Iterator: IteratorProtocol {
    var head: Entry?
    var tail: IndexingIterator<[Entry]>

    /// The next dimension and score.
    public mutating func next() -> Element? {
      if let entry = head {
        head = nil
        return (entry.dimension, entry.score)
      }
      return tail.next().map { ($0.dimension, $0.score) }
    }
  }

  struct Entry: Sendable, Hashable {
    let dimension: String
    var score: Int
  }
}

extension Ratings: Codable {
  /// Decodes a JSON object of dimension to score.
  public init(from decoder: any Decoder) throws {
    self.init(try decoder.singleValueContainer().decode([String: Int].self))
  }

  /// Encodes a JSON object of dimension to score.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(dictionary)
  }
}
