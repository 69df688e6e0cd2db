import CSystemd
import Glibc

/// The sockets systemd passed by socket activation (`visitd.socket`, sd_listen_fds(3)).
public enum ListenSockets {
  /// The passed stream sockets listening on an internet address, taken once: `$LISTEN_FDS` is unset so that
  /// children do not inherit them; empty when the service was not socket-activated.
  public static func takeStreams() -> [CInt] {
    let count = sd_listen_fds(1)
    guard count > 0 else { return [] }
    return (0..<count).map { SD_LISTEN_FDS_START + $0 }.filter {
      sd_is_socket_inet($0, 0, CInt(SOCK_STREAM.rawValue), 1, 0) > 0
    }
  }
}
