/// The cases of a string-valued enum found by their raw value's bytes, without making a string.
struct RawValueLookup<Value: RawRepresentable & CaseIterable & Sendable>: Sendable
where Value.RawValue == String {
  private let cases: [(bytes: [UInt8], value: Value)] = Value.allCases.map { (Array($0.rawValue.utf8), $0) }

  /// The case whose raw value is `bytes`, nil when none is.
  func value(_ bytes: UnsafeBufferPointer<UInt8>) -> Value? {
    cases.first { $0.bytes.elementsEqual(bytes) }?.value
  }
}
