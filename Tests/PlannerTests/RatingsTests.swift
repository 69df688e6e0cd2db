import Foundation
import Planner
import Testing

/// A visit's ratings: scores by dimension, as a dictionary would keep them.
@Suite struct RatingsTests {
  @Test func keepsOneScoreADimensionInDimensionOrder() {
    var ratings: Ratings = ["overall": 4, "cleaning": 3]
    ratings["security"] = 5
    ratings["overall"] = 2
    #expect(ratings["overall"] == 2 && ratings["cleaning"] == 3 && ratings["greening"] == nil)
    #expect(ratings.map(\.key) == ["cleaning", "overall", "security"])
    ratings["cleaning"] = nil
    #expect(ratings.count == 2 && ratings.dictionary == ["overall": 2, "security": 5])
  }

  @Test func equalWhateverTheOrderTheyWereGivenIn() {
    #expect(Ratings(["a": 1, "b": 2, "c": 3]) == ["c": 3, "a": 1, "b": 2])
    #expect(Ratings(["a": 1]) != ["a": 2])
    #expect(Ratings().isEmpty)
  }

  @Test func encodesAsAnObjectOfDimensionToScore() throws {
    let ratings: Ratings = ["overall": 4, "cleaning": 3]
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    let text = String(decoding: try encoder.encode(ratings), as: UTF8.self)
    #expect(text == #"{"cleaning":3,"overall":4}"#)
    #expect(try JSONDecoder().decode(Ratings.self, from: Data(text.utf8)) == ratings)
  }
}
