import Crypto
import Foundation
import X509

/// Checks a client assertion the way Entra does: RS256 signature by the registered certificate's key,
/// `x5t` equal to the certificate's SHA-1 thumbprint, `iss` and `sub` equal to the client id, `aud`
/// naming this tenant's token endpoint, and `nbf`/`exp` around the present (five minutes of skew).
struct LocalGraphAssertionVerifier: Sendable {
    /// Why an assertion is refused, with Entra's error code.
    struct Failure: Error, Equatable {
        var code: Int
        var description: String
    }

    private let publicKey: Certificate.PublicKey
    private let thumbprint: String

    init(certificatePEM: String) throws {
        let certificate = try Certificate(pemEncoded: certificatePEM)
        publicKey = certificate.publicKey
        thumbprint = Self.base64URL(Data(Insecure.SHA1.hash(data: try certificate.serializeAsPEM().derBytes)))
    }

    func verify(_ jwt: String, clientID: String, tenant: String, now: Date) throws(Failure) {
        let parts = jwt.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3,
            let headerData = Self.decodeBase64URL(parts[0]), let claimsData = Self.decodeBase64URL(parts[1]),
            let signature = Self.decodeBase64URL(parts[2]),
            let header = try? JSONSerialization.jsonObject(with: headerData) as? [String: Any],
            let claims = try? JSONSerialization.jsonObject(with: claimsData) as? [String: Any]
        else {
            throw Failure(code: 50027, description: "JWT token is invalid or malformed.")
        }
        guard header["alg"] as? String == "RS256", header["x5t"] as? String == thumbprint else {
            throw Failure(code: 700027, description: "The certificate with identifier used to sign the client assertion is not registered on application.")
        }
        guard publicKey.isValidSignature(signature, for: Data((parts[0] + "." + parts[1]).utf8), signatureAlgorithm: .sha256WithRSAEncryption) else {
            throw Failure(code: 700027, description: "Client assertion failed signature validation.")
        }
        guard claims["iss"] as? String == clientID, claims["sub"] as? String == clientID else {
            throw Failure(code: 700021, description: "Client assertion application identifier doesn't match 'client_id' parameter.")
        }
        guard let audience = claims["aud"] as? String, audience.hasSuffix("/\(tenant)/oauth2/v2.0/token") else {
            throw Failure(code: 700212, description: "No matching federated identity record found for presented assertion audience.")
        }
        let skew = 300.0
        let nowSeconds = now.timeIntervalSince1970
        guard let expiry = (claims["exp"] as? NSNumber)?.doubleValue, expiry + skew > nowSeconds else {
            throw Failure(code: 700024, description: "Client assertion is not within its valid time range.")
        }
        if let notBefore = (claims["nbf"] as? NSNumber)?.doubleValue, notBefore - skew > nowSeconds {
            throw Failure(code: 700024, description: "Client assertion is not within its valid time range.")
        }
    }

    private static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    private static func decodeBase64URL(_ text: String) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64)
    }
}
