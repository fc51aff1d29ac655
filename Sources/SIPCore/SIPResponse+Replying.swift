extension SIPResponse {
    /// A response to `request` built as RFC 3261 §8.2.6 asks: see `init(replyingTo:statusCode:reasonPhrase:toTag:)`
    /// taking headers.
    public init(replyingTo request: SIPRequest, statusCode: Int, reasonPhrase: String? = nil, toTag: String? = nil) {
        self.init(replyingTo: request.headers, statusCode: statusCode, reasonPhrase: reasonPhrase, toTag: toTag)
    }

    /// A response to the request whose headers are `headers` (RFC 3261 §8.2.6): every Via in order, From,
    /// To (given `toTag` only when it has no tag yet), Call-ID and CSeq are copied; a `100 Trying` also
    /// copies Timestamp (§8.2.6.1). No other header and no body. The reason phrase defaults to
    /// `standardReasonPhrase(for:)`.
    public init(replyingTo headers: SIPHeaders, statusCode: Int, reasonPhrase: String? = nil, toTag: String? = nil) {
        var to = headers.to
        if to.tag == nil, let toTag { to.tag = toTag }
        let fields = statusCode == 100 ? headers.fields.filter { $0.name.equalsIgnoringASCIICase("Timestamp") } : []
        self.init(statusCode: statusCode, reasonPhrase: reasonPhrase ?? Self.standardReasonPhrase(for: statusCode),
                  headers: SIPHeaders(via: headers.via, from: headers.from, to: to, callID: headers.callID,
                                      cseq: headers.cseq, fields: fields))
    }

    /// The reason phrase RFC 3261 §21 and its extensions give `statusCode`; for a code no RFC names,
    /// the name of its class (§21.1–§21.6), such as `Request Failure` for 499.
    public static func standardReasonPhrase(for statusCode: Int) -> String {
        if let phrase = reasonPhrases[statusCode] { return phrase }
        switch statusCode / 100 {
        case 1: return "Provisional"
        case 2: return "Successful"
        case 3: return "Redirection"
        case 4: return "Request Failure"
        case 5: return "Server Failure"
        case 6: return "Global Failure"
        default: return "Unknown"
        }
    }

    private static let reasonPhrases: [Int: String] = [
        100: "Trying", 180: "Ringing", 181: "Call Is Being Forwarded", 182: "Queued", 183: "Session Progress",
        199: "Early Dialog Terminated", 200: "OK", 202: "Accepted", 204: "No Notification",
        300: "Multiple Choices", 301: "Moved Permanently", 302: "Moved Temporarily", 305: "Use Proxy",
        380: "Alternative Service", 400: "Bad Request", 401: "Unauthorized", 402: "Payment Required",
        403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed", 406: "Not Acceptable",
        407: "Proxy Authentication Required", 408: "Request Timeout", 410: "Gone", 412: "Conditional Request Failed",
        413: "Request Entity Too Large", 414: "Request-URI Too Long", 415: "Unsupported Media Type",
        416: "Unsupported URI Scheme", 417: "Unknown Resource-Priority", 420: "Bad Extension",
        421: "Extension Required", 422: "Session Interval Too Small", 423: "Interval Too Brief",
        428: "Use Identity Header", 429: "Provide Referrer Identity", 433: "Anonymity Disallowed",
        436: "Bad Identity-Info", 437: "Unsupported Certificate", 438: "Invalid Identity Header",
        439: "First Hop Lacks Outbound Support", 440: "Max-Breadth Exceeded", 469: "Bad Info Package",
        470: "Consent Needed", 480: "Temporarily Unavailable", 481: "Call/Transaction Does Not Exist",
        482: "Loop Detected", 483: "Too Many Hops", 484: "Address Incomplete", 485: "Ambiguous", 486: "Busy Here",
        487: "Request Terminated", 488: "Not Acceptable Here", 489: "Bad Event", 491: "Request Pending",
        493: "Undecipherable", 494: "Security Agreement Required", 500: "Server Internal Error",
        501: "Not Implemented", 502: "Bad Gateway", 503: "Service Unavailable", 504: "Server Time-out",
        505: "Version Not Supported", 513: "Message Too Large", 580: "Precondition Failure",
        600: "Busy Everywhere", 603: "Decline", 604: "Does Not Exist Anywhere", 606: "Not Acceptable",
        607: "Unwanted", 608: "Rejected",
    ]
}
