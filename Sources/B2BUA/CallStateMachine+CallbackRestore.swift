extension CallStateMachine {
    /// A callback entry kept across a restart: the caller was answered on hold, asked for the call
    /// back and left, so the call waits for an agent to answer its offer (no caller's leg), and each
    /// call back rings for `ringTimeout`.
    static func restoredCallback(callID: CallID, ringTimeout: Duration) -> CallStateMachine {
        var machine = CallStateMachine(callID: callID, answeredHold: true)
        machine.hold = .playing
        machine.callback = .awaitingAgent(ringTimeout: ringTimeout)
        return machine
    }
}
