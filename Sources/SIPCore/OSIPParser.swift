private import COSIP

/// The one door to libosip2: every call into the C parser, every `osip_*` structure and every
/// `osip_message_free` lives in this file, and nothing of libosip2 leaves it but Swift values.
///
/// libosip2 is initialised once, lazily and thread-safely (a global `let`), with its traces silenced.
/// After that its parser keeps no shared state, so messages can be parsed on any thread.
enum OSIPParser {
    /// Parses a framed message; nil when libosip2 rejects it.
    static func parseMessage(_ bytes: UnsafeRawBufferPointer, frame: SIPMessageFrame) -> SIPMessageParts? {
        guard isReady else { return nil }
        if frame.holdsNUL || frame.holdsEscapedNUL {
            guard let (decoder, copy) = CStringDecoder.substituting(bytes, before: frame.bodyStart ?? frame.count) else { return nil }
            return copy.withUnsafeBytes { parse($0, decoder: decoder) }
        }
        return parse(bytes, decoder: CStringDecoder())
    }

    /// Feeds header lines to libosip2 one at a time, as its message parser would, keeping what it accepts.
    /// A rejected value is retried once after `SIPRawHeaderLines.repaired(_:)`, so the parts can still
    /// answer with a `400`; `rejectedLine` is the index of the first line libosip2 rejected as written.
    static func parseHeaderLines(_ lines: [SIPRawHeaderLines.Line]) -> (parts: SIPMessageParts, rejectedLine: Int?) {
        guard isReady else { return (SIPMessageParts(), lines.isEmpty ? nil : 0) }
        return withMessage { message in
            var rejectedLine: Int?
            for (index, line) in lines.enumerated() {
                guard let value = line.value else {
                    rejectedLine = rejectedLine ?? index
                    continue
                }
                if set(line.name, value, on: message) { continue }
                rejectedLine = rejectedLine ?? index
                let repaired = SIPRawHeaderLines.repaired(value)
                if repaired != value { _ = set(line.name, repaired, on: message) }
            }
            var parts = SIPMessageParts()
            Converter(decoder: CStringDecoder()).readHeaders(of: message.pointee, into: &parts)
            return (parts, rejectedLine)
        }
    }

    /// Parses a URI with `osip_uri_parse`; nil when it is not one or holds whitespace or control characters.
    static func uri(parsing text: String) -> SIPURI? {
        guard isReady, !text.utf8.contains(where: { $0 <= .space }) else { return nil }
        return CStringDecoder.withCString(text) { decoder, text in
            var uri: UnsafeMutablePointer<osip_uri_t>?
            guard osip_uri_init(&uri) == 0, let uri else { return nil }
            defer { osip_uri_free(uri) }
            guard osip_uri_parse(uri, text) == 0 else { return nil }
            return Converter(decoder: decoder).uri(uri.pointee)
        }
    }

    /// Parses a `name-addr` or `addr-spec` with header parameters with `osip_from_parse`.
    static func nameAddress(parsing text: String) -> SIPNameAddress? {
        guard isReady else { return nil }
        return CStringDecoder.withCString(text) { decoder, text in
            var address: UnsafeMutablePointer<osip_from_t>?
            guard osip_from_init(&address) == 0, let address else { return nil }
            defer { osip_from_free(address) }
            guard osip_from_parse(address, text) == 0 else { return nil }
            return Converter(decoder: decoder).nameAddress(address.pointee)
        }
    }

    private static var isReady: Bool { osipParserReady }

    private static func parse(_ bytes: UnsafeRawBufferPointer, decoder: CStringDecoder) -> SIPMessageParts? {
        withMessage { message in
            let start = bytes.baseAddress?.assumingMemoryBound(to: CChar.self)
            guard osip_message_parse(message, start, bytes.count) == 0 else { return nil }
            return Converter(decoder: decoder).parts(of: message.pointee)
        }
    }

    private static func withMessage<Result>(_ body: (UnsafeMutablePointer<osip_message_t>) -> Result) -> Result {
        var message: UnsafeMutablePointer<osip_message_t>?
        guard osip_message_init(&message) == 0, let message else { fatalError("libosip2 could not allocate a message") }
        defer { osip_message_free(message) }
        return body(message)
    }

    private static func set(_ name: String, _ value: String, on message: UnsafeMutablePointer<osip_message_t>) -> Bool {
        var name = Array(name.utf8CString)
        var value = Array(value.utf8CString)
        return osip_message_set_multiple_header(message, &name, &value) == 0
    }
}

/// Set once, by the first parse on any thread.
private let osipParserReady: Bool = {
    cosip_silence_traces()
    return parser_init() == 0
}()

/// Turns libosip2's structures into SIPCore values.
private struct Converter {
    let decoder: CStringDecoder

    private func text(_ pointer: UnsafeMutablePointer<CChar>) -> String { decoder.text(pointer) }

    func parts(of message: osip_message_t) -> SIPMessageParts {
        var parts = SIPMessageParts()
        if message.status_code == 0 {
            parts.method = message.sip_method.map(text)
            parts.requestURI = message.req_uri.flatMap { uri($0.pointee) }
        } else {
            parts.statusCode = Int(message.status_code)
            parts.reasonPhrase = message.reason_phrase.map(text) ?? ""
        }
        readHeaders(of: message, into: &parts)
        return parts
    }

    func readHeaders(of message: osip_message_t, into parts: inout SIPMessageParts) {
        parts.via.reserveCapacity(Int(message.vias.nb_elt))
        message.vias.forEach(as: osip_via_t.self) { element in
            if let via = via(element) { parts.via.append(via) } else { parts.noteMalformed("Via") }
        }
        if let from = message.from {
            parts.from = nameAddress(from.pointee)
            if parts.from == nil { parts.noteMalformed("From") }
        }
        if let to = message.to {
            parts.to = nameAddress(to.pointee)
            if parts.to == nil { parts.noteMalformed("To") }
        }
        if let callID = message.call_id?.pointee, let number = callID.number {
            parts.callID = callID.host.map { decoder.text(number) + "@" + decoder.text($0) } ?? decoder.text(number)
        }
        if let cseq = message.cseq?.pointee {
            parts.cseqNumber = cseq.number.map(text)
            parts.cseqMethod = cseq.method.map(text)
        }
        message.contacts.forEach(as: osip_contact_t.self) { contact in
            if contact.url == nil, let star = contact.displayname, decoder.text(star) == "*" {
                parts.fields.append(SIPHeaderField(name: "Contact", value: "*"))
            } else if let address = nameAddress(contact) {
                parts.contact.append(address)
            } else {
                parts.noteMalformed("Contact")
            }
        }
        message.routes.forEach(as: osip_route_t.self) { route in
            if let address = nameAddress(route) { parts.route.append(address) } else { parts.noteMalformed("Route") }
        }
        message.record_routes.forEach(as: osip_record_route_t.self) { route in
            if let address = nameAddress(route) { parts.recordRoute.append(address) } else { parts.noteMalformed("Record-Route") }
        }
        parts.contentType = message.content_type.flatMap { mediaType($0.pointee) }
        parts.contentLength = message.content_length?.pointee.value.map(text)
        message.headers.forEach(as: osip_header_t.self) { header in
            guard let name = header.hname else { return }
            let value = header.hvalue.map(text) ?? ""
            let canonical = SIPHeaderName.canonical(decoder.text(name))
            if canonical == "Max-Forwards" { parts.maxForwards.append(value) } else {
                parts.fields.append(SIPHeaderField(name: canonical, value: value))
            }
        }
        readListHeaders(of: message, into: &parts)
    }

    /// The headers libosip2 parses into lists of its own types; each list becomes one comma-joined field.
    /// libosip2 drops the parameters it does not know from the authentication headers, so for those it
    /// only reports their presence and SIPCore takes them as written.
    private func readListHeaders(of message: osip_message_t, into parts: inout SIPMessageParts) {
        func joined(_ name: String, _ values: [String]) {
            if !values.isEmpty { parts.fields.append(SIPHeaderField(name: name, value: values.joined(separator: ", "))) }
        }
        joined("Accept", message.accepts.map(as: osip_accept_t.self, mediaType))
        joined("Accept-Encoding", message.accept_encodings.map(as: osip_accept_encoding_t.self) { element($0.element, $0.gen_params) })
        joined("Accept-Language", message.accept_languages.map(as: osip_accept_language_t.self) { element($0.element, $0.gen_params) })
        joined("Alert-Info", message.alert_infos.map(as: osip_alert_info_t.self) { element($0.element, $0.gen_params) })
        joined("Allow", message.allows.map(as: osip_allow_t.self) { $0.value.map(text) })
        joined("Call-Info", message.call_infos.map(as: osip_call_info_t.self) { element($0.element, $0.gen_params) })
        joined("Content-Encoding", message.content_encodings.map(as: osip_content_encoding_t.self) { $0.value.map(text) })
        joined("Error-Info", message.error_infos.map(as: osip_error_info_t.self) { element($0.element, $0.gen_params) })
        if let version = message.mime_version?.pointee.value { joined("MIME-Version", [decoder.text(version)]) }
        parts.hasAuthenticationHeaders = message.authorizations.nb_elt + message.proxy_authorizations.nb_elt
            + message.www_authenticates.nb_elt + message.proxy_authenticates.nb_elt
            + message.authentication_infos.nb_elt + message.proxy_authentication_infos.nb_elt > 0
    }

    func uri(_ uri: osip_uri_t) -> SIPURI? {
        guard let schemeText = uri.scheme else { return nil }
        var scheme = decoder.text(schemeText)
        scheme.makeASCIILowercase()
        if let opaque = uri.string { return SIPURI(scheme: scheme, opaque: decoder.text(opaque)) }
        guard let hostText = uri.host else { return nil }
        let host = self.host(decoder.text(hostText))
        guard SIPURI.isPlausibleHost(host) else { return nil }
        let user = uri.username.map { decoder.uriPart($0, allowed: .user) }
        guard user?.isEmpty != true else { return nil }
        var port: Int?
        if let portText = uri.port {
            guard let value = SIPMessageParts.decimal(decoder.text(portText), below: 65_536) else { return nil }
            port = value
        }
        return SIPURI(scheme: scheme, user: user,
                      password: uri.password.map { decoder.uriPart($0, allowed: .password) }, host: host,
                      port: port, parameters: uriParameters(uri.url_params, allowed: .parameter),
                      headers: uriParameters(uri.url_headers, allowed: .header))
    }

    func nameAddress(_ address: osip_from_t) -> SIPNameAddress? {
        guard let url = address.url, let uri = uri(url.pointee) else { return nil }
        var displayName = address.displayname.map(text)
        if let quoted = displayName, quoted.utf8.count >= 2, quoted.utf8.first == .quote, quoted.utf8.last == .quote {
            displayName = String(quoted.dropFirst().dropLast())
        }
        return SIPNameAddress(displayName: displayName, uri: uri, parameters: parameters(address.gen_params))
    }

    private func via(_ via: osip_via_t) -> SIPVia? {
        guard let hostText = via.host, let transportText = via.`protocol` else { return nil }
        var written = decoder.text(hostText)
        if let comment = written.utf8.firstIndex(of: .space) { written = String(written[..<comment]) }
        let host = self.host(written)
        guard SIPURI.isPlausibleHost(host) else { return nil }
        var port: Int?
        if let portText = via.port {
            guard let value = SIPMessageParts.decimal(decoder.text(portText), below: 65_536) else { return nil }
            port = value
        }
        let version = via.version.map(text) ?? "2.0"
        var transport = decoder.text(transportText)
        transport.makeASCIIUppercase()
        return SIPVia(protocolVersion: version == "2.0" ? "SIP/2.0" : "SIP/" + version, transport: transport,
                      host: host, port: port, parameters: parameters(via.via_params))
    }

    /// libosip2 drops the brackets of an IPv6 reference; SIPCore keeps them.
    private func host(_ host: String) -> String {
        host.utf8.contains(.colon) ? "[" + host + "]" : host
    }

    private func parameters(_ list: osip_list_t) -> [SIPParameter] {
        list.map(as: osip_generic_param_t.self) { parameter in
            parameter.gname.map { SIPParameter(name: decoder.text($0), value: parameter.gvalue.map(text)) }
        }
    }

    private func uriParameters(_ list: osip_list_t, allowed: URICharacterSet) -> [SIPParameter] {
        list.map(as: osip_uri_param_t.self) { parameter in
            parameter.gname.map {
                SIPParameter(name: decoder.uriPart($0, allowed: allowed), value: parameter.gvalue.map { decoder.uriPart($0, allowed: allowed) })
            }
        }
    }

    /// `type/subtype` followed by its parameters, as in Content-Type and Accept.
    private func mediaType(_ type: osip_content_type_t) -> String? {
        guard let main = type.type, let sub = type.subtype else { return nil }
        return appendingParameters(decoder.text(main) + "/" + decoder.text(sub), type.gen_params)
    }

    private func element(_ element: UnsafeMutablePointer<CChar>?, _ list: osip_list_t) -> String? {
        element.map { appendingParameters(decoder.text($0), list) }
    }

    private func appendingParameters(_ text: String, _ list: osip_list_t) -> String {
        guard list.nb_elt > 0 else { return text }
        var text = text
        for parameter in parameters(list) {
            text += ";" + parameter.name
            if let value = parameter.value { text += "=" + value }
        }
        return text
    }
}

extension osip_list_t {
    /// Calls `body` with a pointer to each element, in order.
    fileprivate func forEachPointer<Element>(as type: Element.Type, _ body: (UnsafeMutablePointer<Element>) -> Void) {
        var node = self.node
        while let current = node {
            if let element = current.pointee.element { body(element.assumingMemoryBound(to: type)) }
            node = current.pointee.next
        }
    }

    /// Calls `body` with each element, in order.
    fileprivate func forEach<Element>(as type: Element.Type, _ body: (Element) -> Void) {
        forEachPointer(as: type) { body($0.pointee) }
    }

    /// The non-nil results of `transform` over the elements, in order.
    fileprivate func map<Element, Value>(as type: Element.Type, _ transform: (Element) -> Value?) -> [Value] {
        var values: [Value] = []
        values.reserveCapacity(Int(nb_elt))
        forEach(as: type) { transform($0).map { values.append($0) } }
        return values
    }
}
