#!/usr/bin/env bash
# Installs the Debian packages visitd builds and tests with; does nothing when they are present.
set -euo pipefail
packages=(libsystemd-dev pkg-config libsqlite3-dev make faketime systemd prometheus)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "installing: ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
