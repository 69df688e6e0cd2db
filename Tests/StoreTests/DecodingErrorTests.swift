import Foundation
import Store
import StoreSQLite
import Testing

@testable import Operations

/// A byte that is not text is reported on its own line, with its offset, not at the top of the file.
@Suite struct DecodingErrorTests {
  /// A households file of `rows` good rows (Chinese header) with `bad` put at the end of row `badRow`.
  static func file(rows: Int, badRow: Int, bad: [UInt8], encoding: TextEncoding = .utf8) throws -> (
    bytes: [UInt8], offset: Int
  ) {
    let header = try TextDecoding.encode(Corpus.header(.households) + "\n", as: encoding)
    let row = try TextDecoding.encode(Corpus.row(.households, Corpus.goodHousehold) + "\n", as: encoding)
    var bytes = header
    bytes.reserveCapacity(header.count + row.count * rows + bad.count)
    for number in 1...rows {
      if number == badRow {
        bytes += row.dropLast()
        let offset = bytes.count
        bytes += bad + [0x0A]
        bytes += Array(repeating: row, count: rows - number).joined()
        return (bytes, offset)
      }
      bytes += row
    }
    return (bytes, bytes.count)
  }

  static func issue(_ bytes: [UInt8], encoding: TextEncoding? = nil) -> String {
    let importer = FactImporter(
      kind: .households, fileName: "households.csv",
      context: ImportContext(catalog: Catalog(), now: Seed.instant("2026-11-01 12:00")))
    return importer.read(bytes: bytes, encoding: encoding).issues.map(\.description).joined(separator: "\n")
  }

  @Test(arguments: [nil, TextEncoding.utf8])
  func invalidUTF8OnLineFiveIsReportedOnLineFive(_ encoding: TextEncoding?) throws {
    let (bytes, offset) = try Self.file(rows: 10, badRow: 4, bad: [0xFF])
    let expected =
      encoding == nil
      ? "households.csv:5: byte 0xFF at offset \(offset) is not UTF-8, though the text before it is; expected UTF-8 text (or --encoding gb18030)"
      : "households.csv:5: byte 0xFF at offset \(offset) is not UTF-8; expected UTF-8 text (try --encoding gb18030)"
    #expect(Self.issue(bytes, encoding: encoding) == expected)
  }

  @Test func invalidUTF8OnTheLastLineOfA100000RowFileIsReportedThere() throws {
    let (bytes, offset) = try Self.file(rows: 100_000, badRow: 100_000, bad: [0xE4, 0xB8])
    #expect(
      Self.issue(bytes)
        == "households.csv:100001: byte 0xE4 at offset \(offset) is not UTF-8, though the text before it is; expected UTF-8 text (or --encoding gb18030)"
    )
  }

  @Test func offsetCountsTheByteOrderMark() throws {
    let (body, offset) = try Self.file(rows: 3, badRow: 2, bad: [0xC0, 0x80])
    #expect(
      Self.issue([0xEF, 0xBB, 0xBF] + body)
        == "households.csv:3: byte 0xC0 at offset \(offset + 3) is not UTF-8, though the text before it is; expected UTF-8 text (or --encoding gb18030)"
    )
  }

  @Test func asciiFileWithAByteNeitherEncodingReadsNamesBoth() {
    let text = Array("household,project\nH1,P1\nH2,P1\nH3,P1\nH4,".utf8) + [0xFF] + Array("\n".utf8)
    let offset = text.count - 2
    #expect(
      Self.issue(text)
        == "households.csv:5: byte 0xFF at offset \(offset) is not UTF-8, and the file is not GB18030 either (line 5, offset \(offset)); expected UTF-8 or GB18030 text"
    )
  }

  @Test func lineCountsCarriageReturnLineEndsAsTheReaderDoes() {
    let text = Array("household,project\rH1,P1\r\nH2,".utf8) + [0xFF] + Array("\r".utf8)
    #expect(Self.issue(text, encoding: .utf8).hasPrefix("households.csv:3: byte 0xFF at offset 28 "))
  }

  @Test(arguments: [nil, TextEncoding.gb18030])
  func undecodableGB18030OnLineFourIsReportedOnLineFour(_ encoding: TextEncoding?) throws {
    // 0x81 0x30 0xFF: a four-byte sequence broken at its third byte.
    let (bytes, offset) = try Self.file(
      rows: 5, badRow: 3, bad: [0x81, 0x30, 0xFF, 0x30], encoding: .gb18030)
    #expect(String(validating: bytes, as: UTF8.self) == nil)
    let expected =
      encoding == nil
      ? "households.csv:4: byte 0x81 at offset \(offset) is not GB18030, and the file is not UTF-8 either (line 1, offset 0); expected UTF-8 or GB18030 text"
      : "households.csv:4: byte 0x81 at offset \(offset) is not GB18030; expected GB18030 text"
    #expect(Self.issue(bytes, encoding: encoding) == expected)
  }

  @Test func gb18030BeyondItsMappedRangesIsFoundByOffset() {
    // 0x84 0x31 0xA5 0x30 is one past U+FFFF; 0xE3 0x32 0x9A 0x36 one past U+10FFFF.
    #expect(TextDecoding.firstNonGB18030([0x41, 0x84, 0x31, 0xA4, 0x39, 0x84, 0x31, 0xA5, 0x30]) == 5)
    #expect(TextDecoding.firstNonGB18030([0x90, 0x30, 0x81, 0x30, 0xE3, 0x32, 0x9A, 0x36]) == 4)
    #expect(TextDecoding.firstNonGB18030([0x41, 0xB0]) == 1)
  }

  @Test func utf8ScannerAgreesWithTheStandardLibrary() {
    let cases: [[UInt8]] = [
      [0x41, 0xC3, 0xA9], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
      [0xF0, 0x9F, 0x98, 0x80], [0xC1, 0xBF], [0xE4, 0xB8], [0x80],
    ]
    for bytes in cases {
      #expect((TextDecoding.firstNonUTF8(bytes) == nil) == (String(validating: bytes, as: UTF8.self) != nil))
    }
  }
}
