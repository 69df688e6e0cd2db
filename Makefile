# visitd — build, run, test, benchmark, install.
SWIFT ?= swift
PREFIX ?= /usr/local
DESTDIR ?=
CONFIG ?= release

.PHONY: deps build run test bench lint format install clean

deps:
	@bash scripts/install-deps.sh

build: deps
	$(SWIFT) build -c $(CONFIG)

# The main job on the embedded default: the shipped rules and schedules.
run: build
	$(SWIFT) run -c $(CONFIG) visitctl rules check --rules rules
	$(SWIFT) run -c $(CONFIG) visitctl calendar --iterations 3 '*-*-15 09:00 Asia/Shanghai'

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

bench: build
	bash scripts/bench.sh

lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift

format:
	$(SWIFT) format --in-place --recursive Sources Tests Package.swift

clean:
	rm -rf .build
