import ControlModel
import Hummingbird

extension ControlRoute {
    /// The resources (GET).
    static let resources: [ControlRoute] = [
        ControlRoute(.get, "/v1/status") { _, _, surface in try JSONResponse.make(try await surface.status()) },
        ControlRoute(.get, "/metrics") { _, _, surface in
            let text = try await surface.metrics()
            return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4"], body: .init(byteBuffer: ByteBuffer(string: text)))
        },
        ControlRoute(.get, "/v1/queues") { _, _, surface in try JSONResponse.make(QueueList(queues: try await surface.queues())) },
        ControlRoute(.get, "/v1/queues/{queue}") { _, context, surface in
            try JSONResponse.make(try await surface.queue(try context.pathValue("queue")))
        },
        ControlRoute(.get, "/v1/agents") { _, _, surface in try JSONResponse.make(AgentList(agents: try await surface.agents())) },
        ControlRoute(.get, "/v1/agents/{agent}") { _, context, surface in
            try JSONResponse.make(try await surface.agent(try context.pathValue("agent")))
        },
        ControlRoute(.get, "/v1/calls") { _, _, surface in try JSONResponse.make(CallList(calls: try await surface.calls())) },
        ControlRoute(.get, "/v1/calls/{call}") { _, context, surface in
            try JSONResponse.make(try await surface.call(try context.pathValue("call")))
        },
        ControlRoute(.get, "/v1/calls/{call}/explain") { _, context, surface in
            try JSONResponse.make(try await surface.explain(call: try context.pathValue("call")))
        },
    ]
}
