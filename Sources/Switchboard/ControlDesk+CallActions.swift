import ACD
import B2BUA
import ControlAPI
import ControlModel

extension ControlDesk {
    /// Acts on a waiting caller through the engine (hang-up, withdraw, priority); the call's shard
    /// found it in `state`, and already hung up an answered call itself.
    func perform(_ action: CallAction, call id: String, state: CallSnapshot.State) throws -> ActionResult {
        switch action {
        case .hangUp:
            try supervise(.withdraw(ACD.CallID(id), target: .hangUp(announcement: nil)), call: id, state: state)
            return ActionResult(action: "hangup", callID: id, message: "caller released with 480")
        case .withdraw(let target):
            let overflow = try target.map(overflowTarget)
            try supervise(.withdraw(ACD.CallID(id), target: overflow), call: id, state: state)
            return ActionResult(action: "withdraw", callID: id, message: target.map { "withdrawn to \(Self.describe($0))" }
                                ?? "withdrawn to the queue's withdrawn target")
        case .reprioritize(let priority):
            try supervise(.reprioritize(ACD.CallID(id), priority: priority), call: id, state: state)
            return ActionResult(action: "priority", callID: id, message: "priority set to \(priority)")
        }
    }

    /// Feeds the event; a caller the engine does not hold unanswered is a conflict, not a 404: the
    /// router holds the call.
    private func supervise(_ event: ACDEvent, call id: String, state: CallSnapshot.State) throws {
        let ignored = distributor.supervise(event)
        guard ignored.isEmpty else { throw Self.notWaiting(id, state: state) }
    }

    private func overflowTarget(_ target: WithdrawTarget) throws -> OverflowTarget {
        switch target {
        case .queue(let name, let keepPosition):
            guard engine.queue(QueueID(name), now: now) != nil else {
                throw ControlError.badRequest(field: "queue", message: "no queue \"\(name)\"")
            }
            return .queue(QueueID(name), keepPosition: keepPosition)
        case .number(let number): return .number(number)
        case .hangUp: return .hangUp(announcement: nil)
        }
    }

    private static func describe(_ target: WithdrawTarget) -> String {
        switch target {
        case .queue(let name, let keepPosition): "queue \(name)" + (keepPosition ? ", keeping the caller's place" : "")
        case .number(let number): number
        case .hangUp: "hang-up"
        }
    }
}
