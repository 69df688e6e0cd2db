import Policy
import Store

/// An owner as a notification may show them: household code, surname and masked phone, never more.
public struct OwnerRef: Codable, Sendable, Hashable {
  /// The household code (`A-3-1-1202`).
  public let household: String
  /// The surname only (at most two characters: 欧阳).
  public let surname: String
  /// The phone with its middle digits hidden (`138****5678`).
  public let phone: String

  /// Masks on the way in: whatever is passed, only the surname and a masked phone are kept.
  public init(household: String, surname: String, phone: String) {
    self.household = household
    self.surname = String(surname.prefix(2))
    self.phone = Masking.phone(phone)
  }

  /// Re-masks on decoding, so a payload written by hand cannot smuggle a full number through.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      household: try container.decode(String.self, forKey: .household),
      surname: try container.decode(String.self, forKey: .surname),
      phone: try container.decode(String.self, forKey: .phone))
  }
}
