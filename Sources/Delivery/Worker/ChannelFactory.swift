import Logging

/// Builds the channels of a configuration.
enum ChannelFactory {
  /// One channel per receiver, by name.
  static func channels(
    _ config: DeliveryConfig, transport: any HTTPTransport, logger: Logger
  ) -> [String: any DeliveryChannel] {
    var channels: [String: any DeliveryChannel] = [:]
    for (name, receiver) in config.receivers {
      channels[name] = channel(name, receiver.kind, config, transport: transport, logger: logger)
    }
    return channels
  }

  private static func channel(
    _ name: String, _ kind: ReceiverKind, _ config: DeliveryConfig, transport: any HTTPTransport,
    logger: Logger
  ) -> any DeliveryChannel {
    let timeout = config.timeout
    switch kind {
    case .weCom(let baseURL, let key, let markdown):
      return WeComChannel(
        name: name, baseURL: baseURL, key: key, markdown: markdown, transport: transport, timeout: timeout)
    case .dingTalk(let baseURL, let token, let secret, let markdown):
      return DingTalkChannel(
        name: name, baseURL: baseURL, token: token, secret: secret, markdown: markdown, transport: transport,
        timeout: timeout)
    case .feishu(let baseURL, let token, let secret):
      return FeishuChannel(
        name: name, baseURL: baseURL, token: token, secret: secret, transport: transport, timeout: timeout)
    case .webhook(let url, let secret, let header):
      return WebhookChannel(
        name: name, url: url, secret: secret, signatureHeader: header, transport: transport, timeout: timeout)
    case .weComApp(let baseURL, let corpID, let agentID, let secret, let markdown):
      let vendor = WeComApp(
        baseURL: baseURL, corpID: corpID, agentID: agentID, secret: secret, markdown: markdown)
      return AppChannel(name: name, vendor: vendor, transport: transport, timeout: timeout)
    case .weComCalendar(let baseURL, let corpID, let agentID, let secret):
      let vendor = WeComCalendar(
        app: WeComApp(baseURL: baseURL, corpID: corpID, agentID: agentID, secret: secret, markdown: false))
      return AppChannel(name: name, vendor: vendor, transport: transport, timeout: timeout)
    case .dingTalkApp(let baseURL, let appKey, let appSecret, let agentID, let markdown):
      let vendor = DingTalkApp(
        baseURL: baseURL, appKey: appKey, appSecret: appSecret, agentID: agentID, markdown: markdown)
      return AppChannel(name: name, vendor: vendor, transport: transport, timeout: timeout)
    case .feishuApp(let baseURL, let appID, let appSecret):
      let vendor = FeishuApp(baseURL: baseURL, appID: appID, appSecret: appSecret)
      return AppChannel(name: name, vendor: vendor, transport: transport, timeout: timeout)
    case .mail(let sendmail, let from, let to):
      return MailChannel(name: name, sendmail: sendmail, from: from, to: to)
    case .console:
      return ConsoleChannel(name: name, logger: logger)
    }
  }
}
