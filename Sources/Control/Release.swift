/// The release visitd and visitctl are built from, shared so the two binaries cannot disagree.
public enum Release {
  /// The upstream version; debian/changelog's version must be the same (debian/rules checks it).
  public static let version = "0.1.0"
}
