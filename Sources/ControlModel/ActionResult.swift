/// The answer to a call action or a drain: what was done to what.
public struct ActionResult: Codable, Equatable, Sendable {
    /// The action (`hangup`, `withdraw`, `priority`, `drain`).
    public var action: String
    /// The call it applied to; absent for `drain`.
    public var callID: String?
    /// What happened, in one line.
    public var message: String

    /// Creates a result.
    public init(action: String, callID: String?, message: String) {
        self.action = action
        self.callID = callID
        self.message = message
    }
}

/// The body of every error answer: a message, and the request field it is about when there is one.
public struct ErrorBody: Codable, Equatable, Sendable {
    /// What went wrong, in one line.
    public var error: String
    /// The path parameter or body field at fault (`agent`, `reason`, ...).
    public var field: String?

    /// Creates an error body.
    public init(error: String, field: String? = nil) {
        self.error = error
        self.field = field
    }
}
