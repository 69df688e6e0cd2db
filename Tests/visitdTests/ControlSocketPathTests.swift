import Control
import Foundation
import Testing

/// A control socket path too long for a Unix address is refused, never bound under a shortened name.
@Suite struct ControlSocketPathTests {
  @Test func aPathLongerThanAUnixAddressHoldsIsRefusedNamingTheLimit() throws {
    let folder = NSTemporaryDirectory() + "visitd-" + String(repeating: "d", count: 110)
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/visitd.sock"
    #expect(path.utf8.count > ControlSocket.maxPathBytes)
    do {
      _ = try ControlListener(path: path)
      Issue.record("a \(path.utf8.count)-byte path was bound")
    } catch let error as ControlError {
      #expect(error.description.contains("at most \(ControlSocket.maxPathBytes) bytes"))
    }
    #expect(!ControlSocket.send(.reload, to: path))
    let shortened = String(decoding: Array(path.utf8).prefix(ControlSocket.maxPathBytes), as: UTF8.self)
    #expect(!FileManager.default.fileExists(atPath: shortened), "nothing is bound under a shortened name")
  }
}
