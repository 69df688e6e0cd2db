import Foundation
import Hummingbird
import Operations
import Store

/// 重新获取登录链接: a person types their id and a new sign-in link goes to their own channel. The page answers the
/// same whatever the id, so that it tells no one which ids exist; only the log tells the cases apart.
struct LinkRequestPage: Sendable {
  /// The page's path (`GET` shows the form, `POST` asks for the link).
  static let path = "/app/request-link"
  /// The cookie the form's token is checked against (a form posted from another site carries neither).
  static let cookieName = "visitd_request"
  /// What the page says after any request.
  static let answer = "如果该编号已登记，登录链接已发送到本人的企业微信/钉钉/飞书或邮箱。"

  /// What the page works on.
  let environment: APIEnvironment
  /// The templates.
  let pages: WebPages

  /// The form, with a fresh form cookie.
  func form(_ request: Request) -> Response {
    guard environment.signInRequests != nil else { return unavailable() }
    let secret = Self.freshSecret()
    var response = pages.page(
      "request-link", ["title": "获取登录链接", "form": WebSignIn.formToken(session: secret)])
    response.setCookie(
      Cookie(
        name: Self.cookieName, value: secret, maxAge: 3600, path: Self.path,
        secure: WebVisitor.isSecure(request), httpOnly: true, sameSite: .strict))
    return response
  }

  /// Asks for a link for the id posted, once the form's token matches its cookie.
  func post(_ request: Request) async throws -> Response {
    guard let requests = environment.signInRequests else { return unavailable() }
    let form = try await WebForm.read(request, limit: 4096)
    guard let cookie = request.cookies[Self.cookieName]?.value, !cookie.isEmpty, cookie.utf8.count <= 256,
      let posted = form["form"], posted.utf8.elementsEqual(WebSignIn.formToken(session: cookie).utf8)
    else {
      environment.logger.notice("sign-in link request refused: the form token does not match its cookie")
      return pages.message("请重试", "表单已过期，请返回刷新页面后再提交。", status: .forbidden)
    }
    let store = environment.store
    let clock = environment.clock()
    let id = form["person"] ?? ""
    let outcome = try await environment.blocking { try requests.request(id: id, store: store, clock: clock) }
    switch outcome {
    case .sent(let key, let principal):
      environment.logger.info(
        "sign-in link requested: queued for the person",
        metadata: ["principal": "\(principal)", "key": "\(key)"])
      environment.factsChanged([])
    case .limited(let principal):
      environment.logger.notice(
        "sign-in link requested: refused, \(SignInRequest.limit) links within the hour already",
        metadata: ["principal": "\(principal)"])
    case .unknown:
      // What was typed is not logged: it may be anything, a phone number included.
      environment.logger.info("sign-in link requested: no person with an own channel has that id")
    }
    return pages.message("获取登录链接", Self.answer, hint: "链接只能使用一次；未收到请联系项目负责人。", status: .ok)
  }

  private func unavailable() -> Response {
    pages.message(
      "获取登录链接", "本系统未开放自助获取登录链接。", hint: "请向管理员或项目负责人索取新的登录链接。",
      status: .notFound)
  }

  /// 32 random bytes as hex.
  private static func freshSecret() -> String {
    var generator = SystemRandomNumberGenerator()
    return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: .min ... .max, using: &generator)) }
      .joined()
  }
}
