import ArgumentParser

/// The visitd command-line companion: rules, calendar, facts, tasks and reports.
@main
struct VisitCtl: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "visitctl",
    abstract: "Check rules, evaluate calendars, and inspect what visitd plans.",
    subcommands: [
      CalendarCommand.self, RulesCommand.self, VersionCommand.self, ImportCommand.self, EventCommand.self,
      StewardCommand.self, VisitCommand.self, WaiveCommand.self, CampaignCommand.self, DemoCommand.self,
      OutboxCommand.self, TasksCommand.self, PlanCommand.self, ExplainCommand.self, BriefCommand.self,
      ReportCommand.self, SimulateCommand.self, ReloadCommand.self, VoidCommand.self, TokenCommand.self,
      AuditCommand.self,
    ]
  )

  /// The release this binary was built from.
  static let version = "0.1.0"
}
