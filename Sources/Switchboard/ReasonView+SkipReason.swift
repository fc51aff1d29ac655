import ACD
import ControlModel

extension ReasonView {
    /// The engine's reason as a code and a sentence.
    init(_ reason: SkipReason) {
        switch reason {
        case .loggedOut: self.init(code: "loggedOut", text: "logged out")
        case .onBreak(let reason) where reason == .rona: self.init(code: "onBreak", text: "on a RONA break after missed offers")
        case .onBreak(let reason): self.init(code: "onBreak", text: "on a break (\(reason))")
        case .reserved(let call): self.init(code: "reserved", text: "reserved for call \(call)")
        case .offering(let call): self.init(code: "offering", text: "ringing for call \(call)")
        case .onCall(let call): self.init(code: "onCall", text: "on call \(call)")
        case .wrapUp(let remaining): self.init(code: "wrapUp", text: "in wrap-up for \(Self.wholeSeconds(remaining)) s more")
        case .backOff(let failure, let remaining):
            self.init(code: "backOff", text: "backing off after \(failure) for \(Self.wholeSeconds(remaining)) s more")
        case .presence(let presence):
            self.init(code: "presence", text: "Teams presence \(presence.availability.rawValue)/\(presence.activity.graphValue) is not routable here")
        case .presenceUnknown: self.init(code: "presenceUnknown", text: "Teams presence unknown")
        case .presenceStale(let age): self.init(code: "presenceStale", text: "Teams presence is stale (\(Self.wholeSeconds(age)) s old)")
        case .tierNotYetAllowed(let tier, let allowed):
            self.init(code: "tierNotYetAllowed", text: "tier \(tier) not yet allowed (up to tier \(allowed) so far)")
        case .notSkilled(let skill, let required, let has): self.init(code: "notSkilled", text: "skill \(skill) \(has), needs \(required)")
        case .declinedThisCall: self.init(code: "declinedThisCall", text: "declined this call")
        }
    }

    private static func wholeSeconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds + (attoseconds > 0 ? 1 : 0)
    }
}
