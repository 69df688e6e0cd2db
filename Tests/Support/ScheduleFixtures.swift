/// Schedule files for tests of the running daemon.
public enum ScheduleFixtures {
  /// A daily digest every two seconds (`fast-digest`), so a test sees runs without waiting for the morning.
  public static let digestEveryTwoSeconds = """
    [[schedule]]
    id = "fast-digest"
    title = "every two seconds"
    calendar = "*:*:0/2"
    days = "all"
    audience = "steward"
    report = "daily-digest"
    """
}
