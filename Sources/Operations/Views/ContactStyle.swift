import Planner
import Store

/// How owners' names and phone numbers appear: masked (`张*`, `138****5678`) unless asked otherwise.
public struct ContactStyle: Sendable {
  /// Whether to show them whole.
  public let showContact: Bool

  /// Names and numbers masked unless `showContact`.
  public init(showContact: Bool) { self.showContact = showContact }

  /// The owner's name as shown.
  public func name(_ owner: Owner) -> String {
    Masking.name(owner.surname + owner.name, showContact: showContact)
  }

  /// The owner's phone number as shown.
  public func phone(_ owner: Owner) -> String { Masking.phone(owner.phone, showContact: showContact) }
}
