extension ACDEngine {
    /// Every call the engine holds (waiting, offered or connected), in no particular order.
    public var heldCallIDs: Dictionary<CallID, Int>.Keys { slotByCall.keys }
}
