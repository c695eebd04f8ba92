// swift-tools-version: 6.1
// ERS — deploys and runs the Enterprise Reporting System.
//
// Module graph (one direction only):
//   ERSModel  <- ERSSpec  <- ERSCtlCommands <- ersctl
//   ERSModel  <- ERSRender <- ERSKubernetes / ERSCompose / ERSGateway / ERSSQL <- ERSCtlCommands
//   ERSGateway <- ERSRollout (plans, single-host executor) <- ERSCtlCommands
// Server side: ERSDatabase <- ERSServerCore <- ERSAuth; ERSFleet <- ERSCollectors (no database),
//   ERSFleet + ERSDatabase + ERSRedis <- ERSJobs <- ERSCollection (API) <- ERSServerCommands <- ers-server
// The generator's modules depend on Yams, swift-argument-parser and swift-mustache only, so
// `swift build --product ersctl` stays quick. Server packages never enter these modules.
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "ers",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "ersctl", targets: ["ersctl"]),
        .executable(name: "ersctl-db", targets: ["ersctl-db"]),
        .executable(name: "ers-server", targets: ["ers-server"]),
        .executable(name: "ers-store-bench", targets: ["ers-store-bench"]),
        .library(name: "ERSModel", targets: ["ERSModel"]),
        .library(name: "ERSSpec", targets: ["ERSSpec"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        // Server side: never a dependency of the generator's modules (ERSModel … ERSCtlCommands).
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/vapor/jwt-kit", from: "5.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-configuration", from: "1.4.0"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    ],
    targets: [
        // The typed deployment model: value types, Kubernetes quantities and name rules, and
        // the semantic validation of a whole system. No I/O, no YAML, no renderers.
        .target(name: "ERSModel", swiftSettings: swiftSettings),
        // Spec files: YAML with source positions, environment overlays, structural checks
        // against the spec schema, decoding into ERSModel, diagnostics with file:line:column.
        .target(
            name: "ERSSpec",
            dependencies: ["ERSModel", .product(name: "Yams", package: "Yams")],
            swiftSettings: swiftSettings
        ),
        // What every renderer shares: rendered files, an ordered YAML writer, checksums.
        .target(
            name: "ERSRender",
            dependencies: ["ERSModel", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings
        ),
        .target(name: "ERSKubernetes", dependencies: ["ERSModel", "ERSRender"], swiftSettings: swiftSettings),
        .target(name: "ERSCompose", dependencies: ["ERSModel", "ERSRender"], swiftSettings: swiftSettings),
        .target(
            name: "ERSGateway",
            dependencies: ["ERSModel", "ERSRender", .product(name: "Mustache", package: "swift-mustache")],
            swiftSettings: swiftSettings
        ),
        .target(name: "ERSSQL", dependencies: ["ERSModel", "ERSRender"], swiftSettings: swiftSettings),
        // Releases: the plan of each strategy and the single-host executor behind the rendered
        // nginx gateway (state files, nginx -t / reload / verify, gates from the access log,
        // deploy and stop commands). Foundation only: no HTTP or server package.
        .target(name: "ERSRollout", dependencies: ["ERSModel", "ERSGateway"], swiftSettings: swiftSettings),
        // The ersctl commands (argument parsing, file I/O, exit codes). Thin: all logic is in
        // the modules above.
        .target(
            name: "ERSCtlCommands",
            dependencies: [
                "ERSModel", "ERSSpec", "ERSRender", "ERSKubernetes", "ERSCompose", "ERSGateway", "ERSSQL", "ERSRollout",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(name: "ersctl", dependencies: ["ERSCtlCommands"], swiftSettings: swiftSettings),

        // PostgreSQL at run time (postgres-nio): connection URLs and TLS, the migration runner,
        // monthly partition maintenance. Used by ersctl-db and ers-server, never by ersctl.
        .target(
            name: "ERSDatabase",
            dependencies: [
                "ERSModel", "ERSRender", "ERSSQL",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: swiftSettings
        ),
        // `ersctl-db`: `migrate` and `partitions`, which need a database driver; ersctl runs it
        // for `ersctl migrate …` and `ersctl partitions …`, so ersctl itself stays light.
        .target(
            name: "ERSDatabaseCommands",
            dependencies: [
                "ERSDatabase", "ERSModel", "ERSSpec", "ERSSQL",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(name: "ersctl-db", dependencies: ["ERSDatabaseCommands"], swiftSettings: swiftSettings),

        // Redis: a small RESP client of our own on SwiftNIO (no Redis client is in our package list).
        .target(
            name: "ERSRedis",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // What every ers-server role shares: configuration, HTTP app, health and readiness,
        // metrics, structured logs, graceful shutdown.
        .target(
            name: "ERSServerCore",
            dependencies: [
                "ERSDatabase", "ERSRedis",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        // The fleet's vocabulary, shared by the API, the job queue and the collectors: host
        // addresses (DNS name or IP, never an option), transports, SSH users, labels and
        // selectors. No dependencies.
        .target(name: "ERSFleet", swiftSettings: swiftSettings),
        // Collecting a report from one host: the report script, its parser, and the SSH
        // (OpenSSH client via swift-subprocess), HTTP and local collectors. No database.
        .target(
            name: "ERSCollectors",
            dependencies: [
                "ERSFleet",
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            swiftSettings: swiftSettings
        ),
        // Collects from every host of a fleet's hosts.txt and prints rate, latency and client CPU.
        .executableTarget(name: "ers-collect-bench", dependencies: ["ERSCollectors", "ERSFleet"], swiftSettings: swiftSettings),
        // The collection system's data in PostgreSQL: hosts, collections, the durable job queue
        // (SKIP LOCKED claims, leases, retries, LISTEN/NOTIFY), reports, the scheduler's lease.
        .target(
            name: "ERSJobs",
            dependencies: [
                "ERSFleet", "ERSDatabase", "ERSRedis",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            swiftSettings: swiftSettings
        ),
        // `ers-server worker` and `ers-server scheduler`: the worker loop (bounded concurrency,
        // heartbeats, per-host circuit breaker, batched report storage) and the leader-leased
        // scheduler of periodic collections.
        .target(
            name: "ERSWorker",
            dependencies: [
                "ERSJobs", "ERSCollectors", "ERSServerCore", "ERSFleet", "ERSDatabase", "ERSModel",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            swiftSettings: swiftSettings
        ),
        // The collection role's HTTP API: hosts, collections, reports, audit log.
        .target(
            name: "ERSCollection",
            dependencies: [
                "ERSFleet", "ERSJobs", "ERSServerCore", "ERSAuth", "ERSRedis", "ERSDatabase", "ERSModel",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // The auth role: users, login, logout, verify for nginx auth_request, throttling, audit.
        .target(
            name: "ERSAuth",
            dependencies: [
                "ERSServerCore", "ERSRedis", "ERSDatabase",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ERSServerCommands",
            dependencies: [
                "ERSServerCore", "ERSAuth", "ERSCollection", "ERSWorker", "ERSJobs", "ERSCollectors", "ERSFleet", "ERSRender", "ERSDatabase",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(name: "ers-server", dependencies: ["ERSServerCommands"], swiftSettings: swiftSettings),
        // Benchmark harness: rows per second into `reports` through the completion path
        // (scripts/bench/store-bench.sh; docs/benchmarks.md, "Storing reports").
        .executableTarget(
            name: "ers-store-bench",
            dependencies: [
                "ERSJobs", "ERSDatabase", "ERSFleet", "ERSSQL", "ERSSpec", "ERSModel",
                .product(name: "PostgresNIO", package: "postgres-nio"), .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),

        .testTarget(name: "ERSModelTests", dependencies: ["ERSModel"]),
        .testTarget(name: "ERSFleetTests", dependencies: ["ERSFleet"]),
        .testTarget(
            name: "ERSCollectorsTests",
            dependencies: [
                "ERSCollectors", "ERSFleet",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "ERSJobsTests",
            dependencies: [
                "ERSJobs", "ERSFleet", "ERSDatabase", "ERSSQL", "ERSSpec", "ERSModel",
                .product(name: "PostgresNIO", package: "postgres-nio"), .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "ERSWorkerTests",
            dependencies: [
                "ERSWorker", "ERSJobs", "ERSCollectors", "ERSFleet", "ERSDatabase", "ERSSQL", "ERSSpec", "ERSModel", "ERSServerCore", "ERSRender", "ERSRedis",
                .product(name: "PostgresNIO", package: "postgres-nio"), .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .testTarget(
            name: "ERSCollectionTests",
            dependencies: [
                "ERSCollection", "ERSJobs", "ERSFleet", "ERSAuth", "ERSServerCore", "ERSDatabase", "ERSSQL", "ERSSpec", "ERSModel", "ERSRedis",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        // Issue 7 end to end: the real `ers-server` binary (built before `swift test`) with
        // PostgreSQL, Redis and a loopback SSH fleet (shared/bench/fleet-up.sh).
        .testTarget(
            name: "ERSCollectionEndToEndTests",
            dependencies: [
                "ERSJobs", "ERSFleet", "ERSDatabase", "ERSSQL", "ERSSpec", "ERSModel", "ERSAuth", "ERSServerCore", "ERSRedis",
                .product(name: "PostgresNIO", package: "postgres-nio"), .product(name: "Logging", package: "swift-log"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .testTarget(name: "ERSRedisTests", dependencies: ["ERSRedis", .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio")]),
        .testTarget(
            name: "ERSServerCoreTests",
            dependencies: [
                "ERSServerCore", "ERSRedis", "ERSDatabase",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .testTarget(
            name: "ERSAuthTests",
            dependencies: [
                "ERSAuth", "ERSServerCore", "ERSRedis", "ERSDatabase", "ERSServerCommands", "ERSSQL", "ERSSpec", "ERSModel", "ERSGateway",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .testTarget(name: "ERSDatabaseTests", dependencies: ["ERSDatabase", "ERSDatabaseCommands", "ERSSpec", "ERSModel", "ERSSQL"]),
        .testTarget(name: "ERSSpecTests", dependencies: ["ERSSpec", "ERSModel"]),
        .testTarget(name: "ERSRenderTests", dependencies: ["ERSRender", "ERSModel"]),
        .testTarget(
            name: "ERSKubernetesTests",
            dependencies: ["ERSKubernetes", "ERSSpec", "ERSModel", "ERSRender", .product(name: "Yams", package: "Yams")],
            exclude: ["Golden", "Fixtures"]
        ),
        .testTarget(
            name: "ERSComposeTests",
            dependencies: ["ERSCompose", "ERSGateway", "ERSSpec", "ERSModel", "ERSRender", .product(name: "Yams", package: "Yams")],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "ERSGatewayTests",
            dependencies: ["ERSGateway", "ERSSpec", "ERSModel", "ERSRender", .product(name: "Yams", package: "Yams")],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "ERSSQLTests",
            dependencies: ["ERSSQL", "ERSSpec", "ERSModel", "ERSRender", .product(name: "Yams", package: "Yams")],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "ERSRolloutTests",
            dependencies: ["ERSRollout", "ERSCtlCommands", "ERSGateway", "ERSSpec", "ERSModel"],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "ERSCtlTests",
            dependencies: ["ERSCtlCommands", "ERSSpec", "ERSModel", "ERSRender", .product(name: "Yams", package: "Yams")],
            exclude: ["Fixtures", "Golden"]
        ),
    ]
)
