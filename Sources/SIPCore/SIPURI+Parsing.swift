extension SIPURI {
    /// Parses a SIP, SIPS or tel URI, or any other `absoluteURI` (kept opaque), with libosip2.
    ///
    /// libosip2 percent-decodes the user, password, parameters and headers; SIPCore encodes again only
    /// what RFC 3261 §25.1 requires, so `sip:%75ser@host` reads back as `sip:user@host`.
    public init(parsing text: String) throws(SIPParseError) {
        guard let uri = OSIPParser.uri(parsing: text) else {
            throw SIPParseError(reason: .malformedHeader("URI"), detail: "'\(text)' is not a URI", isRequest: false)
        }
        self = uri
    }

    /// A URI whose scheme libosip2 does not parse: a tel URI keeps its number in `host` and its
    /// parameters in `parameters` (RFC 3966), any other scheme keeps everything after the colon in `host`.
    init(scheme: String, opaque: String) {
        guard scheme == "tel" else {
            self.init(scheme: scheme, host: opaque)
            return
        }
        var pieces = opaque.split(separator: ";", omittingEmptySubsequences: false)
        let number = String(pieces.removeFirst())
        let parameters = pieces.map { piece in
            let pair = piece.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return SIPParameter(name: String(pair[0]), value: pair.count > 1 ? String(pair[1]) : nil)
        }
        self.init(scheme: scheme, host: number, parameters: parameters)
    }
}
