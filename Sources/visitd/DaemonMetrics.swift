import Foundation
import Metrics
import Operations

/// The daemon's figures `/metrics` shows: tasks open and overdue per project, schedule runs and how late they
/// ran, and how long planning took.
enum DaemonMetrics {
  /// Records the outlook's open and overdue tasks of every project.
  static func outlook(_ outlook: PlanOutlook) {
    for (project, counts) in outlook.byProject {
      Gauge(label: "visitd_tasks", dimensions: [("project", project), ("state", "open")]).record(counts.open)
      Gauge(label: "visitd_tasks", dimensions: [("project", project), ("state", "overdue")]).record(
        counts.overdue)
    }
  }

  /// Counts a run of `schedule` made `lateness` seconds after its elapse.
  static func scheduleRan(_ schedule: String, lateness: TimeInterval) {
    Counter(label: "visitd_schedule_runs_total", dimensions: [("schedule", schedule)]).increment()
    Recorder(label: "visitd_schedule_lateness_seconds", dimensions: [("schedule", schedule)])
      .record(max(0, lateness))
  }

  /// Records how long planning every household took.
  static func planned(_ duration: Duration) {
    Timer(label: "visitd_plan_duration_seconds", dimensions: [("kind", "whole")]).record(duration: duration)
  }
}
