import SIPCore
import SwitchboardTestKit
import Testing

/// A call answered by an agent and acknowledged on both legs, nothing left in flight.
struct ConnectedCall {
    var caller: SBCCaller
    var callerDialog: SIPTestDialog
    var agent: AgentLeg
    var agentDialog: SIPTestDialog
    /// Switchboard's 200 OK to the caller.
    var answer: SIPResponse
}

extension CallHarness {
    /// Calls `number`, lets the first agent offered ring and answer, acknowledges Switchboard's 200.
    func connect(calling number: String = TestQueues.sales, sourceLocation: SourceLocation = #_sourceLocation) throws -> ConnectedCall {
        let caller = caller(calling: number)
        let invite = try #require(receive(caller.invite).requests(.invite).first, sourceLocation: sourceLocation)
        let agent = agent(answering: invite)
        receive(agent.response(180))
        let answered = receive(agent.ok())
        #expect(answered.summary == ["ACK", "200 INVITE"], sourceLocation: sourceLocation)
        let answer = try #require(answered.responses.first, sourceLocation: sourceLocation)
        let callerDialog = caller.dialog(answeredBy: answer)
        #expect(receive(callerDialog.ack(sequenceNumber: 1)).summary == [], sourceLocation: sourceLocation)
        return ConnectedCall(caller: caller, callerDialog: callerDialog, agent: agent, agentDialog: agent.dialog(), answer: answer)
    }

    /// The caller hangs up a connected call: 200 to the caller, BYE to the agent, answered 200.
    func callerHangsUp(_ call: inout ConnectedCall, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let sent = receive(call.callerDialog.request(.bye))
        #expect(sent.summary == ["200 BYE", "BYE"], sourceLocation: sourceLocation)
        let bye = try #require(sent.requests(.bye).first, sourceLocation: sourceLocation)
        #expect(bye.headers.callID == call.agent.invite.headers.callID, sourceLocation: sourceLocation)
        #expect(bye.headers.to.tag == call.agent.toTag, sourceLocation: sourceLocation)
        #expect(receive(call.agent.response(to: bye)).summary == [], sourceLocation: sourceLocation)
    }
}
