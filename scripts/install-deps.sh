#!/usr/bin/env bash
# Installs the Debian packages visitd builds and tests with; does nothing when they are present.
set -euo pipefail
# debhelper, dpkg-dev, lintian and file: `make deb` and `make test-deb`. libxlsxwriter-dev: the .xlsx reports.
# postgresql: the server the PostgreSQL store tests start themselves (initdb, pg_ctl under /usr/lib/postgresql).
# chromium, chromium-driver and a CJK font: the web app's browser test (scripts/web-test.py).
packages=(libsystemd-dev pkg-config libsqlite3-dev libxlsxwriter-dev make faketime systemd prometheus debhelper dpkg-dev
  lintian file chromium chromium-driver fonts-wqy-microhei postgresql)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
fi
# The contract test's generator (scripts/contract-test.sh), pinned: its checks and options change between releases.
schemathesis_version=4.32.5
if [ "$(schemathesis --version 2>/dev/null)" != "schemathesis, version $schemathesis_version" ]; then
  echo "installing: schemathesis $schemathesis_version" >&2
  $sudo python3 -m pip install -q --disable-pip-version-check --root-user-action=ignore \
    "schemathesis==$schemathesis_version"
fi
# The browser test's driver, pinned likewise.
selenium_version=4.51.0
if [ "$(python3 -c 'import selenium; print(selenium.__version__)' 2>/dev/null)" != "$selenium_version" ]; then
  echo "installing: selenium $selenium_version" >&2
  $sudo python3 -m pip install -q --disable-pip-version-check --root-user-action=ignore "selenium==$selenium_version"
fi
# The API tests check the calendar feeds with the icalendar package (scripts/ics-check.py), pinned likewise.
icalendar_version=7.3.2
if [ "$(python3 -c 'import icalendar; print(icalendar.__version__)' 2>/dev/null)" != "$icalendar_version" ]; then
  echo "installing: icalendar $icalendar_version" >&2
  $sudo python3 -m pip install -q --disable-pip-version-check --root-user-action=ignore \
    "icalendar==$icalendar_version"
fi
