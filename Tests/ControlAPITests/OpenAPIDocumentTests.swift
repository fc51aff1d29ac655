import ControlAPI
import Foundation
import SwitchboardTestKit
import Testing
import Yams

@Suite("docs/control-api.yaml describes exactly the routes the router has")
struct OpenAPIDocumentTests {
    /// `METHOD /path` for every operation of the document's `paths`.
    private func documentedRoutes() throws -> Set<String> {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../docs/control-api.yaml")
        let text = try String(contentsOf: url.standardizedFileURL, encoding: .utf8)
        let document = try #require(try Yams.load(yaml: text) as? [String: Any])
        #expect((document["openapi"] as? String)?.hasPrefix("3.") == true)
        let paths = try #require(document["paths"] as? [String: Any])
        let methods: Set<String> = ["get", "put", "post", "delete", "patch", "head", "options"]
        return Set(paths.flatMap { path, item in
            ((item as? [String: Any]) ?? [:]).keys.filter(methods.contains).map { "\($0.uppercased()) \(path)" }
        })
    }

    /// `METHOD /path` for every route of the router, parameters in OpenAPI's spelling.
    private func registeredRoutes() -> Set<String> {
        let router = ControlAPI.makeRouter(surface: FakeControlSurface(), token: nil)
        return Set(router.routes.map { route in
            let path = route.path.description.split(separator: "/").map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }
            return "\(route.method.rawValue) /" + path.joined(separator: "/")
        })
    }

    @Test("every route is documented, and every documented operation is a route")
    func inStep() throws {
        let documented = try documentedRoutes()
        let registered = registeredRoutes()
        #expect(registered.count == ControlRoute.all.count)
        #expect(registered.subtracting(documented).isEmpty, "undocumented: \(registered.subtracting(documented).sorted())")
        #expect(documented.subtracting(registered).isEmpty, "documented but not routed: \(documented.subtracting(registered).sorted())")
    }
}
