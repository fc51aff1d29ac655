extension SIPParseError {
    /// The error for a message rejected before libosip2 parsed it, with the headers a response needs
    /// salvaged from its header lines when it is a request.
    static func rejecting(_ bytes: UnsafeRawBufferPointer, frame: SIPMessageFrame, _ reason: Reason, _ detail: String) -> SIPParseError {
        let isRequest = !frame.isResponse(bytes)
        let headers = isRequest ? OSIPParser.parseHeaderLines(SIPRawHeaderLines(bytes, frame: frame).lines).parts.responseHeaders : nil
        return SIPParseError(reason: reason, detail: detail, isRequest: isRequest, responseHeaders: headers)
    }

    /// The error for a message libosip2 rejected: its header lines are fed to libosip2 one by one to
    /// find the one it refuses, and what it accepts is salvaged for the response.
    static func diagnosing(_ bytes: UnsafeRawBufferPointer, frame: SIPMessageFrame) -> SIPParseError {
        let isRequest = !frame.isResponse(bytes)
        let written = SIPRawHeaderLines(bytes, frame: frame)
        let (parts, rejectedLine) = OSIPParser.parseHeaderLines(written.lines)
        let (reason, detail) = explanation(written, rejectedLine: rejectedLine, contentLength: parts.contentLength,
                                           bodyBytes: frame.bodyBytesPresent, isRequest: isRequest)
        return SIPParseError(reason: reason, detail: detail, isRequest: isRequest,
                             responseHeaders: isRequest ? parts.responseHeaders : nil)
    }

    private static func explanation(_ written: SIPRawHeaderLines, rejectedLine: Int?, contentLength: String?,
                                    bodyBytes: Int, isRequest: Bool) -> (Reason, String) {
        if isRequest, let uri = written.requestURI, OSIPParser.uri(parsing: uri) == nil {
            return (.malformedRequestURI, "libosip2 cannot parse the Request-URI '\(uri)'")
        }
        if let rejectedLine {
            let line = written.lines[rejectedLine]
            guard let value = line.value else { return (.malformedHeader(line.name), "the header line has no colon") }
            if singleValued.contains(line.name), written.lines[..<rejectedLine].contains(where: { $0.name == line.name }) {
                return (.duplicateHeader(line.name), "\(line.name) appears more than once")
            }
            return (.malformedHeader(line.name), "libosip2 rejects \(line.name): \(value)")
        }
        if let contentLength, let length = SIPMessageParts.decimal(contentLength, below: Int.max), length > bodyBytes {
            return (.bodyLengthMismatch, "Content-Length \(length), \(bodyBytes) body bytes present")
        }
        return (.malformedBody, "libosip2 rejects the body of \(bodyBytes) bytes")
    }

    /// Headers a message carries at most once (RFC 3261 §7.3.1).
    private static let singleValued: Set = ["From", "To", "Call-ID", "CSeq", "Content-Length", "Content-Type",
                                            "Max-Forwards", "MIME-Version"]
}
