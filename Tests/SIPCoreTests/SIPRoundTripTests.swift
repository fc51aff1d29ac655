import Foundation
import SIPCore
import Testing

/// The round-trip property on inputs coverage-guided fuzzing found (see docs/fuzzing.md): whatever the
/// parser accepts is written in a form that parses back to the same message and is written the same
/// way again; what it refuses, it refuses with a `SIPParseError` that names the real fault.
@Suite("Round trip of fuzzed inputs")
struct SIPRoundTripTests {
    /// A request around `lines`, which replace the header of the same name (or are added).
    static func request(uri: String = "sip:bob@example.com", _ lines: [String] = []) -> [UInt8] {
        var headers = ["Via: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK776", "From: <sip:a@example.com>;tag=1",
                       "To: <sip:bob@example.com>", "Call-ID: c1", "CSeq: 1 INVITE", "Max-Forwards: 70"]
        for line in lines {
            let name = line.prefix { $0 != ":" }
            if let index = headers.firstIndex(where: { $0.hasPrefix(name + ":") }) { headers[index] = line } else { headers.append(line) }
        }
        return Array(("INVITE \(uri) SIP/2.0\r\n" + headers.joined(separator: "\r\n") + "\r\nContent-Length: 0\r\n\r\n").utf8)
    }

    /// Checks the property; returns the message when it was accepted.
    @discardableResult
    static func expectRoundTrip(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) -> SIPMessage? {
        let shown = String(decoding: bytes, as: UTF8.self).debugDescription
        let message: SIPMessage
        do {
            message = try SIPMessage(parsing: bytes)
        } catch {
            #expect(error.reason != .malformedBody || hasBody(bytes), "\(error) for \(shown)", sourceLocation: sourceLocation)
            return nil
        }
        let written = message.serialized()
        let again = try? SIPMessage(parsing: written)
        #expect(again == message, "\(shown) was written as \(String(decoding: written, as: UTF8.self).debugDescription)",
                sourceLocation: sourceLocation)
        #expect(again?.serialized() == written, "\(shown) is written differently the second time", sourceLocation: sourceLocation)
        return message
    }

    /// Whether bytes follow the empty line that ends the headers: only then can the body be at fault.
    static func hasBody(_ bytes: [UInt8]) -> Bool {
        for index in bytes.indices.dropLast() where bytes[index] == 0x0A {
            if bytes[index + 1] == 0x0A { return index + 2 < bytes.count }
            if index + 2 < bytes.count, bytes[index + 1] == 0x0D, bytes[index + 2] == 0x0A { return index + 3 < bytes.count }
        }
        return false
    }

    @Test("a host that is a single colon is refused, not read out of bounds", arguments: [
        request(uri: "sip:bob@[:]"),
        request(["Via: SIP/2.0/UDP [:];branch=z9hG4bK1"]),
        request(["To: <sip:bob@[:]>"]),
    ])
    func singleColonHost(bytes: [UInt8]) {
        #expect(throws: SIPParseError.self) { try SIPMessage(parsing: bytes) }
    }

    @Test("an empty parameter value is refused, written directly or folded")
    func emptyParameterValue() throws {
        #expect(Self.expectRoundTrip(Self.request(["From: <sip:a@example.com> ;\r\n tag = ;x8"])) == nil)
        #expect(Self.expectRoundTrip(Self.request(["From: <sip:a@example.com>;tag=;x8"])) == nil)
    }

    @Test("a Via whose version is lost in folding is refused")
    func viaVersionLost() {
        let bytes = Self.request(["Via: SIP  0  . 2/\r\n /UDP\r\n 192.0.2.2;branch=z9hG4bK1"])
        #expect(Self.expectRoundTrip(bytes) == nil)
    }

    @Test("an address without angle brackets that cannot be written inside them is refused", arguments: [
        request(["To:Rsip:u>ser@example.com"]),
        request(["F:el:t>"]),
        request(["To: si:2e"]),
        request(["To: sip:e"]),
        request(["Contact:<sip:l;>"]),
        request(["Contact:<sip:h;%>"]),
        request(["Contact:<sip:l;x=%>"]),
        request(["Contact:<sip:a:%@example.com>"]),
        request(["Accept: t/ ;"]),
        request(["Accept: text/plain; ;"]),
    ])
    func closingBracketInBareAddress(bytes: [UInt8]) {
        #expect(Self.expectRoundTrip(bytes) == nil)
    }

    @Test("control bytes and 0xFF in header names, values and Via round-trip or are refused by name", arguments: [
        request(["X-A\u{1D}b: 1"]),
        request(["X-A: a\u{1D}b"]),
        request(["Via: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK\u{1D}1"]),
        request(["X-A: a\0b"]),
        request(["X-A\0b: 1"]),
        request(["Via: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK\01"]),
    ])
    func controlBytes(bytes: [UInt8]) {
        Self.expectRoundTrip(bytes)
    }

    @Test("a header line libosip2 rejects past a NUL is the one the error names, not the body")
    func rejectedLineWithNUL() {
        #expect(throws: SIPParseError.self) { try SIPMessage(parsing: Self.request(["Content-Type: a/b\0/;;"])) }
        do {
            _ = try SIPMessage(parsing: Self.request(["Content-Type: a/b\0/;;"]))
        } catch {
            #expect(error.reason == .malformedHeader("Content-Type"), "\(error)")
        }
    }

    @Test("a multipart body part with two Content-Types is refused before libosip2 can leak the first", arguments: [
        "Content-Type: multipart/mixed;boundary=7a9", "Content-Type: MultiPart/Mixed;boundary=7a9", "c: multipart/mixed;boundary=7a9",
    ])
    func multipartPartWithTwoContentTypes(contentType: String) {
        let body = "--7a9\r\nContent-Type: text/plain\r\ncontent-type: text/html\r\n\r\nhello\r\n--7a9--\r\n"
        let bytes = Self.request([contentType]).dropLast(21) + Array("Content-Length: \(body.utf8.count)\r\n\r\n\(body)".utf8)
        do {
            _ = try SIPMessage(parsing: Array(bytes))
            Issue.record("accepted")
        } catch {
            #expect(error.reason == .malformedBody, "\(error)")
        }
    }

    @Test("a body naming Content-Type twice is kept when the headers name no multipart type")
    func twoContentTypesOutsideMultipart() throws {
        let body = "Content-Type: text/plain\r\ncontent-type: text/html\r\n"
        let bytes = Self.request(["Content-Type: text/plain", "Subject: multi part/mixed"]).dropLast(21)
            + Array("Content-Length: \(body.utf8.count)\r\n\r\n\(body)".utf8)
        guard case .request(let request) = try SIPMessage(parsing: Array(bytes)) else { throw SIPParseError(reason: .empty, detail: "", isRequest: false) }
        #expect(request.body == Array(body.utf8))
    }

    @Test("a URI header with an empty value round-trips")
    func emptyURIHeaderValue() {
        #expect(Self.expectRoundTrip(Self.request(["Contact: <sip:a@example.com?subject=>"])) != nil)
    }

    @Test("0xFF in a header name or value round-trips or is refused by name")
    func byteFF() {
        for line in ["X-A\u{FF}b: 1", "X-A: a\u{FF}b", "Via: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK\u{FF}1"] {
            var bytes = Self.request([line])
            // The literal above is UTF-8 (C3 BF); the fuzzer's input had the single byte FF.
            if let index = bytes.firstIndex(of: 0xC3) { bytes.replaceSubrange(index...(index + 1), with: [0xFF]) }
            Self.expectRoundTrip(bytes)
        }
    }

    @Test("%01 next to %00 in a URI keeps its value", arguments: [
        "sip:bob@example.com;unk%01%00x", "sip:u%01%00%00%00ser@example.com",
    ])
    func escapedOneBesideEscapedNUL(uri: String) throws {
        let message = try #require(Self.expectRoundTrip(Self.request(uri: uri)))
        guard case .request(let request) = message else { throw SIPParseError(reason: .empty, detail: "", isRequest: false) }
        #expect(request.requestURI.description.contains("%01"))
    }

    /// The regression inputs directly under Fuzz/Regressions, when the source tree is at hand.
    static let regressions: [URL] = {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Fuzz/Regressions").standardizedFileURL
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        // Subfolders hold inputs for scripts/fuzz only: libosip2-leaks/ would fail valgrind, not SIPCore.
        return names.sorted().map { folder.appendingPathComponent($0) }.filter { url in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) && !isFolder.boolValue
                && url.pathExtension != "md"
        }
    }()

    @Test("every regression input round-trips or is refused", arguments: regressions)
    func regression(file: URL) throws {
        Self.expectRoundTrip([UInt8](try Data(contentsOf: file)))
    }
}
