import Foundation
import HTTPTypes
import Hummingbird
import Operations

/// The month's reports as spreadsheets people open in Excel, downloaded from the web app by a lead (their project)
/// or operations (every project); owners masked, as in the API's reports.
enum WebExport {
  /// The reports offered, with the names the pages show.
  static let offered: [(kind: ReportKind, title: String)] = [
    (.register, "访谈登记表"), (.summary, "月度汇总"), (.spotCheck, "抽查"), (.captureRate, "信息捕捉率"),
    (.ranking, "排名"),
  ]

  /// The download links of `month` for the pages' model.
  static func links(month: String) -> [[String: Any]] {
    offered.map { ["title": $0.title, "href": "/app/export?kind=\($0.kind.rawValue)&month=\(month)"] }
  }

  /// `bytes` as an .xlsx download named `name`.
  static func download(_ bytes: [UInt8], name: String) -> Response {
    let headers: HTTPFields = [
      .contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      .contentDisposition: "attachment; filename=\"\(name)\"", .cacheControl: "no-store",
    ]
    return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
  }
}
