# visitd — build, run, test, benchmark, install.
SWIFT ?= swift
PREFIX ?= /usr/local
DESTDIR ?=
CONFIG ?= release

.PHONY: deps build run test test-dates fuzz check-units bench lint format install clean

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
# runs after the Swift suites, on the same debug build.
test: deps check-units
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --skip DeliveryTests
	$(SWIFT) test --skip-build --filter DeliveryTests
	$(MAKE) test-dates
	bash scripts/contract-test.sh

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

install: build
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/visitd/rules
	install -m 0755 $$($(SWIFT) build -c $(CONFIG) --show-bin-path)/visitd $(DESTDIR)$(PREFIX)/bin/visitd
	install -m 0755 $$($(SWIFT) build -c $(CONFIG) --show-bin-path)/visitctl $(DESTDIR)$(PREFIX)/bin/visitctl
	install -m 0644 rules/*.toml $(DESTDIR)$(PREFIX)/share/visitd/rules/
	install -d $(DESTDIR)$(PREFIX)/lib/systemd/system
	sed -e 's#/usr/bin/#$(PREFIX)/bin/#' -e 's#/usr/share/visitd#$(PREFIX)/share/visitd#' \
	  systemd/visitd.service > $(DESTDIR)$(PREFIX)/lib/systemd/system/visitd.service
	install -m 0644 systemd/visitd.socket $(DESTDIR)$(PREFIX)/lib/systemd/system/visitd.socket
	install -D -m 0644 systemd/visitd.sysusers $(DESTDIR)$(PREFIX)/lib/sysusers.d/visitd.conf
	install -D -m 0644 systemd/visitd.tmpfiles $(DESTDIR)$(PREFIX)/lib/tmpfiles.d/visitd.conf

clean:
	rm -rf .build
