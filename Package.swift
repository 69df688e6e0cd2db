// swift-tools-version: 6.1

import PackageDescription

let package = Package(
  name: "visitd",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "visitctl", targets: ["visitctl"]),
    .library(name: "CalendarSpec", targets: ["CalendarSpec"]),
    .library(name: "Policy", targets: ["Policy"]),
    .library(name: "Planner", targets: ["Planner"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
  ],
  targets: [
    .systemLibrary(
      name: "CSystemd",
      pkgConfig: "libsystemd",
      providers: [.apt(["libsystemd-dev"])]
    ),
    .target(
      name: "Systemd",
      dependencies: ["CSystemd", .product(name: "Logging", package: "swift-log")]
    ),
    .target(name: "CalendarSpec"),
    .target(
      name: "Policy",
      dependencies: ["CalendarSpec", .product(name: "TOMLKit", package: "TOMLKit")]
    ),
    .target(name: "Planner", dependencies: ["Policy", "CalendarSpec"]),
    .target(name: "Store", dependencies: ["Planner", .product(name: "GRDB", package: "GRDB.swift")]),
    .executableTarget(
      name: "visitctl",
      dependencies: [
        "Systemd",
        "CalendarSpec",
        "Policy",
        "Planner",
        "Store",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(name: "CalendarSpecTests", dependencies: ["CalendarSpec"], resources: [.copy("Fixtures")]),
    .testTarget(name: "SystemdTests", dependencies: ["Systemd"]),
    .testTarget(name: "PolicyTests", dependencies: ["Policy"]),
    .testTarget(name: "PlannerTests", dependencies: ["Planner", "Policy", "CalendarSpec"]),
    .testTarget(name: "StoreTests", dependencies: ["Store", "Planner", "Policy", "CalendarSpec"]),
  ],
  swiftLanguageModes: [.v6]
)
