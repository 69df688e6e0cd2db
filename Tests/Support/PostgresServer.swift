import Foundation
import Glibc
import Synchronization

/// A real PostgreSQL server the tests start themselves: initdb into a temporary directory, listening on a free
/// port of 127.0.0.1 and on a socket in that directory, stopped and removed when the test process exits.
///
/// One server per test process, shared; each test takes a fresh database (`freshDatabase()`). initdb and
/// postgres refuse to run as root, so under root (CI) they run as the `postgres` system user (or `nobody`) via
/// `runuser`, and the directory is theirs. Missing server binaries are an error saying how to install them:
/// the PostgreSQL tests fail rather than skip.
public final class PostgresServer: Sendable {
  /// The directory holding the cluster (`data`), the socket and the log.
  public let directory: String
  /// The TCP port on 127.0.0.1.
  public let port: Int
  /// The directory of the server binaries.
  public let binaries: String
  private let runAs: String?
  /// The server's command-line options.
  private let options: String

  /// The server of this test process, started on first use.
  public static func shared() throws -> PostgresServer { try started.get() }

  private static let started = Result { try PostgresServer() }

  /// A new empty database on the shared server: its `postgres://` URL.
  public static func freshDatabase() throws -> String { try shared().freshDatabase() }

  /// A server of the caller's own, for a test that stops and starts it (stopped when the process exits too).
  public static func dedicated() throws -> PostgresServer { try PostgresServer() }

  /// A new empty database on this server: its `postgres://` URL.
  public func freshDatabase() throws -> String {
    let name = "test_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased())"
    try run(
      "psql",
      [
        "-X", "-q", "-h", directory, "-p", "\(port)", "-U", "postgres", "-d", "postgres", "-c",
        "CREATE DATABASE \(name)",
      ])
    return url(database: name)
  }

  /// The rows `sql` returns from the database at `url` (one of this server's), one line each, fields joined by `|`.
  public func query(_ sql: String, on url: String) throws -> [String] {
    let database = String(url.split(separator: "/").last ?? "postgres")
    let output = try run(
      "psql",
      [
        "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", directory, "-p", "\(port)", "-U", "postgres",
        "-d", database, "-c", sql,
      ])
    return output.split(separator: "\n").map(String.init)
  }

  /// Stops the server the way an administrator's restart does (`pg_ctl stop -m fast`: clients disconnected,
  /// transactions rolled back).
  public func stop() throws {
    try run("pg_ctl", ["stop", "-m", "fast", "-w", "-t", "60", "-D", "\(directory)/data"])
  }

  /// Starts the server again after `stop()`, with the options it first started with, and waits until it answers.
  public func start() throws {
    try run(
      "pg_ctl",
      ["start", "-w", "-t", "60", "-D", "\(directory)/data", "-l", "\(directory)/log", "-o", options])
    try waitUntilReady(deadline: Date().addingTimeInterval(60))
  }

  /// The URL of `database` over TCP as the `postgres` superuser.
  public func url(database: String) -> String { "postgres://postgres@127.0.0.1:\(port)/\(database)" }

  private init() throws {
    binaries = try Self.findBinaries()
    runAs = getuid() == 0 ? (getpwnam("postgres") != nil ? "postgres" : "nobody") : nil
    directory = NSTemporaryDirectory() + "visitd-postgres-\(getpid())-\(UUID().uuidString.prefix(8))"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    if let runAs, let user = getpwnam(runAs) {
      guard chown(directory, user.pointee.pw_uid, user.pointee.pw_gid) == 0 else {
        throw PostgresServerError("cannot give \(directory) to \(runAs): \(String(cString: strerror(errno)))")
      }
    }
    port = try Self.freePort()
    options = [
      "-c listen_addresses=127.0.0.1", "-p \(port)", "-k \(directory)", "-c fsync=off",
      "-c synchronous_commit=off", "-c full_page_writes=off", "-c max_connections=200",
    ].joined(separator: " ")
    try run(
      "initdb",
      [
        "-D", "\(directory)/data", "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8",
        "--locale=C",
      ])
    // `-w -t 60`: pg_ctl waits (polling) until the server accepts connections, for at most 60 s.
    try run(
      "pg_ctl",
      ["start", "-w", "-t", "60", "-D", "\(directory)/data", "-l", "\(directory)/log", "-o", options])
    try waitUntilReady(deadline: Date().addingTimeInterval(60))
    Self.stopAtExit(self)
  }

  /// Polls `pg_isready` until the server answers on its TCP port, failing at `deadline`.
  private func waitUntilReady(deadline: Date) throws {
    while true {
      if (try? run("pg_isready", ["-q", "-h", "127.0.0.1", "-p", "\(port)", "-U", "postgres"])) != nil {
        return
      }
      guard Date() < deadline else {
        throw PostgresServerError("PostgreSQL on 127.0.0.1:\(port) not ready in time; see \(directory)/log")
      }
      // pg_isready itself waits up to its connect timeout; a retry follows a refused connection at once.
      usleep(20_000)
    }
  }

  /// Runs a server binary (as the unprivileged user under root); throws with its output when it fails.
  ///
  /// Spawned and reaped with posix_spawn and waitpid rather than Foundation's `Process`, whose wait did not
  /// return for `pg_ctl start` (whose server lives on); output goes to a file, which the server cannot hold open.
  @discardableResult
  func run(_ tool: String, _ arguments: [String]) throws -> String {
    let path = "\(binaries)/\(tool)"
    let command = runAs.map { ["/usr/sbin/runuser", "-u", $0, "--", path] + arguments } ?? [path] + arguments
    // In the server's directory: the unprivileged user may not enter the test's.
    let argv = ["/bin/sh", "-c", #"cd "$0" && exec "$@""#, directory] + command
    let outputPath = "\(directory)/\(tool)-\(UUID().uuidString).out"
    defer { unlink(outputPath) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    let arguments = argv.map { strdup($0) } + [nil]
    defer { for argument in arguments { free(argument) } }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, argv[0], &actions, nil, arguments, environ)
    guard spawned == 0 else {
      throw PostgresServerError("cannot run \(argv[0]): \(String(cString: strerror(spawned)))")
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
    // WIFEXITED and WEXITSTATUS, which Swift does not import.
    guard status & 0x7f == 0, (status >> 8) & 0xff == 0 else {
      throw PostgresServerError("\(command.joined(separator: " ")) failed (status \(status)): \(text)")
    }
    return text
  }

  private static func findBinaries() throws -> String {
    if let explicit = ProcessInfo.processInfo.environment["VISITD_PG_BIN"] { return explicit }
    let root = "/usr/lib/postgresql"
    let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? [])
      .compactMap(Int.init).sorted()
    for version in versions.reversed()
    where FileManager.default.isExecutableFile(atPath: "\(root)/\(version)/bin/postgres") {
      return "\(root)/\(version)/bin"
    }
    throw PostgresServerError(
      "the PostgreSQL tests need a PostgreSQL server (initdb, pg_ctl, postgres under /usr/lib/postgresql/VERSION/bin, "
        + "or VISITD_PG_BIN): apt-get install postgresql (scripts/install-deps.sh does)")
  }

  /// A TCP port of 127.0.0.1 free a moment ago (the kernel's pick for port 0).
  private static func freePort() throws -> Int {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { throw PostgresServerError("socket: \(String(cString: strerror(errno)))") }
    defer { close(descriptor) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0
      }
    }
    guard bound else { throw PostgresServerError("no free port: \(String(cString: strerror(errno)))") }
    return Int(UInt16(bigEndian: address.sin_port))
  }

  /// The servers to stop when the process exits.
  private static let running = Mutex<[PostgresServer]>([])

  private static func stopAtExit(_ server: PostgresServer) {
    let first = running.withLock { servers in
      servers.append(server)
      return servers.count == 1
    }
    guard first else { return }
    atexit {
      for server in PostgresServer.running.withLock({ $0 }) {
        _ = try? server.run("pg_ctl", ["stop", "-m", "immediate", "-w", "-D", "\(server.directory)/data"])
        try? FileManager.default.removeItem(atPath: server.directory)
      }
    }
  }
}

/// A failure to start or use the tests' PostgreSQL server.
public struct PostgresServerError: Error, CustomStringConvertible {
  /// What went wrong.
  public let description: String
  init(_ description: String) { self.description = description }
}
