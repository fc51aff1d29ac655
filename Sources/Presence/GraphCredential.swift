/// How the app proves its identity to the token endpoint.
public enum GraphCredential: Sendable, Hashable, CustomStringConvertible {
    /// A client secret (`client_secret` in the form body).
    case clientSecret(GraphSecret)
    /// A certificate-signed client assertion (RS256 JWT); the paths name PEM files.
    case certificate(certificatePath: String, privateKeyPath: String)

    /// The kind of credential and, for a certificate, its file; never the secret.
    public var description: String {
        switch self {
        case .clientSecret: "client secret <redacted>"
        case .certificate(let certificatePath, _): "certificate \(certificatePath)"
        }
    }
}
