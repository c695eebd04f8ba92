// swift-tools-version: 6.1
// ERS — deploys and runs the Enterprise Reporting System.
//
// Module graph (one direction only):
//   ERSModel  <- ERSSpec  <- ERSCtlCommands <- ersctl
//   ERSModel  <- ERSRender <- ERSKubernetes / ERSCompose / ERSGateway / ERSSQL <- ERSCtlCommands
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
        .library(name: "ERSModel", targets: ["ERSModel"]),
        .library(name: "ERSSpec", targets: ["ERSSpec"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
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
        .target(name: "ERSCompose", dependencies: ["ERSModel", "ERSRender", "ERSGateway"], swiftSettings: swiftSettings),
        .target(
            name: "ERSGateway",
            dependencies: ["ERSModel", "ERSRender", .product(name: "Mustache", package: "swift-mustache")],
            swiftSettings: swiftSettings
        ),
        .target(name: "ERSSQL", dependencies: ["ERSModel", "ERSRender"], swiftSettings: swiftSettings),
        // The ersctl commands (argument parsing, file I/O, exit codes). Thin: all logic is in
        // the modules above.
        .target(
            name: "ERSCtlCommands",
            dependencies: [
                "ERSModel", "ERSSpec", "ERSRender", "ERSKubernetes", "ERSCompose", "ERSGateway", "ERSSQL",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(name: "ersctl", dependencies: ["ERSCtlCommands"], swiftSettings: swiftSettings),

        .testTarget(name: "ERSModelTests", dependencies: ["ERSModel"]),
        .testTarget(name: "ERSSpecTests", dependencies: ["ERSSpec", "ERSModel"]),
        .testTarget(name: "ERSRenderTests", dependencies: ["ERSRender"]),
        .testTarget(
            name: "ERSKubernetesTests",
            dependencies: ["ERSKubernetes", "ERSSpec", "ERSModel", "ERSRender", .product(name: "Yams", package: "Yams")],
            exclude: ["Golden", "Fixtures"]
        ),
        .testTarget(name: "ERSComposeTests", dependencies: ["ERSCompose", "ERSSpec", "ERSModel", "ERSRender"]),
        .testTarget(name: "ERSGatewayTests", dependencies: ["ERSGateway", "ERSSpec", "ERSModel", "ERSRender"]),
        .testTarget(name: "ERSSQLTests", dependencies: ["ERSSQL", "ERSSpec", "ERSModel", "ERSRender"]),
        .testTarget(
            name: "ERSCtlTests",
            dependencies: ["ERSCtlCommands", "ERSSpec", "ERSModel"],
            exclude: ["Fixtures"]
        ),
    ]
)
