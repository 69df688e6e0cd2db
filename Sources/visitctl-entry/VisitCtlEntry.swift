import VisitCtlCommands

/// The stand-alone `visitctl`; the .deb instead links /usr/bin/visitctl to visitd, which runs the same commands.
@main
enum VisitCtlEntry {
  static func main() async { await VisitCtl.main() }
}
