import Testing

@testable import HTTPAPI

struct ListenAddressTests {
  @Test(
    "HOST:PORT is read for IPv4, IPv6 in brackets and names",
    arguments: [
      ("127.0.0.1:8740", "127.0.0.1", 8740), ("[::1]:8740", "::1", 8740), ("localhost:0", "localhost", 0),
    ])
  func hostAndPort(text: String, host: String, port: Int) {
    #expect(ListenAddress(parsing: text) == .hostPort(host: host, port: port))
  }

  @Test(
    "what is not HOST:PORT is refused", arguments: ["8740", ":8740", "127.0.0.1:", "127.0.0.1:65536", "h:x"])
  func refused(text: String) {
    #expect(ListenAddress(parsing: text) == nil)
  }

  @Test("an IPv6 address is written back in brackets")
  func description() {
    #expect(ListenAddress.hostPort(host: "::1", port: 8740).description == "[::1]:8740")
    #expect(ListenAddress.hostPort(host: "127.0.0.1", port: 8740).description == "127.0.0.1:8740")
  }

  @Test("the Date header is RFC 9110's IMF-fixdate")
  func httpDate() {
    #expect(HTTPDate.format(784_111_777) == "Sun, 06 Nov 1994 08:49:37 GMT")
    #expect(HTTPDate.format(1_803_859_200) == "Mon, 01 Mar 2027 00:00:00 GMT")
  }
}
