import CalendarSpec

/// One public holiday of one year: its name, its days off and its make-up working days (调休上班).
public struct Holiday: Sendable, Hashable {
  /// The name as the notices write it (`春节`).
  public let name: String
  /// The days off, in order (weekend days included).
  public let offDays: [LocalDate]
  /// The weekend days made working days, in order (none for provisional holidays).
  public let workingDays: [LocalDate]

  /// A holiday from its parts.
  public init(name: String, offDays: [LocalDate], workingDays: [LocalDate] = []) {
    self.name = name
    self.offDays = offDays
    self.workingDays = workingDays
  }
}
