/// Satisfaction ratings by dimension id: a short list kept sorted by dimension (a visit rates a handful of
/// dimensions, and a dictionary per visit would cost twice the memory).
public struct Ratings: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
  /// A dimension and its score.
  public typealias Element = (key: String, value: Int)

  private var entries: [Entry] = []

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
      let position = insertionPoint(dimension)
      return position < entries.count && entries[position].dimension == dimension
        ? entries[position].score : nil
    }
    set {
      let position = insertionPoint(dimension)
      let present = position < entries.count && entries[position].dimension == dimension
      switch (newValue, present) {
      case (let score?, true): entries[position].score = score
      case (let score?, false): entries.insert(Entry(dimension: dimension, score: score), at: position)
      case (nil, true): entries.remove(at: position)
      case (nil, false): break
      }
    }
  }

  /// Whether nothing is rated.
  public var isEmpty: Bool { entries.isEmpty }

  /// The number of dimensions rated.
  public var count: Int { entries.count }

  /// The ratings by dimension id.
  public var dictionary: [String: Int] {
    Dictionary(uniqueKeysWithValues: entries.map { ($0.dimension, $0.score) })
  }

  /// The ratings in dimension order.
  public func makeIterator() -> Iterator { Iterator(base: entries.makeIterator()) }

  /// Walks the ratings in dimension order.
  public struct Iterator: IteratorProtocol {
    var base: IndexingIterator<[Entry]>

    /// The next dimension and score.
    public mutating func next() -> Element? { base.next().map { ($0.dimension, $0.score) } }
  }

  private func insertionPoint(_ dimension: String) -> Int {
    var low = 0
    var high = entries.count
    while low < high {
      let mid = (low + high) / 2
      if entries[mid].dimension < dimension { low = mid + 1 } else { high = mid }
    }
    return low
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
