import CSystemd

/// What the process can tell about the systemd it runs under.
public enum SystemdEnvironment {
  /// Whether the machine was booted with systemd as its init system.
  public static var isBooted: Bool { sd_booted() > 0 }
}
