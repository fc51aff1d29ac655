import Foundation
import LocalGraphServer
import Presence
import Testing
import X509
import _CryptoExtras

@Suite("Certificate-signed client assertion", .timeLimit(.minutes(1)))
struct GraphClientAssertionTests {
    /// A fresh RSA key and a self-signed certificate for it, as PEM.
    static func makeCertificate(commonName: String = "switchboard-test") throws -> (certificate: String, key: String) {
        let key = Certificate.PrivateKey(try _RSA.Signing.PrivateKey(keySize: .bits2048))
        let name = try DistinguishedName { CommonName(commonName) }
        let now = Date()
        let certificate = try Certificate(
            version: .v3,
            serialNumber: Certificate.SerialNumber(),
            publicKey: key.publicKey,
            notValidBefore: now - 3600,
            notValidAfter: now + 86_400,
            issuer: name,
            subject: name,
            signatureAlgorithm: .sha256WithRSAEncryption,
            extensions: Certificate.Extensions(),
            issuerPrivateKey: key
        )
        return (try certificate.serializeAsPEM().pemString, try key.serializeAsPEM().pemString)
    }

    static func write(_ text: String, name: String) throws -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("presence-tests-\(UUID().uuidString)-\(name)").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("The local Graph accepts an assertion signed with the registered certificate")
    func acceptedAssertion() async throws {
        let pem = try Self.makeCertificate()
        let certificatePath = try Self.write(pem.certificate, name: "cert.pem")
        let keyPath = try Self.write(pem.key, name: "key.pem")
        defer {
            try? FileManager.default.removeItem(atPath: certificatePath)
            try? FileManager.default.removeItem(atPath: keyPath)
        }
        try await LocalGraphFixture.with(userCount: 2, clientCertificatePEM: pem.certificate) { graph in
            let configuration = graph.configuration(
                credential: .certificate(certificatePath: certificatePath, privateKeyPath: keyPath))
            let client = try GraphPresenceClient(configuration: configuration, httpClient: .shared)
            #expect(try await client.presences(of: LocalGraphFixture.userIDs(2)).count == 2)
            #expect(graph.server.counters().tokensIssued == 1)
        }
    }

    @Test("An assertion signed by another certificate's key is refused as invalid_client")
    func foreignCertificate() async throws {
        let registered = try Self.makeCertificate(commonName: "registered")
        let other = try Self.makeCertificate(commonName: "other")
        let certificatePath = try Self.write(other.certificate, name: "cert.pem")
        let keyPath = try Self.write(other.key, name: "key.pem")
        defer {
            try? FileManager.default.removeItem(atPath: certificatePath)
            try? FileManager.default.removeItem(atPath: keyPath)
        }
        try await LocalGraphFixture.with(userCount: 1, clientCertificatePEM: registered.certificate) { graph in
            let configuration = graph.configuration(
                credential: .certificate(certificatePath: certificatePath, privateKeyPath: keyPath))
            let client = try GraphPresenceClient(configuration: configuration, httpClient: .shared)
            await #expect {
                try await client.presences(of: LocalGraphFixture.userIDs(1))
            } throws: { error in
                guard case .tokenRejected(400, "invalid_client", _) = error as? GraphPresenceError else { return false }
                return true
            }
            #expect(graph.server.counters().tokensIssued == 0)
        }
    }

    @Test("A key that does not belong to the certificate is a configuration error")
    func mismatchedKey() throws {
        let first = try Self.makeCertificate(commonName: "first")
        let second = try Self.makeCertificate(commonName: "second")
        #expect(throws: GraphPresenceError.self) {
            try GraphClientAssertion(certificatePEM: first.certificate, privateKeyPEM: second.key)
        }
    }

    @Test("The assertion is a three-part RS256 JWT naming the app and the audience")
    func assertionShape() throws {
        let pem = try Self.makeCertificate()
        let assertion = try GraphClientAssertion(certificatePEM: pem.certificate, privateKeyPEM: pem.key)
        let jwt = try assertion.assertion(
            clientID: "app-id", audience: "https://login.example/tenant/oauth2/v2.0/token",
            issuedAt: Date(timeIntervalSince1970: 1_800_000_000), id: UUID())
        let parts = jwt.split(separator: ".").map(String.init)
        #expect(parts.count == 3)
        let claims = try JSONSerialization.jsonObject(with: try #require(Self.base64URLDecode(parts[1]))) as? [String: Any]
        #expect(claims?["iss"] as? String == "app-id")
        #expect(claims?["sub"] as? String == "app-id")
        #expect(claims?["aud"] as? String == "https://login.example/tenant/oauth2/v2.0/token")
        #expect(claims?["exp"] as? Int == 1_800_000_600)
        let header = try JSONSerialization.jsonObject(with: try #require(Self.base64URLDecode(parts[0]))) as? [String: Any]
        #expect(header?["alg"] as? String == "RS256")
        #expect((header?["x5t"] as? String)?.count == 27)
    }

    static func base64URLDecode(_ text: String) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64)
    }
}
