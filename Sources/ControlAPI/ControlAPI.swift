import ControlModel
import Hummingbird
import HummingbirdAuth
import Logging
import NIOCore
import ServiceLifecycle

/// The control API: JSON over HTTP/1.1 on a Hummingbird server, every route of ``ControlRoute/all``
/// answered from a ``ControlSurface``.
public enum ControlAPI {
    /// The router: JSON errors, then the bearer token check (when a token is set), then the routes.
    public static func makeRouter(surface: any ControlSurface, token: ControlToken?) -> Router<ControlContext> {
        let router = Router(context: ControlContext.self)
        let routes = ControlRoute.all
        router.add(middleware: ControlErrorMiddleware(routes: routes))
        if let token {
            router.add(middleware: BearerTokenAuthenticator(token: token))
            router.add(middleware: IsAuthenticatedMiddleware<ControlContext>())
        }
        for route in routes {
            router.on(route.routerPath, method: route.method) { request, context in
                try await route.handler(request, context, surface)
            }
        }
        return router
    }

    /// The server as a lifecycle service, bound to `host:port` (port 0: any free port), on its own
    /// event loops (Hummingbird's shared group, not the SIP loop); `onListening` is told the bound port.
    public static func makeApplication(surface: any ControlSurface, host: String, port: Int, token: ControlToken?, logger: Logger,
                                       onListening: @escaping @Sendable (Int) async -> Void = { _ in }) -> some Service {
        Application(router: makeRouter(surface: surface, token: token),
                    configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: nil),
                    onServerRunning: { channel in await onListening(channel.localAddress?.port ?? port) },
                    logger: logger)
    }
}
