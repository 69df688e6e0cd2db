/// The input limits a rule file is held to before its text reaches the TOML parser (docs/limits.md).
public enum RuleFileLimits {
  /// The largest rule file read, in bytes (1 MiB); the shipped files are a few KB.
  public static let maximumBytes = 1 << 20
  /// The deepest nesting allowed: header keys plus dotted keys plus open inline tables and arrays.
  public static let maximumNesting = 32
  /// The most visits one rule may owe per period or per event (a quota's or an event trigger's count).
  public static let maximumCount = 1_000
}
