import SIPCore

/// RFC 3261 §8.2.1–§8.2.3: the checks a UAS makes before it processes a request, each giving the
/// response the RFC names (405/501 method, 416 URI scheme, 420 extension, 415 content type).
public enum UASRequestInspection {
    /// Methods switchboardd implements, as advertised in `Allow`.
    public static let allowedMethods: [SIPMethod] = [.invite, .ack, .cancel, .bye, .options, .info, .update, .refer, .notify, .prack]
    /// Methods switchboardd recognises but does not accept (answered `405` with `Allow`).
    public static let recognisedMethods: [SIPMethod] = [.register, .subscribe, .message, .other("PUBLISH")]
    /// Option tags switchboardd supports (`Supported`); RFC 4028 session timers.
    public static let supportedExtensions = ["timer"]
    /// Body types switchboardd accepts on session requests.
    public static let acceptedContentTypes = ["application/sdp"]

    /// The `Allow` header value, written once.
    public static let allowHeader = allowedMethods.map(\.token).joined(separator: ", ")

    /// A response that rejects the request, or nil when the request may be processed.
    public static func rejection(for request: SIPRequest) -> SIPResponse? {
        if !allowedMethods.contains(request.method) {
            guard request.method != .ack else { return nil }
            let known = recognisedMethods.contains(request.method)
            var response = SIPResponse(replyingTo: request, statusCode: known ? 405 : 501)
            response.headers.add("Allow", allowHeader)
            return response
        }
        let scheme = request.requestURI.scheme
        if !scheme.equalsIgnoringASCIICase("sip") && !scheme.equalsIgnoringASCIICase("sips") && !scheme.equalsIgnoringASCIICase("tel") {
            return SIPResponse(replyingTo: request, statusCode: 416)
        }
        guard request.method != .ack && request.method != .cancel else { return nil }
        let unsupported = request.headers.require.filter { tag in !supportedExtensions.contains { $0.equalsIgnoringASCIICase(tag) } }
        if !unsupported.isEmpty {
            var response = SIPResponse(replyingTo: request, statusCode: 420)
            response.headers.add("Unsupported", unsupported.joined(separator: ", "))
            return response
        }
        if request.method == .invite || request.method == .update || request.method == .prack, !request.body.isEmpty,
           let contentType = request.headers.contentType,
           !acceptedContentTypes.contains(where: { hasMediaType($0, contentType) }) {
            var response = SIPResponse(replyingTo: request, statusCode: 415)
            response.headers.add("Accept", acceptedContentTypes.joined(separator: ", "))
            return response
        }
        return nil
    }

    /// The response to an out-of-dialog OPTIONS (RFC 3261 §11.2): capabilities, or `503` while draining.
    public static func optionsResponse(to request: SIPRequest, draining: Bool, retryAfterSeconds: Int) -> SIPResponse {
        var response = SIPResponse(replyingTo: request, statusCode: draining ? 503 : 200)
        if draining {
            response.headers.add("Retry-After", String(retryAfterSeconds))
        }
        response.headers.add("Allow", allowHeader)
        response.headers.add("Accept", acceptedContentTypes.joined(separator: ", "))
        response.headers.add("Supported", supportedExtensions.joined(separator: ", "))
        return response
    }

    /// Whether `contentType`'s media type, before its first parameter and without blanks, is
    /// `mediaType` ignoring ASCII case; compared byte by byte, with no String made.
    private static func hasMediaType(_ mediaType: String, _ contentType: String) -> Bool {
        var expected = mediaType.utf8.makeIterator()
        for byte in contentType.utf8.drop(while: { $0 == 0x3B }) {
            if byte == 0x3B { break }
            if byte == 0x20 || byte == 0x09 { continue }
            guard let wanted = expected.next() else { return false }
            guard byte == wanted || (byte | 0x20 == wanted | 0x20 && (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A) else { return false }
        }
        return expected.next() == nil
    }
}
