import Foundation
import Policy
import Store

/// What row parsers check against: the stored catalog, the clock, the rating dimensions and feedback categories.
public struct ImportContext: Sendable {
  /// What the store already holds.
  public var catalog: Catalog
  /// The present instant; facts after it are refused.
  public var now: Date
  /// The satisfaction dimensions (id and Chinese title).
  public var dimensions: [Label]
  /// The feedback categories (id and Chinese title).
  public var categories: [Label]

  /// A context with the shipped dimensions and categories unless given.
  public init(
    catalog: Catalog, now: Date, dimensions: [Label] = ImportContext.shippedDimensions,
    categories: [Label] = ImportContext.shippedCategories
  ) {
    self.catalog = catalog
    self.now = now
    self.dimensions = dimensions
    self.categories = categories
  }

  /// The dimensions of the shipped `rules/settings.toml`.
  public static let shippedDimensions = [
    Label(id: "overall", title: "总体"), Label(id: "cleaning", title: "卫生"), Label(id: "greening", title: "绿化"),
    Label(id: "security", title: "安保"), Label(id: "repairs", title: "维修"),
    Label(id: "staff-attitude", title: "服务态度"),
  ]

  /// The feedback categories of the shipped `rules/settings.toml`.
  public static let shippedCategories = [
    Label(id: "security", title: "安保"), Label(id: "cleaning", title: "保洁"),
    Label(id: "greening", title: "绿化"),
    Label(id: "repairs", title: "维修"), Label(id: "parking", title: "停车"), Label(id: "fees", title: "收费"),
    Label(id: "noise", title: "噪音"), Label(id: "pets", title: "宠物"), Label(id: "facilities", title: "公共设施"),
    Label(id: "staff-attitude", title: "服务态度"), Label(id: "renovation", title: "装修"),
    Label(id: "special-services", title: "特约服务"), Label(id: "other", title: "其他"),
  ]

  /// The id of a dimension given by id or title.
  func dimension(_ text: String) -> String? { dimensions.first { $0.id == text || $0.title == text }?.id }

  /// The id of a category given by id or title.
  func category(_ text: String) -> String? { categories.first { $0.id == text || $0.title == text }?.id }

  /// The zone of a project, Asia/Shanghai when unknown.
  func zone(ofProject project: String) -> String { catalog.projectZones[project] ?? "Asia/Shanghai" }
}

extension CSVRow {
  /// A date column as an instant in `zone`; nil (with an issue) when malformed, not a real day or in the future.
  mutating func instant(_ key: String, zone: String, clock: inout ZoneClock, now: Date) -> Date? {
    let value = text(key)
    guard !value.isEmpty else { return nil }
    switch DateText.parse(value) {
    case .failure(.malformed):
      fail(key, "'\(value)' is not a date; expected \(DateText.expected)")
    case .failure(.noSuchDay):
      fail(key, "'\(value)' is not a real day")
    case .failure(.badTime):
      fail(key, "'\(value)' has a bad time of day; expected HH:MM from 00:00 to 23:59")
    case .success(let parsed):
      let instant = clock.instant(parsed, zone: zone)
      guard instant <= now else {
        fail(key, "'\(value)' is in the future")
        return nil
      }
      return instant
    }
    return nil
  }
}
