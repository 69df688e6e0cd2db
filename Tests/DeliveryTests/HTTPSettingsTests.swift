import Delivery
import Foundation
import Testing

/// `[http]` in visitd.toml: where the API listens without systemd.
struct HTTPSettingsTests {
  private func file(_ toml: String) throws -> String {
    let path = try Fixtures.temporaryDirectory() + "/visitd.toml"
    try Fixtures.write(toml, to: path)
    return path
  }

  @Test("[http] listen is read beside the receivers; no file or no table means no address")
  func listenIsRead() throws {
    let path = try file("[delivery]\nzone = \"Asia/Shanghai\"\n[http]\nlisten = \"127.0.0.1:8740\"\n")
    #expect(try HTTPSettingsLoader().listen(path: path) == "127.0.0.1:8740")
    #expect(try HTTPSettingsLoader().listen(path: try file("[delivery]\n")) == nil)
    #expect(try HTTPSettingsLoader().listen(path: "/nonexistent/visitd.toml") == nil)
    // The receivers' reader ignores the table it does not own.
    #expect(throws: Never.self) { try DeliveryConfigLoader(environment: [:]).load(path: path) }
  }

  @Test("a misspelt key or a number instead of text names the file and the key")
  func badSettingsNameFileAndKey() throws {
    let misspelt = try file("[http]\nlisen = \"127.0.0.1:8740\"\n")
    let unknown = try #require(throws: (any Error).self) { try HTTPSettingsLoader().listen(path: misspelt) }
    #expect("\(unknown)".contains(misspelt) && "\(unknown)".contains("lisen"))
    let number = try file("[http]\nlisten = 8740\n")
    let typed = try #require(throws: (any Error).self) { try HTTPSettingsLoader().listen(path: number) }
    #expect("\(typed)".contains("http.listen"))
  }
}
