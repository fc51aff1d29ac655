import ControlModel
import Foundation
import Testing
@testable import YAMLConfiguration

@Suite("The control token never shows in descriptions, dumps or reflection")
struct ControlTokenTests {
    @Test("Settings holding a token print, debug-print and dump without it")
    func redacted() throws {
        let settings = ControlSettings(host: "127.0.0.1", port: 8080, token: ControlToken("s3cr3t-token"))
        var dumped = ""
        dump(settings, to: &dumped)
        for text in [String(describing: settings), String(reflecting: settings), "\(settings.token as Any)", dumped] {
            #expect(!text.contains("s3cr3t"))
        }
        #expect(settings.token?.value == "s3cr3t-token")
    }
}
