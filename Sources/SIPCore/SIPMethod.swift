/// A SIP request method (RFC 3261 §7.1 and the extensions Switchboard speaks).
public enum SIPMethod: Hashable, Sendable, CustomStringConvertible {
    case invite, ack, bye, cancel, options, register, info, update, refer, notify, prack, subscribe, message
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
