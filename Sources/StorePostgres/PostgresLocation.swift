import Foundation
import PostgresNIO
import Store

/// Where a PostgreSQL database is: `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE`, or with `?host=/DIR` a
/// unix socket in that directory (as libpq reads it).
public struct PostgresLocation: Sendable, Hashable, CustomStringConvertible {
  /// The role to connect as.
  public var user: String
  /// The role's password; nil for trust or peer authentication.
  public var password: String?
  /// The server's host name or address (ignored when `socketDirectory` is set).
  public var host: String
  /// The server's port (also names the socket file).
  public var port: Int
  /// The database's name.
  public var database: String
  /// The directory of the server's unix socket; nil to connect over TCP.
  public var socketDirectory: String?

  /// A location from its parts.
  public init(
    user: String, password: String? = nil, host: String = "localhost", port: Int = 5432, database: String,
    socketDirectory: String? = nil
  ) {
    self.user = user
    self.password = password
    self.host = host
    self.port = port
    self.database = database
    self.socketDirectory = socketDirectory
  }

  /// Whether `location` names a PostgreSQL database (`postgres://` or `postgresql://`) rather than a file.
  public static func isPostgres(_ location: String) -> Bool {
    location.hasPrefix("postgres://") || location.hasPrefix("postgresql://")
  }

  /// Reads a `postgres://` URL; throws a `StoreError` naming what is missing.
  public init(url text: String) throws {
    guard Self.isPostgres(text), let components = URLComponents(string: text) else {
      throw StoreError("database \(text): not a postgres://USER@HOST[:PORT]/DATABASE URL")
    }
    let database = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
    guard let user = components.user, !user.isEmpty, !database.isEmpty else {
      throw StoreError(
        "database \(text): a postgres:// URL names a user and a database (postgres://USER@HOST/DB)")
    }
    let socket = components.queryItems?.first { $0.name == "host" }?.value
    guard components.host?.isEmpty == false || socket != nil else {
      throw StoreError("database \(text): no host (postgres://USER@HOST/DB, or ?host=/SOCKET/DIR)")
    }
    self.init(
      user: user, password: components.password, host: components.host ?? "localhost",
      port: components.port ?? 5432, database: database, socketDirectory: socket)
  }

  /// The URL, without its password.
  public var description: String {
    let socket = socketDirectory.map { "?host=\($0)" } ?? ""
    return "postgres://\(user)@\(socketDirectory == nil ? host : ""):\(port)/\(database)\(socket)"
  }

  /// The same server and role, another database.
  public func database(_ name: String) -> PostgresLocation {
    var other = self
    other.database = name
    return other
  }

  /// postgres-nio's configuration: TCP without TLS, or the unix socket.
  var configuration: PostgresConnection.Configuration {
    var configuration: PostgresConnection.Configuration
    if let socketDirectory {
      configuration = PostgresConnection.Configuration(
        unixSocketPath: "\(socketDirectory)/.s.PGSQL.\(port)", username: user, password: password,
        database: database)
    } else {
      configuration = PostgresConnection.Configuration(
        host: host, port: port, username: user, password: password, database: database, tls: .disable)
    }
    configuration.options.connectTimeout = .seconds(10)
    return configuration
  }
}
