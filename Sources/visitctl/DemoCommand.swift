import ArgumentParser
import CalendarSpec
import Foundation
import Operations
import Store

/// `visitctl demo generate`: synthetic facts as CSV in the import format.
struct DemoCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo", abstract: "Generate demo data.", subcommands: [Generate.self])

  /// `visitctl demo generate`.
  struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "generate",
      abstract:
        "Write projects, stewards, areas, households and visits CSV files; the same seed gives the same bytes."
    )

    @Option(help: "The number of projects.")
    var projects = 3

    @Option(help: "The number of households over all projects.")
    var households = 1000

    @Option(help: "The random seed.")
    var seed: UInt64 = 1

    @Option(
      help: ArgumentHelp(
        "The last day facts fall on, YYYY-MM-DD; facts spread over its year.",
        discussion:
          "Default: today in Shanghai. Today's visits fall no later than now (an import refuses facts in the "
          + "future); a visit drawn later today falls on the day before."))
    var asOf: String?

    @Option(help: "The folder to write into.")
    var out: String

    func run() throws {
      let shanghai = TimeZone(identifier: "Asia/Shanghai") ?? .current
      let now = Date()
      let today = LocalDate(now, in: shanghai)
      guard let day = asOf.map(LocalDate.init(parsing:)) ?? today else {
        throw ValidationError("--as-of '\(asOf ?? "")' is not a day")
      }
      let started = Date()
      var generator = DemoGenerator(projects: projects, households: households, seed: seed, asOf: day)
      if day == today {
        let clock = Calendar(identifier: .gregorian).dateComponents(in: shanghai, from: now)
        generator.latestMinute = (clock.hour ?? 0) * 60 + (clock.minute ?? 0)
      }
      let paths = try generator.write(to: out)
      let seconds = Date().timeIntervalSince(started)
      for path in paths { print(path) }
      print("\(households) households over \(projects) projects in \(String(format: "%.2f", seconds)) s")
    }
  }
}
