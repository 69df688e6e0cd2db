import Foundation
import HTTPTypes
import Hummingbird
import Mustache

/// The web app's pages: the shipped templates (or an admin's overrides) rendered as HTML, with the headers every
/// page carries.
public struct WebPages: Sendable {
  private let library: MustacheLibrary

  /// The shipped templates.
  static let shipped = try! WebPages()

  /// The shipped templates, overridden by `name.mustache` files in `overrides` when given (`[http] templates`); a
  /// template that does not parse is an error naming its file.
  public init(overrides: String? = nil) throws {
    var templates: [String: String] = [:]
    for (name, bytes) in Self.compiledIn { templates[name] = String(decoding: bytes, as: UTF8.self) }
    var origin = Dictionary(uniqueKeysWithValues: templates.keys.map { ($0, "shipped template \($0)") })
    if let overrides {
      for (name, (path, text)) in try Self.read(overrides) {
        templates[name] = text
        origin[name] = path
      }
    }
    var library = MustacheLibrary()
    for (name, text) in templates {
      do {
        try library.register(text, named: name)
      } catch {
        throw WebPagesError(description: "\(origin[name] ?? name): \(error)")
      }
    }
    self.library = library
  }

  private static let compiledIn: [(String, [UInt8])] = [
    ("layout", PackageResources.layout_mustache), ("message", PackageResources.message_mustache),
    ("signin", PackageResources.signin_mustache), ("today", PackageResources.today_mustache),
    ("visit", PackageResources.visit_mustache), ("lead", PackageResources.lead_mustache),
    ("tasks", PackageResources.tasks_mustache), ("operations", PackageResources.operations_mustache),
    ("sample", PackageResources.sample_mustache), ("household", PackageResources.household_mustache),
    ("plan", PackageResources.plan_mustache), ("history", PackageResources.history_mustache),
    ("request-link", PackageResources.request_link_mustache),
  ]

  /// The `.mustache` files of `directory` by template name, with their paths.
  private static func read(_ directory: String) throws -> [String: (String, String)] {
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: directory)
    } catch {
      throw WebPagesError(
        description: "cannot read the page templates folder \(directory): \(error.localizedDescription)")
    }
    var templates: [String: (String, String)] = [:]
    for name in names where name.hasSuffix(".mustache") {
      let path = directory + "/" + name
      guard let data = FileManager.default.contents(atPath: path) else {
        throw WebPagesError(description: "cannot read the page template \(path)")
      }
      guard let text = String(data: data, encoding: .utf8) else {
        throw WebPagesError(description: "\(path): not UTF-8 text")
      }
      templates[String(name.dropLast(".mustache".count))] = (path, text)
    }
    return templates
  }

  /// Page `name` rendered with `model` (a dictionary of what its template names), as an HTML response.
  func page(_ name: String, _ model: [String: Any], status: HTTPResponse.Status = .ok) -> Response {
    let html = html(name, model)
    var headers = Self.headers
    headers[.contentType] = "text/html; charset=utf-8"
    return Response(
      status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
  }

  /// Page `name` rendered with `model`, as HTML text.
  func html(_ name: String, _ model: [String: Any]) -> String {
    library.render(model, withTemplate: name) ?? "<!doctype html><p>page \(name) is missing</p>"
  }

  /// A short page that says `text` (and what to do about it, `hint`, and where to go for it, `link`).
  func message(
    _ title: String, _ text: String, hint: String? = nil, status: HTTPResponse.Status,
    link: (href: String, label: String)? = nil
  ) -> Response {
    var model: [String: Any] = ["title": title, "text": text]
    if let hint { model["hint"] = hint }
    if let link { model["link"] = ["href": link.href, "label": link.label] }
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

/// A page template that cannot be read or parsed.
public struct WebPagesError: Error, CustomStringConvertible {
  /// What is wrong, naming the file.
  public let description: String
}
