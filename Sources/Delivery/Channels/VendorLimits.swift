/// The vendors' message size limits, in UTF-8 bytes; mail, the webhook and the console have none.
enum VendorLimits {
  /// WeCom robot `markdown.content`: at most 4,096 bytes (企业微信 群机器人配置说明,
  /// developer.work.weixin.qq.com/document/path/91770; errcode 40058 "markdown.content exceed max length 4096").
  static let weComMarkdown = 4096
  /// WeCom robot `text.content`: at most 2,048 bytes (the same page).
  static let weComText = 2048
  /// DingTalk custom robot: the request body at most 20,000 bytes (errcode 460101 "message too long, exceed
  /// 20000 bytes", "body 大小不合法;请保持大小在 20000bytes 以内"; reported in
  /// github.com/timonwong/prometheus-webhook-dingtalk/issues/30 — the robot page,
  /// open.dingtalk.com/document/robots/custom-robot-access, gives no figure).
  static let dingTalkBody = 20_000
  /// Feishu custom bot: "请求体的数据大小不能超过 20 KB" (自定义机器人使用指南,
  /// open.feishu.cn/document/client-docs/bot-v3/add-custom-bot, 注意事项).
  static let feishuBody = 20 * 1024
  /// WeCom application messages (应用消息): `text.content` and `markdown.content` at most 2,048 bytes
  /// (发送应用消息, developer.work.weixin.qq.com/document/path/90236).
  static let weComApp = 2048
  /// DingTalk work notifications (工作通知): the page gives no hard figure for text (it suggests 500
  /// characters); held to 2,048 bytes, like WeCom's, with the rest behind the web app's link.
  static let dingTalkWorkNotice = 2048
  /// Feishu `im/v1/messages`: a text message's request body at most 150 KB (发送消息, 请求体 content 说明).
  static let feishuMessage = 150 * 1024
}
