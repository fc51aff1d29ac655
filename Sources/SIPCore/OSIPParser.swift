private import COSIP
private import CParseArena

/// The one door to libosip2: every call into the C parser and every `osip_*` structure lives in this
/// file, and nothing of libosip2 leaves it but Swift values.
///
/// libosip2 is initialised once, lazily and thread-safely (a global `let`), with its traces silenced
/// and its allocators set to the parse arena (`CParseArena`). After that its parser keeps no shared
/// state, so messages can be parsed on any thread. Each entry point runs inside the calling thread's
/// arena (`inArena`): libosip2's structures are taken from it, never freed one by one, and released
/// all at once when the entry point returns, after they were read into Swift values.
enum OSIPParser {
    /// Parses a framed message into `parts`, which it leaves untouched when libosip2 rejects the message.
    static func parseMessage(_ bytes: UnsafeRawBufferPointer, frame: SIPMessageFrame, into parts: inout SIPMessageParts) -> Bool {
        guard osipParserReady else { return false }
        if frame.holdsNUL || frame.holdsEscapedNUL {
            guard let (decoder, copy) = CStringDecoder.substituting(bytes, before: frame.bodyStart ?? frame.count) else { return false }
            return copy.withUnsafeBytes { copy in inArena { parse(copy, decoder: decoder, into: &parts) } }
        }
        return inArena { parse(bytes, decoder: CStringDecoder(), into: &parts) }
    }

    /// Feeds header lines to libosip2 one at a time, as its message parser would, keeping what it accepts.
    /// A rejected value is retried once after `SIPRawHeaderLines.repaired(_:)`, so the parts can still
    /// answer with a `400`; `rejectedLine` is the index of the first line libosip2 rejected as written.
    static func parseHeaderLines(_ lines: [SIPRawHeaderLines.Line]) -> (parts: SIPMessageParts, rejectedLine: Int?) {
        guard osipParserReady else { return (SIPMessageParts(), lines.isEmpty ? nil : 0) }
        return inArena { readHeaderLines(lines) }
    }

    private static func readHeaderLines(_ lines: [SIPRawHeaderLines.Line]) -> (parts: SIPMessageParts, rejectedLine: Int?) {
        let message = newMessage()
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
        Converter(decoder: CStringDecoder()).readHeaders(of: message, into: &parts)
        return (parts, rejectedLine)
    }

    /// Parses a URI with `osip_uri_parse`; nil when it is not one or holds whitespace or control characters.
    static func uri(parsing text: String) -> SIPURI? {
        guard osipParserReady, !text.utf8.contains(where: { $0 <= .space }) else { return nil }
        return CStringDecoder.withCString(text) { decoder, text in inArena {
            var uri: UnsafeMutablePointer<osip_uri_t>?
            guard osip_uri_init(&uri) == 0, let uri else { return nil }
            guard osip_uri_parse(uri, text) == 0 else { return nil }
            return Converter(decoder: decoder).uri(uri)
        } }
    }

    /// Parses a `name-addr` or `addr-spec` with header parameters with `osip_from_parse`.
    static func nameAddress(parsing text: String, readingBack: Bool = false) -> SIPNameAddress? {
        guard osipParserReady else { return nil }
        return CStringDecoder.withCString(text) { decoder, text in inArena {
            var address: UnsafeMutablePointer<osip_from_t>?
            guard osip_from_init(&address) == 0, let address else { return nil }
            guard osip_from_parse(address, text) == 0 else { return nil }
            return Converter(decoder: decoder, readingBack: readingBack).nameAddress(address)
        } }
    }

    /// Runs `body` inside the thread's parse arena: what libosip2 allocates meanwhile is released when it
    /// returns, so no libosip2 structure made in `body` may outlive it (`CParseArena.h`).
    private static func inArena<Result>(_ body: () -> Result) -> Result {
        cparse_arena_begin()
        defer { cparse_arena_end() }
        return body()
    }

    private static func parse(_ bytes: UnsafeRawBufferPointer, decoder: CStringDecoder, into parts: inout SIPMessageParts) -> Bool {
        let message = newMessage()
        guard osip_message_parse(message, bytes.baseAddress?.assumingMemoryBound(to: CChar.self), bytes.count) == 0 else { return false }
        Converter(decoder: decoder).read(message, into: &parts)
        return true
    }

    /// An empty libosip2 message in the thread's parse arena. libosip2 fails here only when memory is
    /// exhausted, which nothing in SIPCore could answer.
    private static func newMessage() -> UnsafeMutablePointer<osip_message_t> {
        var message: UnsafeMutablePointer<osip_message_t>?
        guard osip_message_init(&message) == 0, let message else { fatalError("libosip2 could not allocate a message") }
        return message
    }

    /// Sets one header line as libosip2's message parser would see it: a NUL octet in the value stands
    /// in for a placeholder there too, so the value is not cut short and the line that made libosip2
    /// reject the message is the one found rejected here.
    private static func set(_ name: String, _ value: String, on message: UnsafeMutablePointer<osip_message_t>) -> Bool {
        var name = Array(name.utf8CString)
        guard value.utf8.contains(0) else {
            var value = Array(value.utf8CString)
            return osip_message_set_multiple_header(message, &name, &value) == 0
        }
        return CStringDecoder.withCString(value) { _, value in
            osip_message_set_multiple_header(message, &name, UnsafeMutablePointer(mutating: value)) == 0
        } ?? false
    }
}

/// Set once, by the first parse on any thread: libosip2's allocators are the parse arena's before
/// `parser_init` allocates its tables (outside any arena, so those stay).
private let osipParserReady: Bool = {
    cosip_silence_traces()
    osip_set_allocators(cparse_arena_malloc, cparse_arena_realloc, cparse_arena_free)
    return parser_init() == 0
}()

/// Turns libosip2's structures into SIPCore values, reading them through pointers. Strings are made
/// once per value, straight from the C bytes; hosts, ports and header names are checked on those bytes
/// before any String exists.
private struct Converter {
    typealias Pointer<Pointee> = UnsafeMutablePointer<Pointee>

    let decoder: CStringDecoder
    /// Whether this converter reads an address SIPCore wrote, to check it reads back (`nameAddress(_:)`).
    var readingBack = false

    private func text(_ pointer: Pointer<CChar>) -> String { decoder.text(pointer) }

    func read(_ message: Pointer<osip_message_t>, into parts: inout SIPMessageParts) {
        if message.pointee.status_code == 0 {
            parts.method = message.pointee.sip_method.map(method)
            parts.requestURI = message.pointee.req_uri.flatMap(uri)
        } else {
            parts.statusCode = Int(message.pointee.status_code)
            parts.reasonPhrase = message.pointee.reason_phrase.map(text) ?? ""
        }
        readHeaders(of: message, into: &parts)
    }

    func readHeaders(of message: Pointer<osip_message_t>, into parts: inout SIPMessageParts) {
        parts.via.reserveCapacity(Int(message.pointee.vias.nb_elt))
        parts.fields.reserveCapacity(Int(message.pointee.headers.nb_elt) + 4)
        message.pointee.vias.forEach(as: osip_via_t.self) { element in
            if let via = via(element) { parts.via.append(consume via) } else { parts.noteMalformed("Via") }
        }
        // Each address is stored once, without comparing the optional (a copy of both sides).
        if let from = message.pointee.from {
            if let address = nameAddress(from) { parts.from = consume address } else { parts.noteMalformed("From") }
        }
        if let to = message.pointee.to {
            if let address = nameAddress(to) { parts.to = consume address } else { parts.noteMalformed("To") }
        }
        if let callID = message.pointee.call_id, let number = callID.pointee.number {
            parts.callID = callID.pointee.host.map { decoder.joining(number, 0x40, $0) } ?? text(number)
        }
        if let cseq = message.pointee.cseq {
            if let number = cseq.pointee.number {
                parts.sequenceNumber = CStringDecoder.decimal(number, below: 1 << 31).map(UInt32.init)
                if parts.sequenceNumber == nil { parts.unusableSequenceNumber = text(number) }
            }
            if let name = cseq.pointee.method, name.pointee != 0 { parts.cseqMethod = method(name) }
        }
        readAddresses(of: message, into: &parts)
        if let type = message.pointee.content_type, let main = type.pointee.type, let sub = type.pointee.subtype {
            if !Self.isMediaType(main, sub) || !writable(type.pointee.gen_params) { parts.noteMalformed("Content-Type") }
            parts.contentType = type.pointee.gen_params.nb_elt == 0
                ? decoder.joining(main, 0x2F, sub) : String(writing: { writeMediaType(type, into: &$0) })
        }
        if let length = message.pointee.content_length?.pointee.value {
            parts.contentLength = CStringDecoder.decimal(length, below: SIPMessage.maximumLength + 1)
            if parts.contentLength == nil { parts.unusableContentLength = text(length) }
        }
        message.pointee.headers.forEach(as: osip_header_t.self) { header in
            guard let name = header.pointee.hname else { return }
            let value = header.pointee.hvalue.map(text) ?? ""
            if CStringDecoder.matches(name, "max-forwards") {
                if parts.maxForwardsCount == 0 { parts.maxForwards = value }
                parts.maxForwardsCount += 1
            } else {
                if CStringDecoder.matches(name, "date") { parts.dates.append(value) }
                let canonical = SIPHeaderName.canonical(lowercased: CStringDecoder.bytes(name)) ?? SIPHeaderName.canonical(text(name))
                parts.fields.append(SIPHeaderField(name: canonical, value: value))
            }
        }
        readListHeaders(of: message, into: &parts)
    }

    private func readAddresses(of message: Pointer<osip_message_t>, into parts: inout SIPMessageParts) {
        message.pointee.contacts.forEach(as: osip_contact_t.self) { contact in
            if contact.pointee.url == nil, let star = contact.pointee.displayname, CStringDecoder.matches(star, "*") {
                parts.fields.append(SIPHeaderField(name: "Contact", value: "*"))
            } else if !append(contact, to: &parts.contact) {
                parts.noteMalformed("Contact")
            }
        }
        message.pointee.routes.forEach(as: osip_route_t.self) { route in
            if !append(route, to: &parts.route) { parts.noteMalformed("Route") }
        }
        message.pointee.record_routes.forEach(as: osip_record_route_t.self) { route in
            if !append(route, to: &parts.recordRoute) { parts.noteMalformed("Record-Route") }
        }
    }

    /// The headers libosip2 parses into lists of its own types; each list becomes one comma-joined field.
    /// libosip2 drops the parameters it does not know from the authentication headers, so for those it
    /// only reports their presence and SIPCore takes them as written.
    private func readListHeaders(of message: Pointer<osip_message_t>, into parts: inout SIPMessageParts) {
        func joined<Element>(_ name: String, _ list: osip_list_t, _ type: Element.Type,
                             _ write: (Pointer<Element>, inout [UInt8]) -> Void) {
            guard list.nb_elt > 0 else { return }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(Int(list.nb_elt) * 24)
            list.forEach(as: type) { element in
                if !bytes.isEmpty { bytes.append(contentsOf: [0x2C, .space]) }
                write(element, &bytes)
            }
            parts.fields.append(SIPHeaderField(name: name, value: String(decoding: bytes, as: UTF8.self)))
        }
        func value(_ element: Pointer<osip_content_length_t>, _ bytes: inout [UInt8]) {
            if let value = element.pointee.value { decoder.append(value, to: &bytes) }
        }
        func element(_ element: Pointer<osip_call_info_t>, _ bytes: inout [UInt8]) {
            guard let text = element.pointee.element else { return }
            decoder.append(text, to: &bytes)
            writeParameters(element.pointee.gen_params, into: &bytes)
        }
        func encoding(_ element: Pointer<osip_accept_encoding_t>, _ bytes: inout [UInt8]) {
            guard let text = element.pointee.element else { return }
            decoder.append(text, to: &bytes)
            writeParameters(element.pointee.gen_params, into: &bytes)
        }
        let headers = message.pointee
        // libosip2 reads 'Accept: t/ ;' as type t with an empty subtype, and ' ;' as a parameter with
        // an empty name; written back, it drops them. It also takes quotes, spaces and control bytes
        // into a type, which then break the comma-separated line the values are written back as.
        func check<Element>(_ name: String, _ list: osip_list_t, _ type: Element.Type, _ parameters: (Pointer<Element>) -> osip_list_t) {
            list.forEach(as: type) { if !writable(parameters($0)) { parts.noteMalformed(name) } }
        }
        headers.accepts.forEach(as: osip_accept_t.self) { type in
            if let main = type.pointee.type, let sub = type.pointee.subtype, !Self.isMediaType(main, sub) {
                parts.noteMalformed("Accept")
            }
        }
        check("Accept", headers.accepts, osip_accept_t.self) { $0.pointee.gen_params }
        check("Accept-Encoding", headers.accept_encodings, osip_accept_encoding_t.self) { $0.pointee.gen_params }
        check("Accept-Language", headers.accept_languages, osip_accept_language_t.self) { $0.pointee.gen_params }
        check("Alert-Info", headers.alert_infos, osip_alert_info_t.self) { $0.pointee.gen_params }
        check("Call-Info", headers.call_infos, osip_call_info_t.self) { $0.pointee.gen_params }
        check("Error-Info", headers.error_infos, osip_error_info_t.self) { $0.pointee.gen_params }
        joined("Accept", headers.accepts, osip_accept_t.self) { writeMediaType($0, into: &$1) }
        joined("Accept-Encoding", headers.accept_encodings, osip_accept_encoding_t.self, encoding)
        joined("Accept-Language", headers.accept_languages, osip_accept_language_t.self, encoding)
        joined("Alert-Info", headers.alert_infos, osip_alert_info_t.self, element)
        joined("Allow", headers.allows, osip_allow_t.self, value)
        joined("Call-Info", headers.call_infos, osip_call_info_t.self, element)
        joined("Content-Encoding", headers.content_encodings, osip_content_encoding_t.self, value)
        joined("Error-Info", headers.error_infos, osip_error_info_t.self, element)
        if let version = headers.mime_version?.pointee.value {
            parts.fields.append(SIPHeaderField(name: "MIME-Version", value: text(version)))
        }
        parts.hasAuthenticationHeaders = headers.authorizations.nb_elt + headers.proxy_authorizations.nb_elt
            + headers.www_authenticates.nb_elt + headers.proxy_authenticates.nb_elt
            + headers.authentication_infos.nb_elt + headers.proxy_authentication_infos.nb_elt > 0
    }

    func uri(_ uri: Pointer<osip_uri_t>) -> SIPURI? {
        guard let schemeText = uri.pointee.scheme else { return nil }
        let scheme = CStringDecoder.matches(schemeText, "sip") ? "sip" : lowercased(schemeText)
        if let opaque = uri.pointee.string {
            return CStringDecoder.isOpaqueURIPart(opaque) ? SIPURI(scheme: scheme, opaque: text(opaque)) : nil
        }
        guard let hostText = uri.pointee.host, let host = CStringDecoder.host(hostText, cuttingComment: false) else { return nil }
        let user = uri.pointee.username.map { decoder.uriPart($0, allowed: .user) }
        let password = uri.pointee.password.map { decoder.uriPart($0, allowed: .password) }
        guard user?.isEmpty != true, password?.isEmpty != true else { return nil }
        var port: Int?
        if let portText = uri.pointee.port {
            guard let value = CStringDecoder.decimal(portText, below: 65_536) else { return nil }
            port = value
        }
        guard let parameters = uriParameters(uri.pointee.url_params, allowed: .parameter),
              let headers = uriParameters(uri.pointee.url_headers, allowed: .header)
        else { return nil }
        return SIPURI(scheme: scheme, user: user,
                      password: password, host: host,
                      port: port, parameters: parameters, headers: headers)
    }

    /// The address; nil when it is unusable. It must read back in the bracketed form SIPCore writes,
    /// where libosip2 is stricter than without brackets: it refuses a URI of fewer than six characters
    /// there (`<sip:e>`, though it takes `To: sip:e`), and its rules for opaque URIs are uneven, so an
    /// address whose URI libosip2 keeps opaque is written and parsed once more.
    func nameAddress(_ address: Pointer<osip_from_t>) -> SIPNameAddress? {
        guard let url = address.pointee.url, let uri = uri(url), uri.host.utf8.count >= 6 || uri.description.utf8.count >= 6,
              let parameters = parameters(address.pointee.gen_params)
        else { return nil }
        let value = SIPNameAddress(displayName: displayName(of: address), uri: uri, parameters: parameters)
        guard url.pointee.string == nil || readingBack || OSIPParser.nameAddress(parsing: value.description, readingBack: true) == value
        else { return nil }
        return value
    }

    /// Appends the address to `addresses`; false when it is unusable.
    private func append(_ address: Pointer<osip_from_t>, to addresses: inout [SIPNameAddress]) -> Bool {
        guard let value = nameAddress(address) else { return false }
        addresses.append(value)
        return true
    }

    /// The display name without the quotes libosip2 keeps.
    private func displayName(of address: Pointer<osip_from_t>) -> String? {
        guard let name = address.pointee.displayname else { return nil }
        let written = CStringDecoder.bytes(name)
        let quoted = written.count >= 2 && written.first == .quote && written.last == .quote
        return decoder.text(quoted ? UnsafeBufferPointer(rebasing: written.dropFirst().dropLast()) : written)
    }

    private func via(_ via: Pointer<osip_via_t>) -> SIPVia? {
        guard let hostText = via.pointee.host, let transportText = via.pointee.`protocol`,
              CStringDecoder.isToken(transportText),
              let host = CStringDecoder.host(hostText, cuttingComment: true), let parameters = parameters(via.pointee.via_params)
        else { return nil }
        var port: Int?
        if let portText = via.pointee.port {
            guard let value = CStringDecoder.decimal(portText, below: 65_536) else { return nil }
            port = value
        }
        var version = "SIP/2.0"
        if let written = via.pointee.version, !CStringDecoder.matches(written, "2.0") {
            guard CStringDecoder.isToken(written) else { return nil }
            version = "SIP/" + text(written)
        }
        var transport = CStringDecoder.matches(transportText, "UDP") ? "UDP" : text(transportText)
        transport.makeASCIIUppercase()
        return SIPVia(protocolVersion: version, transport: transport, host: host, port: port, parameters: parameters)
    }

    private func method(_ pointer: Pointer<CChar>) -> SIPMethod {
        SIPMethod.known(CStringDecoder.bytes(pointer)) ?? .other(text(pointer))
    }

    private func lowercased(_ pointer: Pointer<CChar>) -> String {
        var lowered = text(pointer)
        lowered.makeASCIILowercase()
        return lowered
    }

    /// Whether every generic parameter can be written back (`CStringDecoder.isUsableParameter`).
    private func writable(_ list: osip_list_t) -> Bool {
        var usable = true
        list.forEach(as: osip_generic_param_t.self) { parameter in
            guard let name = parameter.pointee.gname else { return }
            usable = usable && CStringDecoder.isUsableParameter(name: name, value: parameter.pointee.gvalue)
        }
        return usable
    }

    /// The generic parameters; nil when one cannot be written back (`CStringDecoder.isUsableParameter`).
    private func parameters(_ list: osip_list_t) -> [SIPParameter]? {
        var usable = true
        let parameters = list.map(as: osip_generic_param_t.self) { parameter -> SIPParameter? in
            guard let name = parameter.pointee.gname else { return nil }
            usable = usable && CStringDecoder.isUsableParameter(name: name, value: parameter.pointee.gvalue)
            return SIPParameter(name: text(name), value: parameter.pointee.gvalue.map(text))
        }
        return usable ? parameters : nil
    }

    /// URI parameters or headers; nil when a name, or a parameter's value, is empty once decoded:
    /// libosip2 decodes `;%` and `;x=%` into those, and refuses them once written back as `;` and
    /// `;x=`. A header's value may be empty (RFC 3261 §25.1 `hvalue`).
    private func uriParameters(_ list: osip_list_t, allowed: URICharacterSet) -> [SIPParameter]? {
        let emptyValues = allowed == .header
        var usable = true
        let parameters = list.map(as: osip_uri_param_t.self) { parameter -> SIPParameter? in
            guard let name = parameter.pointee.gname else { return nil }
            usable = usable && name.pointee != 0 && (emptyValues || parameter.pointee.gvalue.map { $0.pointee != 0 } != false)
            return SIPParameter(name: decoder.uriPart(name, allowed: allowed),
                                value: parameter.pointee.gvalue.map { decoder.uriPart($0, allowed: allowed) })
        }
        return usable ? parameters : nil
    }

    /// Whether a media type's type and subtype are RFC 3261 §25.1 tokens (`m-type`, `m-subtype`; `*` is one).
    private static func isMediaType(_ main: UnsafePointer<CChar>, _ sub: UnsafePointer<CChar>) -> Bool {
        CStringDecoder.isToken(main) && CStringDecoder.isToken(sub)
    }

    /// Writes `type/subtype` and its parameters, as in Content-Type and Accept.
    private func writeMediaType(_ type: Pointer<osip_content_type_t>, into bytes: inout [UInt8]) {
        guard let main = type.pointee.type, let sub = type.pointee.subtype else { return }
        decoder.append(main, to: &bytes)
        bytes.append(0x2F)
        decoder.append(sub, to: &bytes)
        writeParameters(type.pointee.gen_params, into: &bytes)
    }

    private func writeParameters(_ list: osip_list_t, into bytes: inout [UInt8]) {
        list.forEach(as: osip_generic_param_t.self) { parameter in
            guard let name = parameter.pointee.gname else { return }
            bytes.append(.semicolon)
            decoder.append(name, to: &bytes)
            if let value = parameter.pointee.gvalue {
                bytes.append(0x3D)
                decoder.append(value, to: &bytes)
            }
        }
    }
}

extension osip_list_t {
    /// Calls `body` with a pointer to each element, in order.
    fileprivate func forEach<Element>(as type: Element.Type, _ body: (UnsafeMutablePointer<Element>) -> Void) {
        var node = self.node
        while let current = node {
            if let element = current.pointee.element { body(element.assumingMemoryBound(to: type)) }
            node = current.pointee.next
        }
    }

    /// The non-nil results of `transform` over the elements, in order, in an array sized once (for an
    /// empty list, such as most URIs' headers, not even the call that reserves no room).
    fileprivate func map<Element, Value>(as type: Element.Type, _ transform: (UnsafeMutablePointer<Element>) -> Value?) -> [Value] {
        var values: [Value] = []
        if nb_elt > 0 { values.reserveCapacity(Int(nb_elt)) }
        forEach(as: type) { transform($0).map { values.append($0) } }
        return values
    }
}
