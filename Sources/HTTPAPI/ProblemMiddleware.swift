import Foundation
import Hummingbird
import Logging
import NIOCore
import OpenAPIRuntime

/// Turns every failure into an RFC 9457 problem: the caller's mistakes into the 4xx naming the field, the server's
/// into a 500 that is logged (without the request's token or body).
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
  /// Where server-side failures are logged.
  let logger: Logger

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
    async throws -> Response
  {
    do {
      return try await next(request, context)
    } catch {
      let problem = problem(for: error)
      if problem.status.kind == .serverError {
        logger.error(
          "request failed",
          metadata: [
            "method": "\(request.method)", "path": "\(CalendarFeedRoute.loggable(request.uri.path))",
            "error": "\(error)",
          ]
        )
      }
      return problem.response
    }
  }

  private func problem(for error: any Error) -> Problem {
    switch error {
    case let problem as Problem: return problem
    case let error as ServerError: return problem(for: error)
    case let error as NIOTooManyBytesError: return Problem.tooLarge(error.maxBytes ?? APIRouter.maxBody)
    case let error as any HTTPResponseError:
      // The router's own: no route (404), method not allowed (405), …
      return Problem(error.status, error.status.reasonPhrase)
    default:
      return Problem(
        .internalServerError, "Internal error", detail: "the request failed on the server's side")
    }
  }

  private func problem(for error: ServerError) -> Problem {
    switch error.underlyingError {
    case let problem as Problem: return problem
    case let decoding as DecodingError: return DecodingProblem.problem(decoding)
    case let error as NIOTooManyBytesError: return Problem.tooLarge(error.maxBytes ?? APIRouter.maxBody)
    default:
      // Before the operation ran: the request did not match the contract (a missing parameter, a wrong type).
      guard error.operationInput == nil else {
        return Problem(
          .internalServerError, "Internal error", detail: "the request failed on the server's side")
      }
      return Problem(.badRequest, "Bad request", detail: error.causeDescription)
    }
  }
}

/// A JSON body that does not fit the contract, as a 422 naming the field.
enum DecodingProblem {
  /// The problem of `error`: the path of the field at fault and what is wrong.
  static func problem(_ error: DecodingError) -> Problem {
    switch error {
    case .typeMismatch(let type, let context):
      return Problem.invalid(path(context.codingPath), "expected \(describe(type))")
    case .valueNotFound(let type, let context):
      return Problem.invalid(path(context.codingPath), "expected \(describe(type)), found null")
    case .keyNotFound(let key, let context):
      return Problem.invalid(path(context.codingPath + [key]), "is required")
    case .dataCorrupted(let context):
      let field = context.codingPath.isEmpty ? "body" : path(context.codingPath)
      let reason = context.underlyingError.map { "\($0)" } ?? context.debugDescription
      return Problem.invalid(field, context.codingPath.isEmpty ? "is not valid JSON: \(reason)" : reason)
    @unknown default:
      return Problem.invalid("body", "does not fit the contract")
    }
  }

  /// `needs[0].category` for a coding path.
  static func path(_ keys: [any CodingKey]) -> String {
    var text = ""
    for key in keys {
      if let index = key.intValue {
        text += "[\(index)]"
      } else {
        text += (text.isEmpty ? "" : ".") + key.stringValue
      }
    }
    return text.isEmpty ? "body" : text
  }

  private static func describe(_ type: Any.Type) -> String {
    switch type {
    case is String.Type: "a string"
    case is Int.Type, is Int64.Type, is Int32.Type: "an integer"
    case is Double.Type: "a number"
    case is Bool.Type: "true or false"
    default: "\(type)".hasPrefix("Array") ? "an array" : "an object"
    }
  }
}

extension Problem {
  /// 413: the body is larger than `limit` bytes.
  static func tooLarge(_ limit: Int) -> Problem {
    Problem(.contentTooLarge, "Body too large", detail: "the body is larger than \(limit) bytes")
  }

  /// The problem as a response.
  var response: Response {
    var fields = headers
    fields[.contentType] = "application/problem+json"
    return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
  }
}
