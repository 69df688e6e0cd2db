import CalendarSpec
import Testing

@Suite struct DecimalBytesTests {
  @Test(arguments: [0, 7, 9, 10, 99, 100, -1, -9, -10, 1_767_225_600, -1_767_225_600, Int.max, Int.min])
  func writesWhatStringWrites(value: Int) {
    var bytes = Array("x=".utf8)
    DecimalBytes.append(value, to: &bytes)
    #expect(String(decoding: bytes, as: UTF8.self) == "x=\(value)")
  }

  @Test(arguments: [(0, "00"), (3, "03"), (12, "12"), (123, "123"), (-3, "-3")])
  func padsToTwoDigits(value: Int, text: String) {
    var bytes: [UInt8] = []
    DecimalBytes.appendTwoDigits(value, to: &bytes)
    #expect(String(decoding: bytes, as: UTF8.self) == text)
  }
}
