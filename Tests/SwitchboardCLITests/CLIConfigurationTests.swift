import ControlModel
@testable import SwitchboardCLI
import Testing

@Suite("switchboard: where the URL and token come from")
struct CLIConfigurationTests {
    private let files = [
        "/home/op/.config/switchboard/cli.yaml": "url: http://10.0.0.5:8080\ntokenFile: /secrets/file-token\n",
        "/secrets/file-token": "from-file\n",
        "/secrets/flag-token": " from-flag \n",
        "/xdg/switchboard/cli.yaml": "url: http://127.0.0.1:7000/\n",
    ]

    private func resolve(url: String? = nil, tokenFile: String? = nil, _ environment: [String: String]) throws -> CLIConfiguration {
        try CLIConfiguration.resolve(urlFlag: url, tokenFileFlag: tokenFile, environment: environment) { files[$0] }
    }

    @Test("flags beat the environment, which beats the file")
    func precedence() throws {
        let home = ["HOME": "/home/op"]
        #expect(try resolve(home) == CLIConfiguration(url: "http://10.0.0.5:8080", token: ControlToken("from-file")))
        let environment = home.merging(["SWITCHBOARD_URL": "http://127.0.0.1:9001", "SWITCHBOARD_TOKEN": "from-env"]) { $1 }
        #expect(try resolve(environment) == CLIConfiguration(url: "http://127.0.0.1:9001", token: ControlToken("from-env")))
        #expect(try resolve(url: "http://127.0.0.1:9002", tokenFile: "/secrets/flag-token", environment)
            == CLIConfiguration(url: "http://127.0.0.1:9002", token: ControlToken("from-flag")))
    }

    @Test("nothing set: the default URL and no token; XDG_CONFIG_HOME moves the file")
    func defaults() throws {
        #expect(try resolve(["HOME": "/nobody"]) == CLIConfiguration(url: CLIConfiguration.defaultURL, token: nil))
        #expect(try resolve(["HOME": "/home/op", "XDG_CONFIG_HOME": "/xdg"]).url == "http://127.0.0.1:7000")
    }

    @Test("refused: an unknown key in the file, an unreadable token file")
    func refused() {
        #expect(throws: CLIError.usage("/f/switchboard/cli.yaml: unknown key token; expected url, tokenFile")) {
            try CLIConfiguration.resolve(urlFlag: nil, tokenFileFlag: nil, environment: ["XDG_CONFIG_HOME": "/f"]) { _ in "token: abc\n" }
        }
        #expect(throws: CLIError.usage("--token-file: cannot read a token from /missing")) {
            try resolve(tokenFile: "/missing", ["HOME": "/nobody"])
        }
    }
}
