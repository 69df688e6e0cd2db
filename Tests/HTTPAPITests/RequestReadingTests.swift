import Foundation
import Testing

@testable import HTTPAPI

struct RequestReadingTests {
  @Test("a page's cursor comes back as the task id it was made from; anything else is a 422 naming cursor")
  func cursorRoundTrip() throws {
    for id in ["P001-0001/vacant-quarterly/2027-Q1/1", "H1/ticket/访谈-2027-001/1", "a+b/c=d"] {
      let cursor = TaskCursor(lastID: id)
      #expect(!cursor.text.contains("/") && !cursor.text.contains("+") && !cursor.text.contains("="))
      #expect(try TaskCursor(text: cursor.text) == cursor)
    }
    let problem = try #require(throws: Problem.self) { try TaskCursor(text: "!!!") }
    #expect(problem.errors.first?.field == "cursor")
  }

  @Test("a body that does not fit names the field by its path")
  func decodingProblemsNameTheField() throws {
    struct Remark: Decodable { let category: String }
    struct Body: Decodable {
      let needs: [Remark]
      let ratings: [String: Int]
    }
    let decoder = JSONDecoder()
    func field(_ json: String) -> String? {
      let decoded = Result { try decoder.decode(Body.self, from: Data(json.utf8)) }
      guard case .failure(let error as DecodingError) = decoded else { return nil }
      return DecodingProblem.problem(error).errors.first?.field
    }
    #expect(field(#"{"needs":[{"category":1}],"ratings":{}}"#) == "needs[0].category")
    #expect(field(#"{"needs":[],"ratings":{"service":"five"}}"#) == "ratings.service")
    #expect(field(#"{"needs":[]}"#) == "ratings")
    #expect(field(#"{"needs":"#) == "body")
  }
}
