import Foundation

/// A command run to its end with posix_spawn and waitpid: what it printed and how it exited.
///
/// Not Foundation's `Process`: several of those waited on at once from test threads were seen never to be
/// reaped (their exit is noticed on a dispatch queue), so the tests hung with zombie children.
struct ToolRun: Sendable {
  /// The exit status (128 + signal when killed).
  let status: Int32
  /// What it wrote to standard output.
  let output: Data
  /// What it wrote to standard error.
  let errors: Data

  /// Runs `path` with `arguments` in `folder`, blocking until it exits.
  static func run(_ path: String, _ arguments: [String], in folder: String) throws -> ToolRun {
    var outPipe: [Int32] = [0, 0]
    var errPipe: [Int32] = [0, 0]
    guard pipe(&outPipe) == 0, pipe(&errPipe) == 0 else { throw POSIXError(.EMFILE) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
    posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
    for descriptor in outPipe + errPipe { posix_spawn_file_actions_addclose(&actions, descriptor) }
    // The shell changes into the folder and execs the tool (glibc's addchdir is not in Swift's Glibc).
    let command = ["/bin/sh", "-c", #"cd "$0" && exec "$@""#, folder, path] + arguments
    let argv = command.map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, "/bin/sh", &actions, nil, argv, environ)
    close(outPipe[1])
    close(errPipe[1])
    guard spawned == 0 else {
      close(outPipe[0])
      close(errPipe[0])
      throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .ENOENT)
    }
    // Standard error is drained on its own thread so that neither pipe can fill and stall the child.
    let errors = FileHandle(fileDescriptor: errPipe[0], closeOnDealloc: true)
    let errorText = ErrorText()
    let drained = Thread { errorText.set(errors.readDataToEndOfFile()) }
    drained.start()
    let output = FileHandle(fileDescriptor: outPipe[0], closeOnDealloc: true).readDataToEndOfFile()
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    while !errorText.isSet { usleep(1000) }
    let exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    return ToolRun(status: exit, output: output, errors: errorText.value)
  }
}

/// Standard error read on another thread.
private final class ErrorText: @unchecked Sendable {
  private let lock = NSLock()
  private var data: Data?

  func set(_ value: Data) { lock.withLock { data = value } }
  var isSet: Bool { lock.withLock { data != nil } }
  var value: Data { lock.withLock { data ?? Data() } }
}

/// A long-running child started with posix_spawn, its standard error appended to a log file.
struct Child: Sendable {
  /// Its process id.
  let pid: pid_t

  /// Starts `path` with `arguments` and `environment`; standard output is discarded.
  static func start(_ path: String, _ arguments: [String], environment: [String: String], log: String) throws
    -> Child
  {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, log, O_WRONLY | O_CREAT | O_APPEND, 0o644)
    let argv = ([path] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { for pointer in argv + envp { free(pointer) } }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, path, &actions, nil, argv, envp)
    guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .ENOENT) }
    return Child(pid: pid)
  }

  /// Kills it with `signal` and waits until it is gone.
  func kill(_ signal: Int32 = SIGKILL) {
    Glibc.kill(pid, signal)
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
  }
}
