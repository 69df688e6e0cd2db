// swift-tools-version: 6.1

import PackageDescription

let package = Package(
  name: "visitd",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "visitd", targets: ["visitd"]),
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
    .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
    .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
    .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    .package(url: "https://github.com/apple/swift-openapi-generator", from: "1.14.3"),
    .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.4"),
    .package(url: "https://github.com/hummingbird-project/swift-openapi-hummingbird", from: "2.1.0"),
    .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
  ],
  targets: [
    .systemLibrary(
      name: "CSystemd",
      pkgConfig: "libsystemd",
      providers: [.apt(["libsystemd-dev"])]
    ),
    .systemLibrary(name: "CLinux"),
    .systemLibrary(name: "CSQLiteConfig", providers: [.apt(["libsqlite3-dev"])]),
    .target(name: "Control", dependencies: ["CLinux"]),
    .target(
      name: "Systemd",
      dependencies: ["CSystemd", .product(name: "Logging", package: "swift-log")]
    ),
    .target(name: "CalendarSpec"),
    .target(name: "ICalendar", dependencies: ["CalendarSpec"]),
    .systemLibrary(name: "CXLSXWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),
    .target(name: "Spreadsheets", dependencies: ["CXLSXWriter"]),
    .target(
      name: "Policy",
      dependencies: ["CalendarSpec", .product(name: "TOMLKit", package: "TOMLKit")]
    ),
    .target(name: "Planner", dependencies: ["Policy", "CalendarSpec"]),
    .target(name: "Store", dependencies: ["Planner", "Policy", "CalendarSpec"]),
    .target(
      name: "StoreSQLite",
      dependencies: [
        "Store", "Planner", "Policy", "CalendarSpec", "CSQLiteConfig",
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "GRDBSQLite", package: "GRDB.swift"),
      ]),
    .target(
      name: "StorePostgres",
      dependencies: [
        "Store", "Planner", "Policy", "CalendarSpec",
        .product(name: "PostgresNIO", package: "postgres-nio"),
        .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOFoundationCompat", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "Logging", package: "swift-log"),
      ]),
    .target(name: "StoreOpening", dependencies: ["Store", "StoreSQLite", "StorePostgres"]),
    .target(name: "Messages", dependencies: ["Store", "Policy"]),
    .target(
      name: "Operations",
      dependencies: [
        "Store", "Messages", "Planner", "Policy", "CalendarSpec", "ICalendar", "Spreadsheets",
        .product(name: "Crypto", package: "swift-crypto"),
      ]),
    .target(
      name: "Delivery",
      dependencies: [
        "Store", "Messages", "Systemd", "CalendarSpec",
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "Mustache", package: "swift-mustache"),
        .product(name: "Metrics", package: "swift-metrics"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "TOMLKit", package: "TOMLKit"),
      ]
    ),
    .target(
      name: "HTTPAPI",
      dependencies: [
        "Store", "Operations", "Planner", "Policy", "CalendarSpec", "Systemd", "ICalendar", "Spreadsheets",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "Metrics", package: "swift-metrics"),
        .product(name: "Prometheus", package: "swift-prometheus"),
        .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
        .product(name: "OpenAPIHummingbird", package: "swift-openapi-hummingbird"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOExtras", package: "swift-nio-extras"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        .product(name: "Mustache", package: "swift-mustache"),
      ],
      resources: [
        .embedInCode("openapi.yaml"), .embedInCode("Web/Templates/layout.mustache"),
        .embedInCode("Web/Templates/message.mustache"), .embedInCode("Web/Templates/signin.mustache"),
        .embedInCode("Web/Templates/today.mustache"), .embedInCode("Web/Templates/visit.mustache"),
        .embedInCode("Web/Templates/lead.mustache"), .embedInCode("Web/Templates/tasks.mustache"),
        .embedInCode("Web/Templates/operations.mustache"), .embedInCode("Web/Templates/sample.mustache"),
        .embedInCode("Web/Templates/household.mustache"), .embedInCode("Web/Templates/plan.mustache"),
        .embedInCode("Web/Templates/history.mustache"), .embedInCode("Web/Templates/request-link.mustache"),
        .embedInCode("Web/Static/app.css"), .embedInCode("Web/Static/app.js"),
      ],
      plugins: [.plugin(name: "OpenAPIGenerator", package: "swift-openapi-generator")]
    ),
    .executableTarget(
      name: "visitd",
      dependencies: [
        "CLinux", "Control", "Systemd", "CalendarSpec", "Policy", "Planner", "Store", "StoreSQLite",
        "StoreOpening", "Messages",
        "Operations", "Delivery", "HTTPAPI", "VisitCtlCommands",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Metrics", package: "swift-metrics"),
        .product(name: "Prometheus", package: "swift-prometheus"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
      ]
    ),
    // visitctl's commands as a library: the stand-alone `visitctl` runs them, and so does `visitd` when invoked as
    // `visitctl` (the .deb's /usr/bin/visitctl links to visitd: one copy of the static Swift runtime).
    .executableTarget(name: "visitctl", dependencies: ["VisitCtlCommands"], path: "Sources/visitctl-entry"),
    .target(
      name: "VisitCtlCommands",
      dependencies: [
        "Systemd",
        "CalendarSpec",
        "Policy",
        "Planner",
        "Store",
        "StoreSQLite",
        "StoreOpening",
        "Messages",
        "Operations",
        "Delivery",
        "Control",
        "Spreadsheets",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      path: "Sources/visitctl"
    ),
    .executableTarget(
      name: "visitbench",
      dependencies: [
        "Planner", "Policy", "Store", "StoreSQLite", "Operations", "CalendarSpec", "ICalendar",
        "Spreadsheets",
      ]),
    .testTarget(name: "CLITests", dependencies: [.product(name: "GRDB", package: "GRDB.swift")]),
    .testTarget(name: "CalendarSpecTests", dependencies: ["CalendarSpec"], resources: [.copy("Fixtures")]),
    .target(name: "TestSupport", path: "Tests/Support"),
    .testTarget(name: "SystemdTests", dependencies: ["Systemd", "TestSupport"]),
    .testTarget(
      name: "visitdTests",
      dependencies: [
        "visitd", "Control", "CalendarSpec", "Policy", "Store", "StoreSQLite", "Messages", "Operations",
        "TestSupport",
      ]
    ),
    .testTarget(
      name: "APITests",
      dependencies: [
        "TestSupport", "StoreSQLite", "Planner",
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
      ]
    ),
    .testTarget(
      name: "HTTPAPITests",
      dependencies: ["HTTPAPI", "Store", "StoreSQLite", "Operations", "Planner", "Policy", "CalendarSpec"]),
    .testTarget(name: "PolicyTests", dependencies: ["Policy"]),
    .testTarget(name: "ICalendarTests", dependencies: ["ICalendar", "CalendarSpec"]),
    .testTarget(name: "SpreadsheetsTests", dependencies: ["Spreadsheets"]),
    .testTarget(name: "PlannerTests", dependencies: ["Planner", "Policy", "CalendarSpec"]),
    .executableTarget(
      name: "visitd-bench-delivery",
      dependencies: [
        "Delivery", "Store", "StoreSQLite", "Messages", "Policy", "TestSupport",
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
        .product(name: "Logging", package: "swift-log"),
      ]
    ),
    .testTarget(
      name: "DeliveryTests",
      dependencies: [
        "Delivery", "Store", "StoreSQLite", "StorePostgres", "Messages", "Policy", "TestSupport",
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
        .product(name: "Logging", package: "swift-log"),
      ]
    ),
    .testTarget(
      name: "StoreTests",
      dependencies: [
        "Store", "StoreSQLite", "StorePostgres", "TestSupport", "Operations", "Planner", "Policy",
        "CalendarSpec",
        .product(name: "GRDB", package: "GRDB.swift"),
      ]),
    .testTarget(
      name: "OperationsTests",
      dependencies: [
        "Operations", "Store", "StoreSQLite", "Messages", "Delivery", "Planner", "Policy", "CalendarSpec",
      ],
      exclude: ["Golden"]),
  ],
  swiftLanguageModes: [.v6]
)
