import Foundation
import Synchronization

/// A vendor's application API on 127.0.0.1 (WeCom's calendar's `oa/schedule/add` too): issues access tokens,
/// takes messages and calendar entries sent with the current token, answers a stale token with the vendor's
/// expiry code, and answers the codes a test scripts.
final class AppEmulator: Sendable {
  /// Which vendor it plays.
  enum Flavour: String, Sendable, CaseIterable, CustomStringConvertible {
    case weCom, dingTalk, feishu

    var description: String { rawValue }

    /// The answer code a stale token gets.
    var expiredCode: Int {
      switch self {
      case .weCom: 42001
      case .dingTalk: 40014
      case .feishu: 99_991_663
      }
    }

    /// The code of an IP the application does not allow.
    var ipCode: Int {
      switch self {
      case .weCom, .dingTalk: 60020
      case .feishu: 99_991_401
      }
    }

    /// A rate-limit code.
    var rateCode: Int {
      switch self {
      case .weCom: 45009
      case .dingTalk: 90018
      case .feishu: 99_991_400
      }
    }

    fileprivate var codeKey: String { self == .feishu ? "code" : "errcode" }

    fileprivate func isTokenRequest(_ uri: String) -> Bool {
      switch self {
      case .weCom: uri.hasPrefix("/cgi-bin/gettoken")
      case .dingTalk: uri.hasPrefix("/gettoken")
      case .feishu: uri.hasPrefix("/open-apis/auth/v3/tenant_access_token/internal")
      }
    }

    fileprivate func token(of request: RecordedRequest) -> String? {
      if self == .feishu {
        return request.headers["authorization"].map { String($0.dropFirst("Bearer ".count)) }
      }
      return URLComponents(string: request.uri)?.queryItems?.first { $0.name == "access_token" }?.value
    }

    fileprivate func tokenAnswer(_ token: String) -> String {
      self == .feishu
        ? #"{"code":0,"msg":"ok","tenant_access_token":"\#(token)","expire":7200}"#
        : #"{"errcode":0,"errmsg":"ok","access_token":"\#(token)","expires_in":7200}"#
    }
  }

  private struct State {
    var issued = 0
    var valid: String?
    var sendCodes: [Int] = []
    var tokenCodes: [Int] = []
    var schedules = 0
  }

  let flavour: Flavour
  let server: LoopbackServer
  private let state: Mutex<State>

  private init(flavour: Flavour, server: LoopbackServer) {
    self.flavour = flavour
    self.server = server
    self.state = Mutex(State())
  }

  /// Starts an emulator of `flavour`.
  static func start(_ flavour: Flavour) async throws -> AppEmulator {
    let box = StateBox()
    let server = try await LoopbackServer.start { request in box.emulator?.answer(request) ?? .drop }
    let emulator = AppEmulator(flavour: flavour, server: server)
    box.set(emulator)
    return emulator
  }

  /// The base URL.
  var baseURL: String { server.baseURL }

  /// Tokens issued so far.
  var tokensIssued: Int { state.withLock { $0.issued } }

  /// The message requests received (not the token requests).
  var sends: [RecordedRequest] { server.requests.filter { !flavour.isTokenRequest($0.uri) } }

  /// Makes the current token stale, as when it expires at the vendor before the cache thinks so.
  func expireToken() { state.withLock { $0.valid = nil } }

  /// Answers the next sends with these codes, one each.
  func failSends(_ codes: [Int]) { state.withLock { $0.sendCodes += codes } }

  /// Answers the next token requests with these codes, one each.
  func failTokens(_ codes: [Int]) { state.withLock { $0.tokenCodes += codes } }

  func stop() async throws { try await server.stop() }

  private func answer(_ request: RecordedRequest) -> ServerAnswer {
    let key = flavour.codeKey
    return state.withLock { state in
      if flavour.isTokenRequest(request.uri) {
        if !state.tokenCodes.isEmpty {
          return .reply(status: 200, body: #"{"\#(key)":\#(state.tokenCodes.removeFirst()),"msg":"no"}"#)
        }
        state.issued += 1
        let token = "tok-\(state.issued)"
        state.valid = token
        return .reply(status: 200, body: flavour.tokenAnswer(token))
      }
      guard let token = flavour.token(of: request), token == state.valid else {
        return .reply(status: 200, body: #"{"\#(key)":\#(flavour.expiredCode),"errmsg":"token expired"}"#)
      }
      if !state.sendCodes.isEmpty {
        return .reply(status: 200, body: #"{"\#(key)":\#(state.sendCodes.removeFirst()),"errmsg":"refused"}"#)
      }
      if request.uri.hasPrefix("/cgi-bin/oa/schedule/add") {
        // WeCom's calendar answers the new entry's id (oa/schedule/add).
        state.schedules += 1
        return .reply(
          status: 200, body: #"{"errcode":0,"errmsg":"ok","schedule_id":"sch-\#(state.schedules)"}"#)
      }
      return .reply(status: 200, body: #"{"\#(key)":0,"errmsg":"ok","msg":"success"}"#)
    }
  }
}

/// The emulator the server's answer closure reaches, set once it exists.
private final class StateBox: Sendable {
  private let value = Mutex<AppEmulator?>(nil)

  var emulator: AppEmulator? { value.withLock { $0 } }

  func set(_ emulator: AppEmulator) { value.withLock { $0 = emulator } }
}
