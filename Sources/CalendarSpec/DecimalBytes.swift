/// Integers written in decimal straight into a byte buffer, for texts built by the million (task ids, history
/// columns) without a string per number.
public enum DecimalBytes {
  /// Appends `value` in decimal, as `String(value)` writes it.
  public static func append(_ value: Int, to bytes: inout [UInt8]) {
    if value < 0 { bytes.append(UInt8(ascii: "-")) }
    var magnitude = value.magnitude
    let start = bytes.endIndex
    repeat {
      bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
      magnitude /= 10
    } while magnitude > 0
    bytes[start...].reverse()
  }

  /// Appends `value` with at least two digits, as dates write months and days.
  public static func appendTwoDigits(_ value: Int, to bytes: inout [UInt8]) {
    if value >= 0 && value < 10 { bytes.append(UInt8(ascii: "0")) }
    append(value, to: &bytes)
  }
}
