import Foundation
import Policy

/// `visitbench`: the planner and store benchmarks of `make bench`.
@main
enum VisitBench {
  static func main() {
    do {
      let options = try BenchOptions(Array(CommandLine.arguments.dropFirst()))
      let rules = try PolicyLoader.load(RuleSource(directories: [options.rules])).get()
      print("visitbench on \(ProcessInfo.processInfo.activeProcessorCount) CPU(s)")
      if let database = options.feedsDatabase {
        return try FeedsBench(options: options, rules: rules, database: database).run()
      }
      if options.planner { PlannerBench(options: options, rules: rules).run() }
      if options.store { try StoreBench(options: options, visitctl: visitctl()).run() }
    } catch {
      FileHandle.standardError.write(Data("visitbench: \(error)\n".utf8))
      exit(1)
    }
  }

  /// The `visitctl` built beside this executable.
  private static func visitctl() throws -> String {
    let folder = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
    let path = folder.appendingPathComponent("visitctl").path
    guard FileManager.default.isExecutableFile(atPath: path) else {
      throw BenchError("no visitctl beside visitbench (\(path)); build it first")
    }
    return path
  }
}
