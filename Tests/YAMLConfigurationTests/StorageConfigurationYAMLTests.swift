import Foundation
import Testing
@testable import YAMLConfiguration

/// A whole configuration with `storage` lines appended (the `storage:` key itself is line 6).
private func configuration(storage: [String]) -> String {
    (["sip:", "  listen: [{transport: udp, address: 127.0.0.1, port: 5070}]", "trunks: [{name: sbc, address: 127.0.0.1}]",
      "queues: [{name: support, numbers: [\"+15550100\"], agents: [alice]}]", "agents: [{id: alice, number: \"+15550201\"}]"]
        + (storage.isEmpty ? [] : ["storage:"] + storage.map { "  " + $0 }))
        .joined(separator: "\n")
}

@Suite("Storage keys")
struct StorageConfigurationYAMLTests {
    @Test func withoutTheSectionTheStoreIsSwitchboardSqliteNextToTheConfiguration() throws {
        let parsed = try SwitchboardConfiguration.parse(yaml: configuration(storage: []), directory: "/etc/switchboard")
        #expect(parsed.storage == StorageSettings(path: "/etc/switchboard/switchboard.sqlite", flushInterval: .milliseconds(100),
                                                  maximumPendingChanges: 100_000))
    }

    @Test func everyKeyIsRead() throws {
        let parsed = try SwitchboardConfiguration.parse(
            yaml: configuration(storage: ["path: /var/lib/switchboard/calls.sqlite", "flushMilliseconds: 50", "maximumPendingChanges: 5000"]),
            directory: "/etc/switchboard")
        #expect(parsed.storage == StorageSettings(path: "/var/lib/switchboard/calls.sqlite", flushInterval: .milliseconds(50),
                                                  maximumPendingChanges: 5_000))
    }

    @Test func aRelativePathIsTakenFromTheConfigurationFilesFolder() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("storage-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("switchboard.yaml")
        try configuration(storage: ["path: data/calls.sqlite"]).write(to: file, atomically: true, encoding: .utf8)
        #expect(try SwitchboardConfiguration.load(path: file.path).storage.path == directory.appendingPathComponent("data/calls.sqlite").path)
    }

    @Test("a typo or an out-of-range value names the key and the line", arguments: [
        ("flushMiliseconds: 20", "storage.flushMiliseconds", "unknown key; expected one of flushMilliseconds, maximumPendingChanges, path"),
        ("flushMilliseconds: 0", "storage.flushMilliseconds", "expected a whole number from 1 to 1000"),
        ("flushMilliseconds: 1001", "storage.flushMilliseconds", "expected a whole number from 1 to 1000"),
        ("maximumPendingChanges: 999", "storage.maximumPendingChanges", "expected a whole number from 1000 to 10000000"),
        ("path: /var/lib/", "storage.path", "expected the path of a file"),
    ])
    func refused(line: String, key: String, fragment: String) {
        let error = #expect(throws: ConfigurationError.self) { try SwitchboardConfiguration.parse(yaml: configuration(storage: [line])) }
        #expect(error?.key == key)
        #expect(error?.line == 7)
        #expect(error?.message.contains(fragment) == true, "\(error?.message ?? "no error")")
    }
}
