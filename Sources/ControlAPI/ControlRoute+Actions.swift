import ControlModel
import Hummingbird

extension ControlRoute {
    /// The actions (POST with a JSON object body).
    static let actions: [ControlRoute] = agentActions + [
        ControlRoute(.post, "/v1/calls/{call}/hangup") { request, context, surface in
            _ = try await JSONFields.read(request, allowing: [])
            return try JSONResponse.make(try await surface.perform(.hangUp, call: try context.pathValue("call")))
        },
        ControlRoute(.post, "/v1/calls/{call}/withdraw") { request, context, surface in
            let target = try withdrawTarget(try await JSONFields.read(request, allowing: ["queue", "keepPosition", "number", "hangUp"]))
            return try JSONResponse.make(try await surface.perform(.withdraw(target), call: try context.pathValue("call")))
        },
        ControlRoute(.post, "/v1/calls/{call}/priority") { request, context, surface in
            let body = try await JSONFields.read(request, allowing: ["priority"])
            let priority = try body.required("priority", body.integer)
            guard (-1_000...1_000).contains(priority) else {
                throw ControlError.badRequest(field: "priority", message: "priority must be from -1000 to 1000, got \(priority)")
            }
            return try JSONResponse.make(try await surface.perform(.reprioritize(priority), call: try context.pathValue("call")))
        },
        ControlRoute(.post, "/v1/queues/{queue}/emergency") { request, context, surface in
            let body = try await JSONFields.read(request, allowing: ["active"])
            let active = try body.required("active", body.bool)
            return try JSONResponse.make(QueueList(queues: try await surface.setEmergency(queue: try context.pathValue("queue"), active: active)))
        },
        ControlRoute(.post, "/v1/emergency") { request, _, surface in
            let body = try await JSONFields.read(request, allowing: ["active"])
            let active = try body.required("active", body.bool)
            return try JSONResponse.make(QueueList(queues: try await surface.setEmergency(queue: nil, active: active)))
        },
        ControlRoute(.post, "/v1/drain") { request, _, surface in
            _ = try await JSONFields.read(request, allowing: [])
            return try JSONResponse.make(try await surface.drain(), status: .accepted)
        },
        ControlRoute(.post, "/v1/reload") { request, _, surface in
            _ = try await JSONFields.read(request, allowing: [])
            return try JSONResponse.make(try await surface.reload())
        },
    ]

    private static let agentActions: [ControlRoute] = [
        agentAction("login") { _ in .login },
        agentAction("logout") { _ in .logout },
        agentAction("pause", fields: ["reason"]) { body in .pause(reason: try breakReason(body)) },
        agentAction("resume") { _ in .resume },
        agentAction("end-break") { _ in .endBreak },
    ]

    /// `POST /v1/agents/{agent}/<name>`: reads the body's `fields` into an action, answers the agent.
    private static func agentAction(_ name: String, fields: Set<String> = [],
                                    _ action: @escaping @Sendable (JSONFields) throws -> AgentAction) -> ControlRoute {
        ControlRoute(.post, "/v1/agents/{agent}/\(name)") { request, context, surface in
            let body = try await JSONFields.read(request, allowing: fields)
            return try JSONResponse.make(try await surface.perform(try action(body), agent: try context.pathValue("agent")))
        }
    }

    /// A break reason: 1 to 64 printable characters, not the engine's own `RONA`.
    static func breakReason(_ body: JSONFields) throws -> String {
        let reason = try body.required("reason", body.string)
        guard (1...64).contains(reason.count), reason.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) else {
            throw ControlError.badRequest(field: "reason", message: "reason must be 1 to 64 printable characters")
        }
        guard reason.uppercased() != "RONA" else {
            throw ControlError.badRequest(field: "reason", message: "reason RONA is kept for ring-no-answer breaks")
        }
        return reason
    }

    /// The withdraw body: at most one of `queue` (with `keepPosition`), `number` or `hangUp: true`.
    static func withdrawTarget(_ body: JSONFields) throws -> WithdrawTarget? {
        let chosen = ["queue", "number", "hangUp"].filter(body.has)
        guard chosen.count <= 1 else {
            throw ControlError.badRequest(field: chosen[1], message: "give at most one of queue, number, hangUp")
        }
        if body.has("keepPosition"), !body.has("queue") {
            throw ControlError.badRequest(field: "keepPosition", message: "keepPosition goes with queue")
        }
        if let queue = try body.string("queue") {
            return .queue(queue, keepPosition: try body.bool("keepPosition") ?? false)
        }
        if let number = try body.string("number") {
            guard number.count >= 3, number.count <= 16, number.first == "+", number.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber }) else {
                throw ControlError.badRequest(field: "number", message: "number must be an E.164 number with a leading +, got \"\(number)\"")
            }
            return .number(number)
        }
        if let hangUp = try body.bool("hangUp") {
            guard hangUp else { throw ControlError.badRequest(field: "hangUp", message: "hangUp must be true (or left out)") }
            return .hangUp
        }
        return nil
    }
}
