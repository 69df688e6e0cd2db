import Foundation
import Testing

/// What Prometheus scrapes and alerts on.
struct MonitoringTests {
  static var alertRules: String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("monitoring/visitd-alerts.yml").path
  }

  @Test("the shipped alerting rules pass promtool check rules")
  func alertRulesAreValid() throws {
    let run = try ToolRun.run("/usr/bin/promtool", ["check", "rules", Self.alertRules], in: "/")
    let text = String(decoding: run.output + run.errors, as: UTF8.self)
    #expect(run.status == 0, "\(text)")
  }

  @Test("/metrics shows tasks per project, request latencies and the outbox in Prometheus text")
  func metricsPage() async throws {
    let (daemon, cast) = try await DemoDaemon.started()
    let token = try await daemon.token(["--operations"])
    _ = try await daemon.request(.GET, "/api/v1/stewards/\(cast.steward)/day", token: token)
    let page = try await daemon.request(.GET, "/metrics")
    #expect(page.status == 200)
    #expect(page.headers.first(name: "Content-Type")?.hasPrefix("text/plain; version=0.0.4") == true)
    let text = page.text
    #expect(text.contains("visitd_tasks{project=\"\(cast.project)\",state=\"open\"}"), "\(text.prefix(2000))")
    #expect(text.contains("visitd_tasks{project=\"\(cast.project)\",state=\"overdue\"}"))
    #expect(text.contains("http_server_request_duration_bucket"))
    #expect(text.contains("visitd_outbox_rows{state=\"pending\"}"))
    #expect(text.contains("visitd_plan_duration_seconds_bucket"))
    // Every metric an alert names is one the daemon defines.
    let rules = try String(contentsOfFile: Self.alertRules, encoding: .utf8)
    for name in ["visitd_tasks", "visitd_outbox_rows", "http_server_request_duration_bucket"] {
      #expect(rules.contains(name))
    }
  }
}
