/// A SIP request method (RFC 3261 §7.1 and the extensions Switchboard speaks).
public enum SIPMethod: Hashable, Sendable, CustomStringConvertible {
    /// INVITE (RFC 3261): starts a session.
    case invite
    /// ACK (RFC 3261): confirms a final response to an INVITE.
    case ack
    /// BYE (RFC 3261): ends a session.
    case bye
    /// CANCEL (RFC 3261): cancels a pending request.
    case cancel
    /// OPTIONS (RFC 3261): asks for capabilities; SBCs use it as a keep-alive.
    case options
    /// REGISTER (RFC 3261): binds a contact to an address of record.
    case register
    /// INFO (RFC 6086): carries mid-dialog information.
    case info
    /// UPDATE (RFC 3311): changes session parameters before or after the answer.
    case update
    /// REFER (RFC 3515): asks the recipient to contact a third party (transfer).
    case refer
    /// NOTIFY (RFC 6665): reports an event, such as REFER progress.
    case notify
    /// PRACK (RFC 3262): acknowledges a reliable provisional response.
    case prack
    /// SUBSCRIBE (RFC 6665): asks for event notifications.
    case subscribe
    /// MESSAGE (RFC 3428): carries an instant message.
    case message
    /// Any other token; kept verbatim (methods are case-sensitive).
    case other(String)

    /// Maps a method token to its case; unknown tokens become `.other`.
    public init(_ token: String) {
        switch token {
        case "INVITE": self = .invite
        case "ACK": self = .ack
        case "BYE": self = .bye
        case "CANCEL": self = .cancel
        case "OPTIONS": self = .options
        case "REGISTER": self = .register
        case "INFO": self = .info
        case "UPDATE": self = .update
        case "REFER": self = .refer
        case "NOTIFY": self = .notify
        case "PRACK": self = .prack
        case "SUBSCRIBE": self = .subscribe
        case "MESSAGE": self = .message
        default: self = .other(token)
        }
    }

    /// The method token as it appears on the wire.
    public var token: String {
        switch self {
        case .invite: "INVITE"
        case .ack: "ACK"
        case .bye: "BYE"
        case .cancel: "CANCEL"
        case .options: "OPTIONS"
        case .register: "REGISTER"
        case .info: "INFO"
        case .update: "UPDATE"
        case .refer: "REFER"
        case .notify: "NOTIFY"
        case .prack: "PRACK"
        case .subscribe: "SUBSCRIBE"
        case .message: "MESSAGE"
        case .other(let token): token
        }
    }

    /// The method token as it appears on the wire.
    public var description: String { token }
}
