import Crypto
import Foundation
import X509

/// Builds the certificate-signed client assertion for the client-credentials flow: an RS256 JWT whose
/// header names the certificate by its SHA-1 thumbprint (`x5t`) and whose claims name the app
/// (`iss`, `sub`), the token endpoint (`aud`), a unique id (`jti`) and a ten-minute validity.
public struct GraphClientAssertion: Sendable {
    private let privateKey: Certificate.PrivateKey
    private let thumbprint: String

    /// Loads a PEM certificate and its PEM private key (RSA); throws if they do not belong together.
    public init(certificatePEM: String, privateKeyPEM: String) throws(GraphPresenceError) {
        let certificate: Certificate
        let privateKey: Certificate.PrivateKey
        do {
            certificate = try Certificate(pemEncoded: certificatePEM)
            privateKey = try Certificate.PrivateKey(pemEncoded: privateKeyPEM)
        } catch {
            throw .configuration("cannot read the Graph certificate or its private key: \(error)")
        }
        guard privateKey.publicKey == certificate.publicKey else {
            throw .configuration("the Graph private key does not belong to the certificate")
        }
        guard privateKey.supportedSignatureAlgorithms.contains(.sha256WithRSAEncryption) else {
            throw .configuration("the Graph certificate key must be RSA (the token endpoint expects RS256)")
        }
        guard let der = try? certificate.serializeAsPEM().derBytes else {
            throw .configuration("cannot serialize the Graph certificate")
        }
        self.privateKey = privateKey
        self.thumbprint = Base64URL.encode(Insecure.SHA1.hash(data: der))
    }

    /// Loads the certificate and key from PEM files.
    public init(certificatePath: String, privateKeyPath: String) throws(GraphPresenceError) {
        guard let certificate = try? String(contentsOfFile: certificatePath, encoding: .utf8),
            let key = try? String(contentsOfFile: privateKeyPath, encoding: .utf8)
        else {
            throw .configuration("cannot read \(certificatePath) or \(privateKeyPath)")
        }
        try self.init(certificatePEM: certificate, privateKeyPEM: key)
    }

    /// The signed JWT for `clientID` and the token endpoint `audience`, issued at `issuedAt` (wall clock).
    public func assertion(clientID: String, audience: String, issuedAt: Date, id: UUID) throws(GraphPresenceError) -> String {
        let issued = Int(issuedAt.timeIntervalSince1970)
        let header: [String: String] = ["alg": "RS256", "typ": "JWT", "x5t": thumbprint]
        let claims: [String: any Sendable] = [
            "aud": audience, "iss": clientID, "sub": clientID, "jti": id.uuidString.lowercased(),
            "iat": issued, "nbf": issued, "exp": issued + 600,
        ]
        guard let headerJSON = try? JSONSerialization.data(withJSONObject: header, options: .sortedKeys),
            let claimsJSON = try? JSONSerialization.data(withJSONObject: claims, options: .sortedKeys)
        else {
            throw .configuration("cannot encode the client assertion")
        }
        let signingInput = Base64URL.encode(headerJSON) + "." + Base64URL.encode(claimsJSON)
        do {
            let signature = try privateKey.sign(
                bytes: Array(signingInput.utf8), signatureAlgorithm: .sha256WithRSAEncryption)
            return signingInput + "." + Base64URL.encode(signature.rawRepresentation)
        } catch {
            throw .configuration("cannot sign the client assertion: \(error)")
        }
    }
}
