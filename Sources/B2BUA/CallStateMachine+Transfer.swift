extension CallStateMachine {
    /// A blind transfer to an outside number: the caller waits on the new B-leg alone, outside the queue.
    mutating func handleTransferToNumber(_ event: Event, attempt: Int) -> [Action] {
        switch event {
        case .agentAnswered(attempt, let toTag):
            transferAttempt = nil
            state = .transferred(attempt: attempt)
            return [.reconnectCaller(attempt: attempt, toTag: toTag), .completeTransfer(statusCode: 200)]
        case .agentFailed(attempt, let statusCode):
            transferAttempt = nil
            state = .ended
            return [.completeTransfer(statusCode: statusCode), .hangUpCaller, .finished(.transferFailed(statusCode: statusCode))]
        case .callerHungUp, .limitReached:
            transferAttempt = nil
            state = .ended
            return [.cancelAgent(attempt: attempt), .completeTransfer(statusCode: 487)]
                + (event == .limitReached ? [.hangUpCaller] : []) + [.finished(.transferFailed(statusCode: 487))]
        default:
            return []
        }
    }

    /// The caller connected to an outside number after a blind transfer.
    mutating func handleTransferred(_ event: Event) -> [Action] {
        switch event {
        case .callerHungUp:
            state = .ended
            return [.hangUpAgent, .finished(.transferred(endedBy: .caller))]
        case .agentHungUp:
            state = .ended
            return [.hangUpCaller, .finished(.transferred(endedBy: .agent))]
        case .limitReached:
            state = .ended
            return [.hangUpCaller, .hangUpAgent, .finished(.transferred(endedBy: .switchboard))]
        case .agentTransferred:
            return [.rejectTransfer(statusCode: 403)]
        default:
            return []
        }
    }
}
