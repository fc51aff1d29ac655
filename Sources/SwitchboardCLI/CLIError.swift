/// The exit codes of `switchboard`, for scripts.
public enum CLIExitCode: Int32, Sendable {
    /// Done.
    case ok = 0
    /// The API answered with an error (unknown id, refused value, conflict) or something unreadable.
    case apiError = 1
    /// The command line (or the CLI's configuration) is wrong.
    case usage = 2
    /// switchboardd could not be reached (not running, wrong `--url`).
    case unreachable = 3
    /// switchboardd refused the bearer token (missing or wrong).
    case unauthorized = 4
}

/// A failure that ends the command with a one-line message and an exit code.
public enum CLIError: Error, Equatable, Sendable {
    /// The API answered an error status with this message.
    case api(status: Int, message: String)
    /// The API answered something the CLI cannot read.
    case unreadableAnswer(String)
    /// A bad flag, argument or configuration value.
    case usage(String)
    /// No connection to the daemon.
    case unreachable(url: String, reason: String)
    /// 401 from the daemon.
    case unauthorized(url: String)

    /// The exit code.
    public var exitCode: CLIExitCode {
        switch self {
        case .api, .unreadableAnswer: .apiError
        case .usage: .usage
        case .unreachable: .unreachable
        case .unauthorized: .unauthorized
        }
    }

    /// The one-line message.
    public var message: String {
        switch self {
        case .api(let status, let message): "switchboardd answered \(status): \(message)"
        case .unreadableAnswer(let detail): "switchboardd answered something unreadable: \(detail)"
        case .usage(let message): message
        case .unreachable(let url, let reason): "cannot reach switchboardd at \(url) (\(reason)): is it running, with a control section, and is --url right?"
        case .unauthorized(let url): "switchboardd at \(url) refused the token: set --token-file or SWITCHBOARD_TOKEN to the daemon's control token"
        }
    }
}
