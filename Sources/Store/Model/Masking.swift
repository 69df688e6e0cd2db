/// Masks owners' names and phone numbers for listings and logs (`张*`, `138****5678`).
public enum Masking {
  /// The surname followed by one `*` (`张伟` → `张*`); empty stays empty.
  public static func name(_ full: String) -> String {
    guard let first = full.first else { return "" }
    return full.count > 1 ? "\(first)*" : String(first)
  }

  /// The first three and last four digits with `****` between (`13812345678` → `138****5678`).
  public static func phone(_ phone: String) -> String {
    let characters = Array(phone)
    guard characters.count > 7 else { return String(repeating: "*", count: characters.count) }
    return String(characters.prefix(3)) + "****" + String(characters.suffix(4))
  }

  /// The name as shown: whole when `showContact`, masked otherwise.
  public static func name(_ full: String, showContact: Bool) -> String {
    showContact ? full : name(full)
  }

  /// The phone as shown: whole when `showContact`, masked otherwise.
  public static func phone(_ phone: String, showContact: Bool) -> String {
    showContact ? phone : self.phone(phone)
  }
}
