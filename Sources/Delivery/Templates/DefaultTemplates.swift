/// The shipped templates (Chinese); a same-named `.mustache` file in the override directory wins.
///
/// The first line of the output is the title (mail subject, heading); owners appear only as
/// household code, surname and masked phone.
enum DefaultTemplates {
  /// Every shipped template by name.
  static let all: [String: String] = [
    "steward-digest": stewardDigest, "overdue-escalation": overdueEscalation,
    "steward-overdue": stewardOverdue,
    "lead-overdue": leadOverdue, "operations-overdue": operationsOverdue, "spot-check": spotCheck,
    "monthly-summary": monthlySummary, "capture-ranking": captureRanking,
    "verification-sample": verificationSample,
    "dead-letter": deadLetter, "holidays-missing": holidaysMissing, "sign-in-link": signInLink,
    "planned-visit": plannedVisit,
  ]

  static let stewardDigest = """
    {{steward}}，今日回访提醒（{{date}}）
    {{#late}}
    （补发：原定 {{late}} 的提醒未能按时发出，以下为 {{date}} 的安排）
    {{/late}}
    {{#buildings}}
    {{#first()}}
    今日入户回访（走访时段 {{window}}）：
    {{/first()}}
    【{{building}}】
    {{#visits}}
    - {{owner.household}} {{owner.surname}}先生/女士 {{owner.phone}} · {{rule}} · {{channel}}{{#due}} · 截止 {{due}}{{/due}}
    {{/visits}}
    {{/buildings}}
    {{#calls}}
    {{#first()}}
    今日电话/微信回访（不限时段）：
    {{/first()}}
    【{{building}}】
    {{#visits}}
    - {{owner.household}} {{owner.surname}}先生/女士 {{owner.phone}} · {{rule}} · {{channel}}{{#due}} · 截止 {{due}}{{/due}}
    {{/visits}}
    {{/calls}}
    {{^buildings}}
    {{^calls}}
    （今日无计划回访）
    {{/calls}}
    {{/buildings}}
    {{#remaining}}
    本月待访 {{remaining}} 项（含今日）
    {{/remaining}}
    {{#overdue}}
    {{#first()}}
    已逾期：
    {{/first()}}
    - {{owner.household}} {{owner.surname}}先生/女士 {{owner.phone}} · {{rule}} · 应于 {{due}} 前完成
    {{/overdue}}

    """

  static let overdueEscalation = """
    【逾期回访】{{project}} · {{steward}} · 已逾期 {{daysOverdue}} 天
    提醒对象：{{step}}
    - {{visit.owner.household}} {{visit.owner.surname}}先生/女士 {{visit.owner.phone}} · {{visit.rule}} · {{visit.channel}} · 应于 {{visit.due}} 前完成
    请尽快安排回访，或登记豁免原因。

    """

  static let stewardOverdue = """
    {{#cleared}}【逾期回访已清零】{{steward}}（{{date}}）{{/cleared}}{{^cleared}}【逾期回访】{{steward}}：{{total}} 项逾期（{{date}}）{{/cleared}}
    {{#cleared}}
    您名下的逾期回访已全部处理{{#settled}}（自上次提醒以来处理 {{settled}} 项）{{/settled}}。
    {{/cleared}}
    {{^cleared}}
    {{#visits}}
    - {{visit.owner.household}} {{visit.owner.surname}}先生/女士 {{visit.owner.phone}} · {{visit.rule}} · {{visit.channel}} · 应于 {{visit.due}} 前完成，已逾期 {{daysOverdue}} 天
    {{/visits}}
    {{#settled}}
    自上次提醒以来已处理 {{settled}} 项。
    {{/settled}}
    请尽快安排回访，或登记豁免原因。
    {{/cleared}}

    """

  static let leadOverdue = """
    {{#cleared}}【逾期回访已清零】{{project}}（{{date}}）{{/cleared}}{{^cleared}}【逾期回访】{{project}}：{{total}} 项逾期（{{date}}）{{/cleared}}
    {{#cleared}}
    本项目升级至项目负责人的逾期回访已全部处理{{#settled}}（自上次提醒以来处理 {{settled}} 项）{{/settled}}。
    {{/cleared}}
    {{^cleared}}
    {{#stewards}}
    管家 {{steward}}：{{count}} 项，最久：
    {{#oldest}}
    - {{visit.owner.household}} {{visit.owner.surname}}先生/女士 · {{visit.rule}} · 已逾期 {{daysOverdue}} 天
    {{/oldest}}
    {{/stewards}}
    {{#settled}}
    自上次提醒以来已处理 {{settled}} 项。
    {{/settled}}
    请督促管家尽快完成回访，或审批豁免。
    {{/cleared}}

    """

  static let operationsOverdue = """
    {{#cleared}}【逾期回访已清零】全部项目（{{date}}）{{/cleared}}{{^cleared}}【逾期回访】全部项目：{{total}} 项逾期（{{date}}）{{/cleared}}
    {{#cleared}}
    升级至运营管理部的逾期回访已全部处理{{#settled}}（自上次提醒以来处理 {{settled}} 项）{{/settled}}。
    {{/cleared}}
    {{^cleared}}
    {{#projects}}
    - {{project}}：{{count}} 项，涉及管家 {{stewards}} 人，最久已逾期 {{oldestDays}} 天
    {{/projects}}
    {{#settled}}
    自上次提醒以来已处理 {{settled}} 项。
    {{/settled}}
    {{/cleared}}

    """

  static let spotCheck = """
    【月中抽查】{{project}} {{month}} 回访进度
    {{#stewards}}
    {{rank}}. {{steward}}：计划 {{planned}}，已完成 {{done}}，落后 {{behind}}{{#carried}}，往月遗留逾期 {{carried}} 项{{/carried}}
    {{/stewards}}
    {{#stewards}}
    {{#first()}}
    请督促以上管家按计划完成回访。
    {{/first()}}
    {{/stewards}}
    {{#onPlan}}
    其余 {{onPlan}} 位管家进度符合计划。
    {{/onPlan}}
    {{^stewards}}
    全部管家进度符合计划。
    {{/stewards}}

    """

  static let monthlySummary = """
    【月度汇总】{{month}} 业主回访情况
    {{#projects}}
    - {{project}}：应访 {{owed}}，按时 {{onTime}}，迟办 {{late}}，豁免 {{waived}}，逾期 {{overdue}}，完成率 {{compliance}}，满意度 {{satisfaction}}
    {{/projects}}
    {{#ranking}}
    {{#first()}}
    信息捕捉率排名：
    {{/first()}}
    {{#rank}}{{rank}}.{{/rank}}{{^rank}}（访谈数不足，不排名）{{/rank}} {{project}} {{rate}}（访谈 {{interviewed}} 户）
    {{/ranking}}
    {{#hotIssues}}
    {{#first()}}
    热点问题：
    {{/first()}}
    - {{.}}
    {{/hotIssues}}

    """

  static let captureRanking = """
    【信息捕捉率排名】{{month}} 各项目信息捕捉率
    {{#ranking}}
    {{#rank}}{{rank}}. {{/rank}}{{^rank}}（访谈不足 {{minimumInterviews}} 户，不排名）{{/rank}}{{project}} {{rate}}（访谈 {{interviewed}} 户）{{#reward}} · 奖励 {{reward}} 元{{/reward}}{{#penalty}} · 处罚 {{penalty}} 元{{/penalty}}
    {{/ranking}}
    {{^ranking}}
    本月无项目可排名。
    {{/ranking}}
    按考核规定：排名前 {{rewarded}} 的项目分别奖励 {{rewards}} 元绩效，排名末位的项目处罚 {{lastPenalty}} 元绩效。

    """

  static let verificationSample = """
    【抽样验证】{{project}} {{month}} 回访抽样（请运营管理部电话核实）
    {{#visits}}
    - {{owner.household}} {{owner.surname}}先生/女士 {{owner.phone}} · {{at}} · {{channel}} · 管家 {{steward}}
    {{/visits}}
    {{^visits}}
    本月尚无已完成的回访可供抽样。
    {{/visits}}

    """

  static let deadLetter = """
    【投递失败】消息 #{{id}} 已放弃投递
    键：{{key}}
    接收对象：{{channel}}
    尝试次数：{{attempts}}
    原因：{{error}}
    修复后可执行：visitctl outbox retry {{id}}

    """

  static let holidaysMissing = """
    【节假日文件缺失】{{year}} 年的法定节假日安排尚未安装
    没有 {{file}} 时，{{year}} 年的春节等假期按推算日期处理，也没有调休上班日：月度拆分和每日提醒会把假期算作工作日。
    请按国务院办公厅发布的 {{year}} 年节假日安排编写 {{file}}，放入 /etc/visitd/rules 后执行 systemctl reload visitd，再用 visitctl rules check 确认。
    此提醒每周一次，直到文件安装。

    """

  static let signInLink = """
    {{name}}，这是您的回访工作台登录链接
    {{link}}
    点开后按“登录”即可，{{expires}} 前有效，只能使用一次；登录后 30 天内无需再次登录。
    链接只发给您本人，请勿转发。如非您本人申请，请告知管理员。

    """

  static let plannedVisit = """
    {{summary}}
    {{location}}
    {{details}}

    """
}
