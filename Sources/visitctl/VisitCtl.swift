import ArgumentParser
import Control

/// The visitd command-line companion: rules, calendar, facts, tasks and reports.
public struct VisitCtl: AsyncParsableCommand {
  /// The root command and its subcommands.
  public static let configuration = CommandConfiguration(
    commandName: "visitctl",
    abstract: "Check rules, evaluate calendars, and inspect what visitd plans.",
    version: Release.version,
    subcommands: [
      CalendarCommand.self, RulesCommand.self, VersionCommand.self, ImportCommand.self, EventCommand.self,
      StewardCommand.self, VisitCommand.self, WaiveCommand.self, CampaignCommand.self, DemoCommand.self,
      OutboxCommand.self, TasksCommand.self, PlanCommand.self, ExplainCommand.self, BriefCommand.self,
      ReportCommand.self, SimulateCommand.self, ReloadCommand.self, VoidCommand.self, TokenCommand.self,
      AuditCommand.self, BackupCommand.self, RestoreCommand.self, DoctorCommand.self,
    ]
  )

  /// The root command (it only dispatches).
  public init() {}
}
