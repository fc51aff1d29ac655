/// Why the local Graph could not start.
public enum LocalGraphServerError: Error, Sendable {
    /// The socket has no local port after binding.
    case notBound
}
