import CalendarSpec
import Foundation

/// Dates of the solar terms (节气) China's holidays use, from the sun's apparent longitude.
enum SolarTerms {
  private static let unixEpochJulianDay = 2_440_587.5

  /// The date in China (UTC+8) of 清明, when the sun's apparent ecliptic longitude reaches 15°.
  ///
  /// Decision: Meeus's low-accuracy solar position (Astronomical Algorithms, ch. 25, about 0.01°, some
  /// 15 minutes) with ΔT left out (about a minute): a term within minutes of midnight could fall on the
  /// neighbouring day, which a provisional date may do.
  static func qingming(year: Int) -> LocalDate {
    var julianDay = Double(LocalDate(year: year, month: 4, day: 5)!.dayNumber) + unixEpochJulianDay
    for _ in 0..<20 {
      var gap = (15 - apparentLongitude(julianDay)).truncatingRemainder(dividingBy: 360)
      if gap > 180 { gap -= 360 }
      if gap < -180 { gap += 360 }
      let step = 58 * sin(radians(gap))
      julianDay += step
      if abs(step) < 1e-6 { break }
    }
    let chinaDays = julianDay - unixEpochJulianDay + 8.0 / 24
    return LocalDate(dayNumber: Int(chinaDays.rounded(.down)))
  }

  /// The sun's apparent ecliptic longitude in degrees at a Julian day.
  static func apparentLongitude(_ julianDay: Double) -> Double {
    let t = (julianDay - 2_451_545) / 36_525
    let meanLongitude = 280.46646 + 36_000.76983 * t + 0.000_303_2 * t * t
    let anomaly = radians(357.52911 + 35_999.05029 * t - 0.000_153_7 * t * t)
    let centre =
      (1.914602 - 0.004817 * t - 0.000014 * t * t) * sin(anomaly) + (0.019993 - 0.000101 * t)
      * sin(2 * anomaly) + 0.000289 * sin(3 * anomaly)
    let node = radians(125.04 - 1_934.136 * t)
    let longitude = meanLongitude + centre - 0.00569 - 0.00478 * sin(node)
    return (longitude.truncatingRemainder(dividingBy: 360) + 360).truncatingRemainder(dividingBy: 360)
  }

  private static func radians(_ degrees: Double) -> Double { degrees * .pi / 180 }
}
