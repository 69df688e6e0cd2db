import CalendarSpec
import Foundation
import Hummingbird
import Logging
import Operations
import Planner
import Policy
import Spreadsheets
import Store

/// The web app under `/app`: sign-in by one-time link, the steward's 今日, and the visit form. Pages are HTML in
/// Chinese; a failure is a page that says what to do, never a JSON problem.
struct WebRoutes: Sendable {
  /// What the pages work on.
  let environment: APIEnvironment
  /// The templates.
  let pages: WebPages

  /// A posted form larger than this is refused: a visit with all its remarks is a few kilobytes.
  static let maxForm = 64 * 1024

  /// Adds the routes to `router`.
  func register(on router: Router<BasicRequestContext>) {
    router.get("/app/static/app.css") { _, _ in WebPages.stylesheet() }
    router.get("/app/static/app.js") { _, _ in WebPages.script() }
    router.get("/app") { request, _ in await guarded { try await home(request) } }
    router.get("/app/signin/:link") { _, context in
      let link = context.parameters.get("link") ?? ""
      return pages.page("signin", ["title": "登录", "link": link])
    }
    router.post("/app/signin") { request, _ in await guarded { try await signIn(request) } }
    let linkRequests = LinkRequestPage(environment: environment, pages: pages)
    router.get("/app/request-link") { request, _ in linkRequests.form(request) }
    router.post("/app/request-link") { request, _ in
      await guarded { try await linkRequests.post(request) }
    }
    router.post("/app/signout") { request, _ in await guarded { try await signOut(request) } }
    router.get("/app/today") { request, _ in await guarded { try await today(request) } }
    router.get("/app/month") { request, _ in await guarded { try await ownMonth(request) } }
    router.get("/app/visit") { request, _ in await guarded { try await visitForm(request) } }
    router.post("/app/visit") { request, _ in await guarded { try await recordVisit(request) } }
    router.get("/app/household") { request, _ in await guarded { try await household(request) } }
    router.get("/app/lead") { request, _ in await guarded { try await lead(request) } }
    router.get("/app/lead/steward/:steward") { request, context in
      await guarded { try await leadSteward(request, steward: context.parameters.get("steward") ?? "") }
    }
    router.get("/app/lead/plan") { request, _ in await guarded { try await monthPlan(request) } }
    router.get("/app/lead/history") { request, _ in await guarded { try await history(request) } }
    router.get("/app/ops") { request, _ in await guarded { try await operations(request) } }
    router.get("/app/export") { request, _ in await guarded { try await export(request) } }
    router.get("/app/ops/sample") { request, _ in await guarded { try await sample(request) } }
  }

  /// Each role's first page.
  private func home(_ request: Request) async throws -> Response {
    guard let visitor = try await WebVisitor.of(request, environment: environment) else { return signedOut() }
    switch visitor.principal {
    case .steward: return WebPages.redirect(to: "/app/today")
    case .lead: return WebPages.redirect(to: "/app/lead")
    case .operations, .admin, .integration, .calendar: return WebPages.redirect(to: "/app/ops")
    }
  }

  // MARK: - Signing in and out

  private func signIn(_ request: Request) async throws -> Response {
    let form = try await WebForm.read(request, limit: 4096)
    guard let link = form["link"], link.utf8.count <= 256 else { return expiredLink() }
    let store = environment.store
    let clock = environment.clock()
    let session = try await environment.blocking {
      try WebSignIn.redeem(link: link, store: store, clock: clock)
    }
    guard let session else { return expiredLink() }
    environment.logger.info("web sign-in", metadata: ["principal": "\(session.record.principal)"])
    var response = WebPages.redirect(to: "/app")
    response.setCookie(WebVisitor.cookie(session.secret, secure: WebVisitor.isSecure(request)))
    return response
  }

  private func expiredLink() -> Response {
    pages.message(
      "登录", "登录链接无效或已使用。", hint: "请重新获取登录链接，或向项目负责人索取。", status: .gone,
      link: (LinkRequestPage.path, "获取新的登录链接"))
  }

  private func signOut(_ request: Request) async throws -> Response {
    let form = try await WebForm.read(request, limit: 4096)
    guard let visitor = try await WebVisitor.of(request, environment: environment) else { return signedOut() }
    guard visitor.owns(form: form["form"]) else { return staleForm() }
    let store = environment.store
    let clock = environment.clock()
    try await environment.blocking { try WebSignIn.signOut(visitor.secret, store: store, clock: clock) }
    var response = pages.message("已退出", "您已退出登录。", status: .ok)
    response.setCookie(WebVisitor.clearedCookie(secure: WebVisitor.isSecure(request)))
    return response
  }

  private func signedOut() -> Response {
    pages.message(
      "请登录", "您尚未登录或登录已过期。", hint: "请打开消息中的登录链接。", status: .unauthorized,
      link: (LinkRequestPage.path, "获取新的登录链接"))
  }

  private func staleForm() -> Response {
    pages.message("请重试", "表单已过期，请返回刷新页面后再提交。", status: .forbidden)
  }

  // MARK: - The steward's day

  private func steward(_ request: Request) async throws -> (WebVisitor, String)? {
    guard let visitor = try await WebVisitor.of(request, environment: environment),
      case .steward(let id) = visitor.principal
    else { return nil }
    return (visitor, id)
  }

  private func today(_ request: Request) async throws -> Response {
    guard let visitor = try await WebVisitor.of(request, environment: environment) else { return signedOut() }
    guard case .steward(let steward) = visitor.principal else { return notForRole() }
    let rules = try environment.requireRules()
    let store = environment.store
    let clock = environment.clock()
    let overdueFrom = request.uri.queryParameters.get("overdue").flatMap { Int($0) } ?? 0
    let page = try await environment.blocking { () -> TodayPage in
      let day = try StewardDay.load(
        store: store, rules: rules, steward: steward, clock: clock, contacts: ContactStyle(showContact: true))
      let minute = Calendar.minuteOfDay(clock, in: rules.settings.timeZone)
      var page = TodayPage(day: day, rules: rules, minuteNow: minute)
      page.overdueFrom = max(0, overdueFrom)
      // Each number the page puts in a tel: link is a read of an owner's contact: logged before it is shown.
      try store.recordAccess(
        Set(page.householdsCalled).sorted().map { household in
          AccessRecord(
            at: clock, token: visitor.session.id, principal: visitor.principal, household: household,
            what: "phone", why: "web 今日: call link")
        })
      return page
    }
    let settled = request.uri.queryParameters.get("settled")
    return pages.page("today", page.model(visitor: visitor, settled: settled))
  }

  /// The steward's month (本月): what is overdue and what this month still holds, in every project.
  private func ownMonth(_ request: Request) async throws -> Response {
    guard let visitor = try await WebVisitor.of(request, environment: environment) else { return signedOut() }
    guard case .steward(let steward) = visitor.principal else { return notForRole("本月") }
    let rules = try environment.requireRules()
    let (store, clock) = (environment.store, environment.clock())
    let page = try await environment.blocking { () -> StewardTasksPage in
      let current = try CurrentPlan.load(
        store: store, rules: rules, at: clock, refresh: true, scope: .steward(steward, month: nil))
      let month = YearMonth(LocalDate(clock, in: rules.settings.timeZone))
      return StewardTasksPage(current: current, ownMonth: month, steward: steward)
    }
    return pages.page("tasks", page.model(visitor: visitor))
  }

  private func notForRole(_ title: String = "今日") -> Response {
    pages.message(title, "您的角色不能查看此页面。", hint: "请返回首页。", status: .forbidden)
  }

  // MARK: - A household

  private func household(_ request: Request) async throws -> Response {
    guard let visitor = try await WebVisitor.of(request, environment: environment) else { return signedOut() }
    guard let code = request.uri.queryParameters.get("household"), code.utf8.count <= 64 else {
      return pages.message("访前准备", "没有指明户号。", status: .badRequest)
    }
    let rules = try environment.requireRules()
    let store = environment.store
    let clock = environment.clock()
    let pages = self.pages
    let page = try await environment.blocking { () -> Response? in
      let current = try CurrentPlan.load(
        store: store, rules: rules, at: clock, refresh: true, scope: .household(code))
      guard let household = current.facts.households[code] else { return nil }
      let steward = current.facts.areas[household.area]?.steward(at: clock) ?? ""
      let mayCall: Bool
      switch visitor.principal {
      case .steward(let id) where id == steward: mayCall = true
      case .lead(let project) where project == household.project: mayCall = false
      case .operations, .admin: mayCall = false
      case .steward, .lead, .integration, .calendar: return nil
      }
      if mayCall, !household.owner.phone.isEmpty {
        // The whole number goes into a tel: link: a read of the owner's contact, logged before it is shown.
        try store.recordAccess(
          AccessRecord(
            at: clock, token: visitor.session.id, principal: visitor.principal, household: code,
            what: "phone",
            why: "web 访前准备: call link"))
      }
      return pages.page(
        "household",
        HouseholdPage(current: current, household: household, mayCall: mayCall)
          .model(visitor: visitor))
    }
    return page ?? pages.message("访前准备", "户号 \(code) 不是您可以查看的住户。", status: .notFound)
  }

  // MARK: - The lead's and operations' month

  /// The month `?month=YYYY-MM` names, else this month; nil when it names none.
  private func month(_ request: Request, rules: RuleSet) -> YearMonth? {
    guard let text = request.uri.queryParameters.get("month") else {
      return YearMonth(LocalDate(environment.clock(), in: rules.settings.timeZone))
    }
    guard text.count == 7, let day = LocalDate(parsing: text + "-01") else { return nil }
    return YearMonth(day)
  }

  /// The lead's project (a lead's own; operations name one with `?project=`).
  private func project(of visitor: WebVisitor, _ request: Request) -> String? {
    switch visitor.principal {
    case .lead(let project): project
    case .operations, .admin: request.uri.queryParameters.get("project")
    case .steward, .integration, .calendar: nil
    }
  }

  /// The page `render` makes of `month`'s reports (read on a blocking thread); nil when the project is unknown.
  private func reportPage(
    _ month: YearMonth, project: String?, showContact: Bool, rules: RuleSet,
    render: @escaping @Sendable (MonthReport, any Storage) throws -> Response
  ) async throws -> Response? {
    let store = environment.store
    let clock = environment.clock()
    return try await environment.blocking { () -> Response? in
      let report: MonthReport
      do {
        report = try MonthReport.load(
          store: store, rules: rules, month: month, asOf: nil, project: project,
          contacts: ContactStyle(showContact: showContact), withPlan: true, stored: false, now: clock)
      } catch is OperationError {
        return nil
      }
      return try render(report, store)
    }
  }

  /// A page of the lead's project for the month asked: who may see it checked, the month read, `render` given the
  /// month's report.
  private func projectPage(
    _ request: Request, title: String,
    render: @escaping @Sendable (MonthReport, WebVisitor, String, YearMonth) -> Response
  ) async throws -> Response {
    guard let visitor = try await WebVisitor.of(request, environment: environment) else { return signedOut() }
    guard let project = project(of: visitor, request) else { return notForRole(title) }
    let rules = try environment.requireRules()
    guard let month = month(request, rules: rules) else { return badMonth() }
    let page = try await reportPage(month, project: project, showContact: false, rules: rules) { report, _ in
      render(report, visitor, project, month)
    }
    return page ?? pages.message(title, "没有项目 \(project)。", status: .notFound)
  }

  private func lead(_ request: Request) async throws -> Response {
    let pages = self.pages
    return try await projectPage(request, title: "抽查") { report, visitor, project, _ in
      pages.page("lead", LeadPage(report: report, project: project).model(visitor: visitor))
    }
  }

  private func leadSteward(_ request: Request, steward: String) async throws -> Response {
    let pages = self.pages
    return try await projectPage(request, title: "抽查") { report, visitor, project, month in
      let page = StewardTasksPage(current: report.current, project: project, steward: steward, month: month)
      return pages.page("tasks", page.model(visitor: visitor))
    }
  }

  private func monthPlan(_ request: Request) async throws -> Response {
    let building = request.uri.queryParameters.get("building").map { String($0) }
    let pages = self.pages
    return try await projectPage(request, title: "访谈计划") { report, visitor, project, month in
      var page = MonthPlanPage(current: report.current, project: project, month: month)
      page.building = building
      return pages.page("plan", page.model(visitor: visitor))
    }
  }

  private func history(_ request: Request) async throws -> Response {
    guard let visitor = try await WebVisitor.of(request, environment: environment) else { return signedOut() }
    guard let project = project(of: visitor, request) else { return notForRole("历月趋势") }
    let rules = try environment.requireRules()
    guard let last = month(request, rules: rules) else { return badMonth() }
    let store = environment.store
    let clock = environment.clock()
    let pages = self.pages
    let page = try await environment.blocking { () -> Response? in
      var months: [HistoryPage.Month] = []
      var names: [String: String] = [:]
      var title = project
      for offset in (0..<HistoryPage.span).reversed() {
        let report: MonthReport
        do {
          report = try MonthReport.load(
            store: store, rules: rules, month: last.adding(-offset), asOf: nil, project: project,
            contacts: ContactStyle(showContact: false), withPlan: true, stored: false, now: clock)
        } catch is OperationError {
          return nil
        }
        months.append(HistoryPage.month(report, project: project))
        names = report.current.facts.stewards.mapValues(\.name)
        title = report.name(project)
      }
      let page = HistoryPage(project: title, names: names, months: months)
      return pages.page("history", page.model(visitor: visitor))
    }
    return page ?? pages.message("历月趋势", "没有项目 \(project)。", status: .notFound)
  }

  private func export(_ request: Request) async throws -> Response {
    guard let visitor = try await WebVisitor.of(request, environment: environment) else { return signedOut() }
    let project: String?
    switch visitor.principal {
    case .lead(let own): project = own
    case .operations, .admin: project = nil
    case .steward, .integration, .calendar: return notForRole("下载")
    }
    guard let text = request.uri.queryParameters.get("kind"), let kind = ReportKind(rawValue: String(text))
    else {
      return pages.message("下载", "没有这种报表。", status: .badRequest)
    }
    let rules = try environment.requireRules()
    guard let month = month(request, rules: rules) else { return badMonth() }
    let store = environment.store
    let clock = environment.clock()
    let bytes = try await environment.blocking { () -> [UInt8]? in
      let report: MonthReport
      do {
        report = try MonthReport.load(
          store: store, rules: rules, month: month, asOf: nil, project: project,
          contacts: ContactStyle(showContact: false), withPlan: kind.needsPlan, stored: false, now: clock,
          withVisitTexts: kind == .register)
      } catch is OperationError {
        return nil
      }
      return try Workbook.bytes(kind.build(report).sheets)
    }
    guard let bytes else { return pages.message("下载", "没有可导出的项目。", status: .notFound) }
    return WebExport.download(
      bytes, name: "visitd-\(kind.rawValue)-\(project.map { "\($0)-" } ?? "")\(month).xlsx")
  }

  private func operations(_ request: Request) async throws -> Response {
    guard let visitor = try await WebVisitor.of(request, environment: environment) else { return signedOut() }
    switch visitor.principal {
    case .operations, .admin: break
    case .steward, .lead, .integration, .calendar: return notForRole("月度汇总")
    }
    let rules = try environment.requireRules()
    guard let month = month(request, rules: rules) else { return badMonth() }
    let pages = self.pages
    let page = try await reportPage(month, project: nil, showContact: false, rules: rules) { report, _ in
      pages.page("operations", OperationsPage(report: report).model(visitor: visitor))
    }
    return page ?? pages.message("月度汇总", "没有可汇总的项目。", status: .notFound)
  }

  private func sample(_ request: Request) async throws -> Response {
    guard let visitor = try await WebVisitor.of(request, environment: environment) else { return signedOut() }
    // Whole numbers are operations' to read (not an administrator's).
    guard case .operations = visitor.principal else { return notForRole("抽样回访") }
    let rules = try environment.requireRules()
    guard let month = month(request, rules: rules) else { return badMonth() }
    let pages = self.pages
    let clock = environment.clock()
    let page = try await reportPage(month, project: nil, showContact: true, rules: rules) { report, store in
      let page = SamplePage(report: report)
      // Every whole number the page shows is a read of an owner's contact: logged before it is shown.
      try store.recordAccess(
        Set(page.households).sorted().map { household in
          AccessRecord(
            at: clock, token: visitor.session.id, principal: visitor.principal, household: household,
            what: "phone", why: "web 抽样回访 \(month)")
        })
      return pages.page("sample", page.model(visitor: visitor))
    }
    return page ?? pages.message("抽样回访", "没有可抽样的项目。", status: .notFound)
  }

  private func badMonth() -> Response {
    pages.message("月份", "月份应写作 YYYY-MM，例如 2026-12。", status: .badRequest)
  }

  // MARK: - Recording a visit

  private func visitForm(_ request: Request) async throws -> Response {
    guard let (visitor, steward) = try await steward(request) else { return signedOut() }
    guard let household = request.uri.queryParameters.get("household"), household.utf8.count <= 64 else {
      return pages.message("记录访谈", "没有指明户号。", status: .badRequest)
    }
    guard let form = try await form(for: household, steward: steward) else {
      return pages.message("记录访谈", "户号 \(household) 不是您负责的住户。", status: .notFound)
    }
    return pages.page("visit", form.model(visitor: visitor, now: localNow()))
  }

  private func recordVisit(_ request: Request) async throws -> Response {
    let posted = try await WebForm.read(request, limit: Self.maxForm)
    guard let (visitor, steward) = try await steward(request) else { return signedOut() }
    guard visitor.owns(form: posted["form"]) else { return staleForm() }
    guard let household = posted["household"], var form = try await form(for: household, steward: steward)
    else {
      return pages.message("记录访谈", "户号不是您负责的住户。", status: .notFound)
    }
    form.posted = posted
    let (entry, problems) = VisitForm.entry(posted, steward: steward)
    guard let entry, let key = posted["key"], key.utf8.count <= 128 else {
      form.problems = problems.isEmpty ? [("id", "the form lacks its key; reload it")] : problems
      return pages.page("visit", form.model(visitor: visitor, now: localNow()), status: .unprocessableContent)
    }
    do {
      _ = try await IdempotentWrite(environment: environment, token: visitor.session.id, key: key)
        .perform(request: VisitForm.digest(of: posted)) { recording in try recording.recordVisit(entry) }
    } catch let problem as Problem where problem.status == .unprocessableContent {
      form.problems = problem.errors.map { ($0.field, $0.message) }
      if form.problems.isEmpty { form.problems = [("id", problem.detail ?? problem.title)] }
      return pages.page("visit", form.model(visitor: visitor, now: localNow()), status: .unprocessableContent)
    }
    let place = form.place.isEmpty ? household : form.place
    let query = place.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? household
    return WebPages.redirect(to: "/app/today?settled=\(query)")
  }

  /// The visit form for `household` when it is one of `steward`'s now.
  private func form(for household: String, steward: String) async throws -> VisitForm? {
    let rules = try environment.requireRules()
    let store = environment.store
    let clock = environment.clock()
    return try await environment.blocking { () -> VisitForm? in
      try store.read { reader -> VisitForm? in
        guard let found = try reader.facts(households: [household]).households[household],
          try reader.area(found.area)?.steward(at: clock) == steward
        else { return nil }
        let place = [found.building, [found.unit, found.room].filter { !$0.isEmpty }.joined(separator: "-")]
          .filter { !$0.isEmpty }.joined(separator: " ")
        let state = found.states.last?.value ?? .occupied
        let channels: [Channel] = state == .occupied ? Channel.allCases : [.phone, .wechat, .sms, .inHome]
        return VisitForm(
          rules: rules, household: household, place: place,
          owner: Masking.name(found.owner.surname + found.owner.name), channels: channels)
      }
    }
  }

  /// Now as the form's `datetime-local` value in the rules' zone.
  private func localNow() -> String {
    guard let rules = environment.rules.rules else { return "" }
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = rules.settings.timeZone
    formatter.dateFormat = "yyyy-MM-dd'T'HH:mm"
    return formatter.string(from: environment.clock())
  }

  // MARK: - Failures

  /// `body`'s page, or a page that says the server failed (logged) instead of a JSON problem.
  private func guarded(_ body: () async throws -> Response) async -> Response {
    do {
      return try await body()
    } catch let problem as Problem where problem.status == .serviceUnavailable {
      return pages.message("请稍候", "服务正在启动或规则未加载，请稍后再试。", status: .serviceUnavailable)
    } catch {
      environment.logger.error("web page failed: \(error)")
      return pages.message("出错了", "服务器暂时无法处理，请稍后再试。", status: .internalServerError)
    }
  }
}

extension Calendar {
  /// The minute of the day `instant` falls on in `zone`.
  fileprivate static func minuteOfDay(_ instant: Date, in zone: TimeZone) -> Int {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = zone
    let parts = calendar.dateComponents([.hour, .minute], from: instant)
    return (parts.hour ?? 0) * 60 + (parts.minute ?? 0)
  }
}
