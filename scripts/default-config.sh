#!/usr/bin/env bash
# Prints the installed /etc/visitd/visitd.toml: the example (argument 1) with its receivers and routes commented
# out. The example's receivers name credentials a fresh machine does not have, and a receiver whose secret is
# missing stops the daemon; with none, every message goes to the journal until the admin enables some.
set -euo pipefail
example=${1:?usage: default-config.sh etc/visitd.toml.example}
cat <<'HEAD'
# visitd's configuration (visitd.toml(5)). As installed, the receivers and routes below are commented out:
# every message goes to the journal. Put each secret in /etc/visitd/credentials/FILE (the unit loads it as the
# credential visitd_FILE), uncomment a receiver and its routes, name the credentials so, then `systemctl reload visitd`.
HEAD
awk '/^\[receiver\./ { off = 1 } off && !/^#/ && !/^$/ { print "# " $0; next } { print }' "$example"
