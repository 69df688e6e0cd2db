/// A horizontal bar chart as inline SVG, drawn on the server: one bar per label, its value a share from 0 to 1,
/// an optional marker line (the expected share), each bar's figure written beside it.
struct BarChart {
  /// One bar.
  struct Bar {
    /// What the bar is (a steward, a dimension).
    let label: String
    /// Its share, 0 to 1 (clamped).
    let value: Double
    /// The figure written beside it.
    let figure: String
    /// Whether it is drawn as needing attention.
    var alert = false
  }

  /// What the chart shows, for screen readers.
  let title: String
  /// The bars, top to bottom.
  let bars: [Bar]
  /// Where the expected share lies, when there is one.
  var marker: Double?

  private static let rowHeight = 28
  private static let labelWidth = 110
  private static let barWidth = 190
  private static let width = 360

  /// The chart's SVG markup (every text escaped).
  var svg: String {
    let height = bars.count * Self.rowHeight + 8
    var parts = [
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 \(Self.width) \(height)\" "
        + "width=\"100%\" aria-label=\"\(Self.escape(title))\">",
      "<title>\(Self.escape(title))</title>",
    ]
    for (row, bar) in bars.enumerated() {
      let y = row * Self.rowHeight + 4
      let length = Int((min(max(bar.value, 0), 1) * Double(Self.barWidth)).rounded())
      let colour = bar.alert ? "#b3261e" : "#0b4f8a"
      parts.append(
        "<text x=\"0\" y=\"\(y + 17)\" font-size=\"13\" fill=\"#1a1a1a\">\(Self.escape(bar.label))</text>"
          + "<rect x=\"\(Self.labelWidth)\" y=\"\(y + 4)\" width=\"\(Self.barWidth)\" height=\"16\" fill=\"#e3e7ed\"/>"
          + "<rect x=\"\(Self.labelWidth)\" y=\"\(y + 4)\" width=\"\(length)\" height=\"16\" fill=\"\(colour)\"/>"
          + "<text x=\"\(Self.labelWidth + Self.barWidth + 6)\" y=\"\(y + 17)\" font-size=\"13\" fill=\"#1a1a1a\">"
          + "\(Self.escape(bar.figure))</text>")
    }
    if let marker {
      let x = Self.labelWidth + Int((min(max(marker, 0), 1) * Double(Self.barWidth)).rounded())
      parts.append(
        "<line x1=\"\(x)\" y1=\"2\" x2=\"\(x)\" y2=\"\(height - 2)\" stroke=\"#1a1a1a\" stroke-dasharray=\"3 2\"/>"
      )
    }
    parts.append("</svg>")
    return parts.joined()
  }

  /// `text` safe inside SVG text and attributes.
  static func escape(_ text: String) -> String {
    var escaped = ""
    for character in text {
      switch character {
      case "&": escaped += "&amp;"
      case "<": escaped += "&lt;"
      case ">": escaped += "&gt;"
      case "\"": escaped += "&quot;"
      case "'": escaped += "&#39;"
      default: escaped.append(character)
      }
    }
    return escaped
  }
}
