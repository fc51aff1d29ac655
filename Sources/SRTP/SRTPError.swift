import CSRTP

/// A libsrtp call that failed, with its status (`srtp_err_status_t`).
public struct SRTPError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The libsrtp function that failed.
    public var operation: String
    /// libsrtp's status code: 7 is an authentication failure, 9 and 10 a replayed or too old packet.
    public var status: Int

    init(_ status: srtp_err_status_t, operation: String) {
        self.operation = operation
        self.status = Int(status.rawValue)
    }

    /// Whether the packet's tag did not authenticate it.
    public var isAuthenticationFailure: Bool { status == Int(srtp_err_status_auth_fail.rawValue) }

    /// Whether the packet repeats or predates the replay window.
    public var isReplay: Bool {
        status == Int(srtp_err_status_replay_fail.rawValue) || status == Int(srtp_err_status_replay_old.rawValue)
    }

    /// "srtp_unprotect failed: status 7 (authentication failure)".
    public var description: String {
        let meaning = isAuthenticationFailure ? " (authentication failure)" : isReplay ? " (replayed packet)" : ""
        return "\(operation) failed: status \(status)\(meaning)"
    }
}

/// libsrtp's one-time set-up, done by the first context.
enum SRTPLibrary {
    /// `srtp_init`'s outcome, run once per process.
    static let initialized: Result<Void, SRTPError> = {
        let status = srtp_init()
        return status == srtp_err_status_ok ? .success(()) : .failure(SRTPError(status, operation: "srtp_init"))
    }()
}
