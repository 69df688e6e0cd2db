# visitd — build, run, test, benchmark, install.
SWIFT ?= swift
PREFIX ?= /usr/local
DESTDIR ?=
CONFIG ?= release

# `make install` and `make deb` put things here (the daemon reads /etc/visitd whatever PREFIX is).
BINDIR = $(PREFIX)/bin
DATADIR = $(PREFIX)/share
UNITDIR = $(PREFIX)/lib/systemd/system
DOCS = README.md docs/api.md docs/architecture.md docs/calendar.md docs/csv.md docs/delivery.md docs/limits.md \
  docs/ha.md docs/monitoring.md docs/rules.md docs/web.md
MANPAGES = man/visitctl.1 man/visitd-rules.5 man/visitd.toml.5 man/visitd.8
VERSION = $(shell dpkg-parsechangelog -S Version)

.PHONY: deps build release run test test-dates fuzz check-units bench lint format man install uninstall deb test-deb clean

# The Debian packages the build, the tests and `make deb` need (as root, or through sudo); nothing when present.
deps:
	@bash scripts/install-deps.sh

build: deps
	$(SWIFT) build -c $(CONFIG)

# The main job on the embedded default: the daemon in the foreground on ./var/visitd.sqlite,
# the shipped rules, and demo facts when the database is empty, the HTTP API on 127.0.0.1:8740; logs go to the
# terminal. Ctrl-C stops it.
run: build
	$$($(SWIFT) build -c $(CONFIG) --show-bin-path)/visitd --rules rules --demo-if-empty --listen 127.0.0.1:8740

# DeliveryTests run on their own: their loopback HTTP timing must not share the thread pool with the
# suites that block on child processes (visitd, visitctl). The contract test (schemathesis against openapi.yaml)
# runs after the Swift suites, on the same debug build, and then the web app in headless Chromium (screenshots in
# artifacts/web/).
test: deps check-units
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --skip DeliveryTests
	$(SWIFT) test --skip-build --filter DeliveryTests
	$(MAKE) test-dates
	bash scripts/contract-test.sh
	python3 scripts/web-test.py

# The date-sensitive suites again with the clock shifted by libfaketime: just after midnight on 1 January in
# Shanghai, and a leap day. (Suites that sleep on the kernel's clock, the daemon's and delivery's, stay out.)
DATED_SUITES = CLITests|OperationsTests|PolicyTests|PlannerTests|ImportTests|FolderImportTests|RoundTripTests|PlanStampTests|MigrationTests
test-dates:
	TZ=UTC FAKETIME_DONT_FAKE_MONOTONIC=1 faketime -f '@2026-12-31 16:30:00' $(SWIFT) test --skip-build --filter '$(DATED_SUITES)'
	TZ=UTC FAKETIME_DONT_FAKE_MONOTONIC=1 faketime -f '@2028-02-29 02:00:00' $(SWIFT) test --skip-build --filter '$(DATED_SUITES)'

# The parsers' fuzz tests with many more inputs than `make test` gives them, and the API's JSON bodies fuzzed by
# the contract test with ten times its examples.
fuzz:
	$(SWIFT) build --build-tests
	VISITD_FUZZ_ITERATIONS=100000 $(SWIFT) test --skip-build --filter 'RuleFileFuzzTests|CalendarFuzzTests|CSVFuzzTests'
	CONTRACT_EXAMPLES=300 bash scripts/contract-test.sh

check-units:
	bash scripts/check-units.sh

bench: build
	bash scripts/bench.sh

lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift

format:
	$(SWIFT) format --in-place --recursive Sources Tests Package.swift

# The binary `make install` and `make deb` ship: visitd (it runs visitctl's commands when called visitctl), the Swift
# runtime linked statically, no RUNPATH ($$ORIGIN), relocations read-only (-z relro -z now, as dpkg-buildflags asks
# of C programs), in its own build folder so it does not disturb the debug build.
RELEASE_SCRATCH ?= .build-deb
RELEASE_FLAGS = -c release --static-swift-stdlib --disable-local-rpath --scratch-path $(RELEASE_SCRATCH) \
  -Xlinker -z -Xlinker relro -Xlinker -z -Xlinker now
release:
	$(SWIFT) build $(RELEASE_FLAGS) --product visitd

# visitd (stripped) and the visitctl link to it, the shipped rules, the units, the docs and man pages, and
# /etc/visitd/visitd.toml when there is none. No apt-get: `make deps` first.
install: release
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/visitd/rules $(DESTDIR)$(UNITDIR) \
	  $(DESTDIR)$(DATADIR)/doc/visitd/examples $(DESTDIR)/etc/visitd
	install -s -m 0755 $(RELEASE_SCRATCH)/release/visitd $(DESTDIR)$(BINDIR)/visitd
	ln -sf visitd $(DESTDIR)$(BINDIR)/visitctl
	install -m 0644 rules/*.toml $(DESTDIR)$(DATADIR)/visitd/rules/
	for unit in visitd.service visitd.socket; do \
	  sed -e 's#/usr/bin/#$(BINDIR)/#' -e 's#/usr/share/#$(DATADIR)/#' systemd/$$unit > $(DESTDIR)$(UNITDIR)/$$unit; \
	done
	install -D -m 0644 systemd/visitd.sysusers $(DESTDIR)$(PREFIX)/lib/sysusers.d/visitd.conf
	install -D -m 0644 systemd/visitd.tmpfiles $(DESTDIR)$(PREFIX)/lib/tmpfiles.d/visitd.conf
	install -m 0644 $(DOCS) $(DESTDIR)$(DATADIR)/doc/visitd/
	install -m 0644 etc/visitd.toml.example $(DESTDIR)$(DATADIR)/doc/visitd/examples/
	for page in $(MANPAGES); do \
	  install -D -m 0644 $$page $(DESTDIR)$(DATADIR)/man/man$${page##*.}/$${page#man/}; \
	done
	[ -e $(DESTDIR)/etc/visitd/visitd.toml ] || \
	  bash scripts/default-config.sh etc/visitd.toml.example > $(DESTDIR)/etc/visitd/visitd.toml

# Removes what `make install` put in place, except /etc/visitd (the admin's configuration) and the database.
uninstall:
	rm -f $(DESTDIR)$(BINDIR)/visitd $(DESTDIR)$(BINDIR)/visitctl $(DESTDIR)$(UNITDIR)/visitd.service \
	  $(DESTDIR)$(UNITDIR)/visitd.socket $(DESTDIR)$(PREFIX)/lib/sysusers.d/visitd.conf \
	  $(DESTDIR)$(PREFIX)/lib/tmpfiles.d/visitd.conf
	rm -rf $(DESTDIR)$(DATADIR)/visitd $(DESTDIR)$(DATADIR)/doc/visitd
	for page in $(MANPAGES); do rm -f $(DESTDIR)$(DATADIR)/man/man$${page##*.}/$${page#man/}; done

# visitd(8) and visitctl(1) from the argument parsers (swift-argument-parser's generate-manual plugin, on the
# debug build `make test` leaves); the two section 5 pages are written by hand. The pages are committed: the
# package build does not run the plugin.
MAN_SCRATCH ?= .build
MAN_DATE ?= $(shell git log -1 --format=%cs)
MAN_OUT = $(MAN_SCRATCH)/plugins/GenerateManual/outputs
man:
	$(SWIFT) package --scratch-path $(MAN_SCRATCH) plugin generate-manual --configuration debug --section 8 \
	  --date $(MAN_DATE)
	cp $(MAN_OUT)/visitd/visitd.8 man/visitd.8
	$(SWIFT) package --scratch-path $(MAN_SCRATCH) plugin generate-manual --configuration debug --section 1 \
	  --date $(MAN_DATE)
	cp $(MAN_OUT)/visitctl/visitctl.1 man/visitctl.1

# dist/visitd_$(VERSION)_amd64.deb (and its -dbgsym) with dpkg-buildpackage and debhelper (debian/), then
# lintian, which fails the target on an error. dpkg-buildpackage writes into the parent folder; the files move here.
deb:
	dpkg-buildpackage -b -us -uc
	mkdir -p dist
	mv ../visitd_$(VERSION)_amd64.deb ../visitd-dbgsym_$(VERSION)_amd64.deb ../visitd_$(VERSION)_amd64.buildinfo \
	  ../visitd_$(VERSION)_amd64.changes dist/
	lintian --fail-on error --info dist/visitd_$(VERSION)_amd64.deb

# The package installed, upgraded and purged on this machine (as root, through sudo otherwise): scripts/deb-test.sh.
SUDO = $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
test-deb: deb
	$(SUDO) bash scripts/deb-test.sh dist/visitd_$(VERSION)_amd64.deb

clean:
	rm -rf .build dist
