import Foundation

/// A managed community (项目) and the zone its rules are evaluated in.
public struct Project: Sendable, Hashable, Codable, Identifiable {
  /// The project's id.
  public var id: String
  /// The project's name, e.g. 翠湖花园.
  public var name: String
  /// The IANA zone identifier, e.g. `Asia/Shanghai`.
  public var timeZoneIdentifier: String
  /// The project lead's steward id or name (项目负责人).
  public var lead: String

  /// A project from its parts.
  public init(id: String, name: String, timeZoneIdentifier: String = "Asia/Shanghai", lead: String) {
    self.id = id
    self.name = name
    self.timeZoneIdentifier = timeZoneIdentifier
    self.lead = lead
  }

  /// The project's zone, or `fallback` when the identifier is unknown.
  public func timeZone(fallback: TimeZone) -> TimeZone {
    TimeZone(identifier: timeZoneIdentifier) ?? fallback
  }
}
