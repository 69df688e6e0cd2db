/// A one-time sign-in link to the web app, for its person only (a personal message).
public struct SignInLinkNotice: Codable, Sendable, Hashable {
  /// The person's name (`王芳`).
  public var name: String
  /// The link (`https://visit.example.com/app/signin/lnk-…`).
  public var link: String
  /// Until when it works (`2026-12-06 09:30`).
  public var expires: String

  /// A notice.
  public init(name: String, link: String, expires: String) {
    self.name = name
    self.link = link
    self.expires = expires
  }
}
