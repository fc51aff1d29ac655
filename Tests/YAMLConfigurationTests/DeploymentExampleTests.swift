import Foundation
import Testing
@testable import YAMLConfiguration

@Suite("The example production configuration under deploy/ is valid")
struct DeploymentExampleTests {
    @Test func itPassesValidationWithItsSecretFilesInPlace() throws {
        let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../deploy/switchboard.example.yaml")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("deploy-example-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var text = try String(contentsOf: example, encoding: .utf8)
        for name in ["graph-secret", "control-token"] {
            let file = folder.appendingPathComponent(name)
            try Data("example-\(name)".utf8).write(to: file)
            text = text.replacingOccurrences(of: "/etc/switchboard/\(name)", with: file.path)
        }
        text = text.replacingOccurrences(of: "/var/lib/switchboard/", with: folder.path + "/")
        let configuration = try SwitchboardConfiguration.parse(yaml: text, directory: folder.path, environment: [:])
        #expect(configuration.trunks.map(\.name) == ["sbc"])
        #expect(configuration.control?.token != nil)
        #expect(configuration.warnings.isEmpty)
        guard case .graph = configuration.presence else {
            Issue.record("expected Graph presence")
            return
        }
    }
}
