import Foundation
import Systemd

/// One secret reference of visitd.toml (`receiver.NAME.KEY`, `http.ticket_secret`) and whether it can be read.
public struct SecretCheck: Sendable, Equatable {
  /// The dotted key the reference is at.
  public let key: String
  /// Why it cannot be read (never the secret), nil when it can.
  public let problem: String?
}

/// Where one configured receiver is reached, as a harmless probe sees it.
public struct ReceiverEndpoint: Sendable, Equatable {
  /// How to probe it.
  public enum Target: Sendable, Equatable {
    /// An HTTP(S) endpoint: a TCP connection to its host and port.
    case network(host: String, port: Int)
    /// A program that must exist and be executable (sendmail).
    case program(String)
    /// The journal: always there.
    case journal
    /// The receiver's table does not say where (the problem).
    case unusable(String)
  }

  /// The receiver's name (`[receiver.NAME]`).
  public let name: String
  /// Its type (`webhook`, `mail`, …).
  public let type: String
  /// What to probe.
  public let target: Target
}

/// Reads visitd.toml for `visitctl doctor`: every secret reference checked on its own, every receiver's
/// endpoint, without stopping at the first problem.
public struct ConfigCheck: Sendable {
  /// Where `$CREDENTIALS_DIRECTORY` points.
  public let credentials: Credentials

  /// A check reading credentials from `environment`.
  public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
    credentials = Credentials(environment: environment)
  }

  /// Every secret reference under `[receiver.*]` and `[http]` of the file at `path`, each tried; empty when the
  /// file does not exist. Throws when the file cannot be read or parsed.
  public func secrets(path: String) throws -> [SecretCheck] {
    guard let root = try ConfigValue.load(path: path) else { return [] }
    var tables: [ConfigTable] = []
    if case .table(let receivers) = root["receiver"] {
      for name in receivers.keys.sorted() {
        if case .table(let values) = receivers[name] {
          tables.append(ConfigTable(file: path, path: "receiver.\(name)", values: values))
        }
      }
    }
    if case .table(let values) = root["http"] {
      tables.append(ConfigTable(file: path, path: "http", values: values))
    }
    let loader = SecretLoader(credentials: credentials)
    return tables.flatMap { table in
      table.values.keys.sorted().compactMap { key -> SecretCheck? in
        guard case .table = table.values[key] else { return nil }
        do {
          _ = try loader.load(key, in: table)
          return SecretCheck(key: table.qualified(key), problem: nil)
        } catch {
          return SecretCheck(key: table.qualified(key), problem: "\(error)")
        }
      }
    }
  }

  /// The endpoint of every `[receiver.NAME]` of the file at `path`, by name; empty when the file does not
  /// exist (everything goes to the journal). Throws when the file cannot be read or parsed.
  public func receivers(path: String) throws -> [ReceiverEndpoint] {
    guard let root = try ConfigValue.load(path: path), case .table(let receivers) = root["receiver"] else {
      return []
    }
    return receivers.keys.sorted().map { name in
      guard case .table(let values) = receivers[name] else {
        return ReceiverEndpoint(name: name, type: "?", target: .unusable("not a table"))
      }
      let table = ConfigTable(file: path, path: "receiver.\(name)", values: values)
      let type = (try? table.string("type")) ?? "?"
      return ReceiverEndpoint(name: name, type: type, target: Self.target(type: type, table))
    }
  }

  private static func target(type: String, _ table: ConfigTable) -> ReceiverEndpoint.Target {
    switch type {
    case "console": return .journal
    case "mail": return .program((try? table.string("sendmail")) ?? ReceiverParser.defaultSendmail)
    case "webhook", "wecom", "dingtalk", "feishu", "wecom-app", "dingtalk-app", "feishu-app",
      "wecom-calendar":
      let key = type == "webhook" ? "url" : "base_url"
      guard let text = (try? table.string(key)) ?? ReceiverParser.defaultBaseURLs[type] else {
        return .unusable("no \(key)")
      }
      guard let url = URL(string: text), let host = url.host, !host.isEmpty,
        let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https"
      else { return .unusable("\(key) is not an http(s) URL") }
      return .network(host: host, port: url.port ?? (scheme == "https" ? 443 : 80))
    default:
      return .unusable("unknown type '\(type)'")
    }
  }
}
