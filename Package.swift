// swift-tools-version:6.2
import PackageDescription

let package = Package(
    name: "Switchboard",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "switchboardd", targets: ["switchboardd"]),
        .executable(name: "switchboard", targets: ["switchboard"]),
        .executable(name: "local-graph", targets: ["LocalGraph"]),
        .executable(name: "bench-presence", targets: ["bench-presence"]),
        .executable(name: "bench-acd", targets: ["bench-acd"]),
        .executable(name: "bench-storage", targets: ["bench-storage"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-collections.git", from: "1.6.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-certificates.git", from: "1.21.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1", traits: []),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-extras/swift-extras-base64.git", from: "1.2.0"),
    ],
    targets: [
        .systemLibrary(
            name: "COSIP",
            pkgConfig: "libosip2",
            providers: [.apt(["libosip2-dev"])]
        ),
        .systemLibrary(name: "CJemalloc", pkgConfig: "jemalloc", providers: [.apt(["libjemalloc-dev"])]),
        .target(name: "CParseArena"),
        .target(name: "CRandomPool"),
        .target(name: "CSockets"),
        .target(name: "SIPCore", dependencies: ["COSIP", "CParseArena", "CRandomPool"]),
        .executableTarget(name: "bench-parse", dependencies: ["SIPCore"]),
        .target(name: "SIPTransaction", dependencies: ["SIPCore"]),
        .target(name: "SIPDialog", dependencies: ["SIPCore"]),
        .target(name: "Media", dependencies: ["SIPCore", .product(name: "ExtrasBase64", package: "swift-extras-base64")]),
        .systemLibrary(
            name: "CSRTP",
            pkgConfig: "libsrtp2",
            providers: [.apt(["libsrtp2-dev"])]
        ),
        .target(name: "SRTP", dependencies: ["CSRTP", "Media"]),
        .target(
            name: "MediaTransport",
            dependencies: [
                "Media", "SIPCore", "SRTP", "CSockets",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "bench-media",
            dependencies: [
                "Media", "MediaTransport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "SIPTransport",
            dependencies: [
                "SIPCore", "CSockets",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "SIPStack",
            dependencies: [
                "SIPCore", "SIPTransaction", "SIPTransport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "B2BUA",
            dependencies: [
                "SIPCore", "SIPDialog", "SIPTransaction", "SIPTransport", "SIPStack",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "DequeModule", package: "swift-collections"),
            ]
        ),
        .target(name: "TeamsPresence"),
        .target(name: "ACD", dependencies: ["TeamsPresence", .product(name: "Collections", package: "swift-collections")]),
        .executableTarget(name: "bench-acd", dependencies: ["ACD"]),
        .target(
            name: "Presence",
            dependencies: [
                "TeamsPresence",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "Metrics", package: "swift-metrics"),
            ]
        ),
        .target(
            name: "LocalGraphServer",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Collections", package: "swift-collections"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
            ]
        ),
        .executableTarget(
            name: "LocalGraph",
            dependencies: [
                "LocalGraphServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "bench-presence",
            dependencies: [
                "Presence", "LocalGraphServer", "TeamsPresence",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(
            name: "CallStore",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(name: "bench-storage", dependencies: ["CallStore"]),
        .target(
            name: "YAMLConfiguration",
            dependencies: ["SIPTransport", "ACD", "Presence", "TeamsPresence", "ControlModel", "Media", .product(name: "Yams", package: "Yams"),
                           .product(name: "NIOCore", package: "swift-nio")]
        ),
        .target(name: "ControlModel"),
        .target(
            name: "ControlAPI",
            dependencies: [
                "ControlModel",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .target(
            name: "Switchboard",
            dependencies: [
                "SIPTransport", "SIPTransaction", "SIPStack", "B2BUA", "ACD", "Presence", "YAMLConfiguration", "CJemalloc", "CallStore",
                "ControlModel", "ControlAPI", "Media", "MediaTransport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
        .executableTarget(
            name: "switchboardd",
            dependencies: [
                "Switchboard", "YAMLConfiguration", "CallStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .target(
            name: "SwitchboardTestKit",
            dependencies: [
                "SIPCore", "SIPTransport", "ControlModel", "ControlAPI",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
            ]
        ),
        .target(
            name: "SwitchboardCLI",
            dependencies: [
                "ControlModel",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .executableTarget(name: "switchboard", dependencies: ["SwitchboardCLI"]),
        .testTarget(name: "SIPCoreTests", dependencies: ["SIPCore", "CParseArena"], resources: [.copy("Fixtures")]),
        .testTarget(name: "SIPTransactionTests", dependencies: ["SIPTransaction"]),
        .testTarget(
            name: "SIPTransportTests",
            dependencies: [
                "SIPTransport", "SIPCore", "SwitchboardTestKit",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOTestUtils", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "SIPStackTests",
            dependencies: [
                "SIPStack", "SIPCore", "SIPTransaction", "SIPTransport", "SwitchboardTestKit",
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "SIPDialogTests", dependencies: ["SIPDialog"]),
        .testTarget(name: "MediaTests", dependencies: ["Media", "SIPCore", "SwitchboardTestKit"]),
        .testTarget(name: "SRTPTests", dependencies: ["SRTP", "CSRTP", "Media"]),
        .testTarget(
            name: "MediaTransportTests",
            dependencies: [
                "MediaTransport", "Media", "SIPCore", "SRTP",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "ACDTests", dependencies: ["ACD", "TeamsPresence", "SwitchboardTestKit"]),
        .testTarget(
            name: "PresenceTests",
            dependencies: [
                "Presence", "LocalGraphServer", "TeamsPresence", "SwitchboardTestKit",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "B2BUATests", dependencies: ["B2BUA"]),
        .testTarget(
            name: "CallStoreTests",
            dependencies: [
                "CallStore", "SwitchboardTestKit",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),
        .testTarget(name: "YAMLConfigurationTests", dependencies: ["YAMLConfiguration", "ACD", "TeamsPresence", "ControlModel", "Media",
                                                                .product(name: "NIOCore", package: "swift-nio")]),
        .testTarget(
            name: "ControlAPITests",
            dependencies: [
                "ControlAPI", "ControlModel", "SwitchboardTestKit",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .testTarget(
            name: "SwitchboardCLITests",
            dependencies: [
                "SwitchboardCLI", "ControlAPI", "ControlModel", "SwitchboardTestKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "SwitchboardTests",
            dependencies: [
                "Switchboard", "B2BUA", "ACD", "SIPCore", "SIPStack", "SIPTransaction", "SIPTransport", "SwitchboardTestKit", "TeamsPresence",
                "ControlModel", "ControlAPI", "YAMLConfiguration", "Media", "MediaTransport", "SRTP", "CJemalloc",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// A warning in the project's own code is a defect: it fails the build (dependencies are not affected).
// Release builds leave out the dynamic exclusivity checks of the project's own code (docs/architecture.md,
// "Exclusivity: checked in tests, not at run time"); debug builds, which every test runs, keep them.
// Release builds also specialize generics across the project's modules (docs/architecture.md,
// "Generics specialized across modules in the release build").
for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + [
        .treatAllWarnings(as: .error),
        .unsafeFlags(["-enforce-exclusivity=unchecked", "-cross-module-optimization"], .when(configuration: .release)),
    ]
    target.cSettings = (target.cSettings ?? []) + [.enableWarning("all"), .enableWarning("extra"), .treatAllWarnings(as: .error)]
}
