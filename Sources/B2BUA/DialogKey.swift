/// Finds the call that owns a dialog from one side's Call-ID and Switchboard's own tag in it.
struct DialogKey: Hashable {
    /// The Call-ID of that leg.
    var callID: String
    /// Switchboard's tag in that leg (To tag on the caller's side, From tag on the agent's).
    var localTag: String
}
