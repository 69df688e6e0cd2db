import Foundation
import HTTPTypes
import Hummingbird
import Mustache

/// The web app's pages: the shipped templates rendered as HTML, with the headers every page carries.
struct WebPages: Sendable {
  private let library: MustacheLibrary

  /// The shipped templates, compiled in.
  init() throws {
    var library = MustacheLibrary()
    let shipped: [(String, [UInt8])] = [
      ("layout", PackageResources.layout_mustache), ("message", PackageResources.message_mustache),
      ("signin", PackageResources.signin_mustache), ("today", PackageResources.today_mustache),
      ("visit", PackageResources.visit_mustache), ("lead", PackageResources.lead_mustache),
      ("tasks", PackageResources.tasks_mustache), ("operations", PackageResources.operations_mustache),
      ("sample", PackageResources.sample_mustache), ("household", PackageResources.household_mustache),
    ]
    for (name, bytes) in shipped {
      try library.register(String(decoding: bytes, as: UTF8.self), named: name)
    }
    self.library = library
  }

  /// Page `name` rendered with `model` (a dictionary of what its template names), as an HTML response.
  func page(_ name: String, _ model: [String: Any], status: HTTPResponse.Status = .ok) -> Response {
    let html = library.render(model, withTemplate: name) ?? "<!doctype html><p>page \(name) is missing</p>"
    var headers = Self.headers
    headers[.contentType] = "text/html; charset=utf-8"
    return Response(
      status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
  }

  /// A short page that says `text` (and what to do about it, `hint`).
  func message(_ title: String, _ text: String, hint: String? = nil, status: HTTPResponse.Status) -> Response
  {
    var model: [String: Any] = ["title": title, "text": text]
    if let hint { model["hint"] = hint }
    return page("message", model, status: status)
  }

  /// The stylesheet.
  static func stylesheet() -> Response { asset(PackageResources.app_css, type: "text/css; charset=utf-8") }

  /// The script (the offline keeping of visit forms).
  static func script() -> Response {
    asset(PackageResources.app_js, type: "text/javascript; charset=utf-8")
  }

  private static func asset(_ bytes: [UInt8], type: String) -> Response {
    var headers: HTTPFields = [.contentType: type, .cacheControl: "public, max-age=3600"]
    headers[.xContentTypeOptions] = "nosniff"
    return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
  }

  /// A 303 to `location` (after a form is posted, so that a reload does not post it again).
  static func redirect(to location: String, extra: HTTPFields = [:]) -> Response {
    var headers = Self.headers
    headers[.location] = location
    headers.append(contentsOf: extra)
    return Response(status: .seeOther, headers: headers)
  }

  /// What every page carries: nothing from elsewhere, no framing, no referrer (a sign-in link is a secret), no
  /// caching (pages show owners).
  private static let headers: HTTPFields = [
    .contentSecurityPolicy:
      "default-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'",
    .xContentTypeOptions: "nosniff", .referrerPolicy: "no-referrer", .cacheControl: "no-store",
  ]
}

extension HTTPField.Name {
  fileprivate static let referrerPolicy = Self("Referrer-Policy")!
}
