extension Audience {
  /// The audience as people call it (`管家`, `项目负责人`, `运营管理部`, `系统管理员`).
  public var chineseName: String {
    switch self {
    case .steward: "管家"
    case .projectLead: "项目负责人"
    case .operations: "运营管理部"
    case .admin: "系统管理员"
    }
  }
}
