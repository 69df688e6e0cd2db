import Foundation
import Operations
import Planner
import Policy
import Store
import StoreSQLite

/// A temporary folder removed at deinit, holding a real SQLite file.
final class TempFolder {
  let path: String

  init() {
    path = NSTemporaryDirectory() + "storetests-" + UUID().uuidString
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }

  var database: String { path + "/visitd.sqlite" }

  func write(_ name: String, _ bytes: [UInt8]) -> String {
    let file = path + "/" + name
    _ = FileManager.default.createFile(atPath: file, contents: Data(bytes))
    return file
  }
}

/// Reference facts every test starts from: two projects, two stewards, three areas, one household.
enum Seed {
  static let shanghai = TimeZone(identifier: "Asia/Shanghai")!

  static func instant(_ text: String) -> Date { try! LocalTime.instant(text, zone: "Asia/Shanghai") }

  static func store(in folder: TempFolder) throws -> SQLiteStore {
    let store = try SQLiteStore(path: folder.database)
    try store.write(batch)
    return store
  }

  static var batch: FactBatch {
    var batch = FactBatch()
    batch.projects = [
      Project(id: "P1", name: "翠湖花园", lead: "S1"), Project(id: "P2", name: "锦绣华庭", lead: "S2"),
    ]
    batch.stewards = [Steward(id: "S1", name: "李娜"), Steward(id: "S2", name: "王强")]
    batch.areas = [
      Area(
        id: "A1", project: "P1", buildings: ["1栋", "2栋"],
        stewards: [.init(steward: "S1", since: instant("2024-01-01"))]),
      Area(
        id: "A2", project: "P2", buildings: ["9栋"],
        stewards: [.init(steward: "S2", since: instant("2024-01-01"))]),
    ]
    batch.households = [household("H1")]
    return batch
  }

  static func household(_ id: String, area: String = "A1") -> Household {
    Household(
      id: id, project: "P1", building: "1栋", unit: "1单元", room: "101", area: area,
      owner: Owner(surname: "张", name: "伟", phone: "13812345678"),
      states: [Dated(.occupied, since: instant("2024-06-15"))],
      grades: [Dated(.c, since: instant("2024-01-10"))],
      events: [HouseholdEvent(.movedIn, at: instant("2024-06-15"))])
  }

  static func context(_ store: SQLiteStore) throws -> ImportContext {
    ImportContext(catalog: try store.catalog(withHouseholds: true), now: instant("2026-11-01 12:00"))
  }
}

/// Finds and runs the built `visitctl` next to the test bundle.
enum VisitCtl {
  static var path: String {
    if let explicit = ProcessInfo.processInfo.environment["VISITCTL"] { return explicit }
    let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    var folder = executable.deletingLastPathComponent()
    while folder.path != "/" {
      let candidate = folder.appendingPathComponent("visitctl").path
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
      folder = folder.deletingLastPathComponent()
    }
    return "visitctl"
  }

  static func start(_ arguments: [String]) throws -> Process {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    return process
  }

  @discardableResult
  static func run(_ arguments: [String]) throws -> Int32 {
    let process = try start(arguments)
    process.waitUntilExit()
    return process.terminationStatus
  }
}
