import CalendarSpec

extension DailyWindow {
  /// Whether a visit at local minute `minute` of the day (0 to 1439) is inside the window.
  ///
  /// Decision: the window's last minute is part of it, as the policy reads "17:30–19:30": a visit recorded at
  /// 19:30 is inside, one at 19:31 is not. Visits are recorded to the minute, so 19:30:40 counts as 19:30.
  func holdsVisit(atMinute minute: Int) -> Bool { startMinute <= minute && minute <= endMinute }
}
