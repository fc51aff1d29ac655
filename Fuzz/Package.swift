// swift-tools-version:6.0
import PackageDescription

// The fuzz targets, kept out of the root package so its build stays as it is. `scripts/fuzz` builds
// them with `-sanitize=fuzzer,address`. SIPCore, COSIP, CParseArena and CRandomPool are the root
// package's own directories (symbolic links under Sources/), the parse arena built to give each of
// libosip2's blocks an allocation of its own, so that AddressSanitizer sees an overrun of one;
// SIPStreamFraming holds a link to the stream framer of SIPTransport, which needs nothing else from
// that target, and SIPRawScans links to its scans of raw messages (the header scan, and the
// `100 Trying` written from an INVITE's bytes), which need nothing at all; Media is a link to the
// pure media core; nothing is copied; the media core's one package, swift-extras-base64 (SDES
// keys), comes as in the root package. COSIP finds libosip2
// through pkg-config: `scripts/fuzz` puts first on PKG_CONFIG_PATH a libosip2 it builds with
// coverage instrumentation and AddressSanitizer (a plain `swift build` here gets the system library).
let package = Package(
    name: "SwitchboardFuzz",
    dependencies: [
        .package(url: "https://github.com/swift-extras/swift-extras-base64.git", from: "1.2.0"),
    ],
    targets: [
        .systemLibrary(name: "COSIP", pkgConfig: "libosip2", providers: [.apt(["libosip2-dev"])]),
        .target(name: "CParseArena", cSettings: [.define("CPARSE_ARENA_SEPARATE_BLOCKS")]),
        .target(name: "CRandomPool"),
        .target(name: "SIPCore", dependencies: ["COSIP", "CParseArena", "CRandomPool"]),
        .target(name: "SIPStreamFraming", dependencies: ["SIPCore"]),
        .target(name: "SIPRawScans"),
        .target(name: "Media", dependencies: ["SIPCore", .product(name: "ExtrasBase64", package: "swift-extras-base64")]),
        .target(name: "CFuzzerDriver"),
        .target(name: "FuzzChecks", dependencies: ["SIPCore", "SIPStreamFraming", "SIPRawScans", "Media", "CFuzzerDriver"]),
        .executableTarget(name: "fuzz-message", dependencies: ["FuzzChecks"]),
        .executableTarget(name: "fuzz-sdp", dependencies: ["FuzzChecks"]),
        .executableTarget(name: "fuzz-framer", dependencies: ["FuzzChecks"]),
        .executableTarget(name: "fuzz-media", dependencies: ["FuzzChecks"]),
    ],
    swiftLanguageModes: [.v6]
)
