import B2BUA
import Testing

/// Who is charged for a B-leg INVITE that did not connect: the trunk when nothing reached the
/// agent's side, the agent only when its endpoint rang (or refused).
@Suite("Classifying a failed offer")
struct OfferFailureClassificationTests {
    @Test("The highest provisional response is the attempt's progress",
          arguments: [(100, OfferProgress.accepted), (101, .accepted), (180, .ringing), (181, .ringing), (182, .ringing),
                      (183, .ringing), (189, .ringing), (199, .accepted)])
    func provisionalResponses(statusCode: Int, progress: OfferProgress) {
        #expect(OfferProgress(provisionalStatusCode: statusCode) == progress)
    }

    @Test("A ring timeout is the trunk's, the agent's unreachability or the agent's no-answer",
          arguments: [(OfferProgress.none, OfferFailure.trunkFailure), (.accepted, .unreachable), (.ringing, .noAnswer)])
    func ringTimeout(progress: OfferProgress, failure: OfferFailure) {
        #expect(OfferFailure(ringTimeoutAfter: progress) == failure)
    }

    @Test("Final responses: the SBC's (or a locally generated) 408, 5xx and a transport error are the trunk's",
          arguments: [(408, OfferFailure.trunkFailure), (500, .trunkFailure), (502, .trunkFailure), (503, .trunkFailure),
                      (504, .trunkFailure), (480, .unreachable), (404, .unreachable), (410, .unreachable), (486, .busy),
                      (600, .busy), (603, .declined)])
    func finalResponses(statusCode: Int, failure: OfferFailure) {
        #expect(OfferFailure(statusCode: statusCode) == failure)
    }

    @Test("Only an offer that rang reports ringing, once, and its timeout is classified by progress",
          arguments: [(OfferProgress.none, OfferFailure.trunkFailure), (.accepted, .unreachable), (.ringing, .noAnswer)])
    func stateMachineRingTimeout(progress: OfferProgress, failure: OfferFailure) {
        let alice = AgentOffer(agentID: "alice", number: "+15550201")
        var call = CallStateMachine(callID: "c1")
        _ = call.handle(.offer(alice, ringTimeout: .seconds(15)))
        #expect(call.handle(.ringTimeout(attempt: 1, progress: progress)) == [
            .cancelAgent(attempt: 1), .notify(.offerFailed("c1", agentID: "alice", failure)),
        ])
        #expect(call.ringing.isEmpty)
    }
}
