import SIPCore

/// The identifier of a dialog (RFC 3261 §12): Call-ID, local tag and remote tag, seen from our side.
///
/// Use it as a dictionary key to find the dialog of a message in O(1). Comparison is exact: Call-IDs
/// are case-sensitive and tags are compared as the opaque tokens they are. A peer that sends no
/// From tag (RFC 2543) is represented by an empty `remoteTag`.
public struct SIPDialogID: Hashable, Sendable {
    /// The Call-ID of every message in the dialog.
    public let callID: String
    /// The tag we put in the headers that name us (From in our requests, To in our responses).
    public let localTag: String
    /// The tag the peer put in the headers that name it; empty when an RFC 2543 peer sent none.
    public let remoteTag: String

    /// Creates a dialog identifier.
    public init(callID: String, localTag: String, remoteTag: String) {
        self.callID = callID
        self.localTag = localTag
        self.remoteTag = remoteTag
    }

    /// The id of the dialog a request from the peer belongs to, seen by us as its UAS (§12.2.2):
    /// local tag = To tag, remote tag = From tag. Nil when the To header has no tag (the request is
    /// outside any dialog, for example an initial INVITE or the CANCEL of one).
    public static func forIncoming(_ request: SIPRequest) -> SIPDialogID? {
        guard let localTag = request.headers.to.tag else { return nil }
        return SIPDialogID(callID: request.headers.callID, localTag: localTag, remoteTag: request.headers.from.tag ?? "")
    }

    /// The id of the dialog a response to our request belongs to, seen by us as its UAC (§12.1.2):
    /// local tag = From tag, remote tag = To tag. Nil when either tag is missing (a `100 Trying`,
    /// or a response that cannot belong to a dialog).
    public static func forIncoming(_ response: SIPResponse) -> SIPDialogID? {
        guard let localTag = response.headers.from.tag, let remoteTag = response.headers.to.tag else { return nil }
        return SIPDialogID(callID: response.headers.callID, localTag: localTag, remoteTag: remoteTag)
    }
}
