/// Integers written in decimal straight into a byte buffer, for texts built by the million (task ids, history
/// columns) without a string per number.
package enum DecimalBytes {
  /// Appends `value` in decimal, as `String(value)` writes it.
  @inlinable
  package static func append(_ value: Int, to bytes: inout [UInt8]) {
    if value >= 0 && value < 10 {
      bytes.append(UInt8(ascii: "0") + UInt8(value))
      return
    }
    // Digits from the last, into 20 bytes on the stack (a 64-bit magnitude has at most 20).
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
      var magnitude = value.magnitude
      var start = digits.count
      repeat {
        start -= 1
        digits[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
        magnitude /= 10
      } while magnitude > 0
      if value < 0 { bytes.append(UInt8(ascii: "-")) }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
    }
  }

  /// Appends `value` with at least two digits, as dates write months and days.
  @inlinable
  package static func appendTwoDigits(_ value: Int, to bytes: inout [UInt8]) {
    if value >= 0 && value < 10 { bytes.append(UInt8(ascii: "0")) }
    append(value, to: &bytes)
  }
}
