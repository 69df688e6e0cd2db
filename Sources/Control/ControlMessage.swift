/// A request sent to the running daemon over its control socket.
public enum ControlMessage: Equatable, Sendable {
  /// Re-read the rules.
  case reload
  /// Facts of these households changed; an empty list means any household.
  case factsChanged([String])

  /// The one-line wire form: `reload` or `changed H1 H2 …`.
  public var wire: String {
    switch self {
    case .reload: return "reload"
    case .factsChanged(let households): return (["changed"] + households).joined(separator: " ")
    }
  }

  /// Reads the wire form; nil for anything else.
  public init?(wire: String) {
    let words = wire.split(whereSeparator: \.isWhitespace).map(String.init)
    switch words.first {
    case "reload" where words.count == 1: self = .reload
    case "changed": self = .factsChanged(Array(words.dropFirst()))
    default: return nil
    }
  }
}
