import Foundation

/// What settled a task.
public enum Settlement: Sendable, Hashable {
  /// A visit, with whether it was outside the visiting window (accepted, flagged).
  case visit(id: String, at: Date, outsideVisitingWindow: Bool)
  /// A waiver and its reason.
  case waiver(reason: String, at: Date)
  /// A cancellation and its reason.
  case cancellation(reason: String, at: Date)

  /// When it happened.
  public var at: Date {
    switch self {
    case .visit(_, let at, _), .waiver(_, let at), .cancellation(_, let at): return at
    }
  }

  /// The settling visit's id, or the waiver's or cancellation's reason.
  public var detail: String {
    switch self {
    case .visit(let id, _, _): return id
    case .waiver(let reason, _), .cancellation(let reason, _): return reason
    }
  }
}
