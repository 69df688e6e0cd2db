import Foundation

/// Numbers as reports and messages print them.
public enum Figures {
  /// `92.5%`.
  public static func percent(_ share: Double) -> String { String(format: "%.1f%%", share * 100) }

  /// `4.25`.
  public static func decimal(_ value: Double) -> String { String(format: "%.2f", value) }
}
