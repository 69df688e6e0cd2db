/// The named shorthands: `minutely`, `hourly`, `daily`, `weekly`, `monthly`, `yearly`, `quarterly`, ….
extension CalendarParser {
  /// Fills in the fields for a shorthand name; false when `name` is not one.
  mutating func parseShorthand(_ name: String) -> Bool {
    let zero: CalendarChain = [CalendarComponent(start: 0)]
    switch name {
    case "minutely":
      fields.second = zero
    case "hourly":
      (fields.minute, fields.second) = (zero, zero)
    case "daily":
      (fields.hour, fields.minute, fields.second) = (zero, zero, zero)
    case "monthly":
      fields.day = [CalendarComponent(start: 1)]
      (fields.hour, fields.minute, fields.second) = (zero, zero, zero)
    case "annually", "yearly", "anually":
      setMonths([1])
    case "weekly":
      fields.weekdays = 1
      (fields.hour, fields.minute, fields.second) = (zero, zero, zero)
    case "quarterly":
      setMonths([1, 4, 7, 10])
    case "biannually", "bi-annually", "semiannually", "semi-annually":
      setMonths([1, 7])
    default:
      return false
    }
    return true
  }

  private mutating func setMonths(_ months: [Int]) {
    let zero: CalendarChain = [CalendarComponent(start: 0)]
    fields.month = months.map { CalendarComponent(start: $0) }
    fields.day = [CalendarComponent(start: 1)]
    (fields.hour, fields.minute, fields.second) = (zero, zero, zero)
  }
}
