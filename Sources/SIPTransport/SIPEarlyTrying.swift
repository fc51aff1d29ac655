#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A new call's `100 Trying` written from the INVITE's raw bytes, before the INVITE is parsed, so
/// that the caller's answer waits neither for this INVITE's parse nor for those of the others read
/// with it (RFC 3261 §17.2.1: the 100 stops the caller's retransmissions).
///
/// It holds what the transaction layer's own 100 holds (RFC 3261 §8.2.6): every Via in order, the
/// top one stamped as §18.2.1 and RFC 3581 §4 ask (`received` when the sent-by host is not the
/// packet's source address or `rport` was asked for; `rport` filled in), then From, To, Call-ID,
/// CSeq and each Timestamp (§8.2.6.1), their values as they came, and `Content-Length: 0`.
///
/// Only a plain message is answered so. Nothing is written, and the INVITE is answered after its
/// parse, for a folded line; a Via line with several values or a quoted string; a top Via that is
/// not `SIP/2.0/UDP`, has spaces around its parameters, or already carries `received`, a filled
/// `rport` or `maddr`; a response that would not go back to the packet's source (§18.2.2: no
/// `rport`, and a sent-by port other than the source's); a start line not ending `SIP/2.0`; a CSeq
/// whose method is not INVITE; or a missing or repeated From, To, Call-ID or CSeq.
public struct SIPEarlyTrying: Sendable {
    /// The response in wire form.
    public let bytes: [UInt8]
    /// The top Via's branch, for the transaction's key.
    public let branch: String
    /// The top Via's sent-by host as written (an IPv6 reference keeps its brackets).
    public let sentByHost: String
    /// The top Via's sent-by port, when it has one.
    public let sentByPort: Int?

    /// The `100 Trying` for `invite`, a new call's INVITE that arrived over UDP from `sourceIP`
    /// (written as ``SIPPeerAddress/ipAddress`` writes it) and `sourcePort`; nil for a message that is
    /// not plain enough (see the type's notes).
    public init?(invite: UnsafeRawBufferPointer, sourceIP: String, sourcePort: Int) {
        guard let lines = HeaderLines(invite), let topVia = lines.vias.first,
              let via = TopVia(UnsafeRawBufferPointer(rebasing: invite[topVia])),
              via.rportRequested || (via.port ?? 5060) == sourcePort else { return nil }
        let offset = topVia.lowerBound
        let host = UnsafeRawBufferPointer(rebasing: invite[offset + via.host.lowerBound..<offset + via.host.upperBound])
        let unbracketed = host.first == UInt8(ascii: "[") ? host.dropFirst().dropLast() : host[...]
        let stampsReceived = via.rportRequested || !unbracketed.elementsEqual(sourceIP.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(invite.count / 2 + 96)
        out.append(contentsOf: "SIP/2.0 100 Trying\r\nVia: ".utf8)
        if let rport = via.rport {
            out.append(contentsOf: invite[offset..<offset + rport.upperBound])
            out.append(contentsOf: "=\(sourcePort)".utf8)
            out.append(contentsOf: invite[offset + rport.upperBound..<topVia.upperBound])
        } else {
            out.append(contentsOf: invite[topVia])
        }
        if stampsReceived { out.append(contentsOf: ";received=\(sourceIP)".utf8) }
        out.append(contentsOf: "\r\n".utf8)
        for value in lines.vias.dropFirst() { Self.append("Via: ", value, of: invite, to: &out) }
        Self.append("From: ", lines.from, of: invite, to: &out)
        Self.append("To: ", lines.to, of: invite, to: &out)
        Self.append("Call-ID: ", lines.callID, of: invite, to: &out)
        Self.append("CSeq: ", lines.cseq, of: invite, to: &out)
        for value in lines.timestamps { Self.append("Timestamp: ", value, of: invite, to: &out) }
        out.append(contentsOf: "Content-Length: 0\r\n\r\n".utf8)
        bytes = out
        branch = String(decoding: invite[offset + via.branch.lowerBound..<offset + via.branch.upperBound], as: UTF8.self)
        sentByHost = String(decoding: host, as: UTF8.self)
        sentByPort = via.port
    }

    private static func append(_ name: StaticString, _ value: Range<Int>, of message: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        out.append(contentsOf: UnsafeRawBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        out.append(contentsOf: message[value])
        out.append(contentsOf: "\r\n".utf8)
    }
}

/// The header lines a `100 Trying` copies, as ranges of their values in the message.
private struct HeaderLines {
    var vias: [Range<Int>] = []
    var from = 0..<0, to = 0..<0, callID = 0..<0, cseq = 0..<0
    var timestamps: [Range<Int>] = []

    /// Nil unless the start line is an INVITE's ending `SIP/2.0`, no line is folded, each Via line
    /// holds one value, From, To, Call-ID and CSeq come once each, and CSeq's method is INVITE.
    init?(_ message: UnsafeRawBufferPointer) {
        guard let base = message.baseAddress, message.starts(with: "INVITE ".utf8) else { return nil }
        var seen = (from: false, to: false, callID: false, cseq: false)
        var lineStart = 0
        var isStartLine = true
        while true {
            guard let newline = memchr(base + lineStart, 0x0A, message.count - lineStart) else { return nil }
            let lineEnd = base.distance(to: UnsafeRawPointer(newline))
            let contentEnd = lineEnd > lineStart && message[lineEnd - 1] == 0x0D ? lineEnd - 1 : lineEnd
            defer { lineStart = lineEnd + 1 }
            if isStartLine {
                guard UnsafeRawBufferPointer(rebasing: message[lineStart..<contentEnd]).reversed().starts(with: "0.2/PIS ".utf8) else { return nil }
                isStartLine = false
                continue
            }
            if contentEnd == lineStart { break }
            guard message[lineStart] != 0x20, message[lineStart] != 0x09,
                  let (name, value) = Self.split(message, from: lineStart, to: contentEnd) else { return nil }
            let named = { (full: StaticString, compact: StaticString) in
                SIPHeaderScan.matches(name, full) || SIPHeaderScan.matches(name, compact)
            }
            if named("via", "v") {
                guard !message[value].contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") }) else { return nil }
                vias.append(value)
            } else if named("from", "f") {
                guard !seen.from else { return nil }
                (seen.from, from) = (true, value)
            } else if named("to", "t") {
                guard !seen.to else { return nil }
                (seen.to, to) = (true, value)
            } else if named("call-id", "i") {
                guard !seen.callID else { return nil }
                (seen.callID, callID) = (true, value)
            } else if SIPHeaderScan.matches(name, "cseq") {
                guard !seen.cseq, UnsafeRawBufferPointer(rebasing: message[value]).reversed().starts(with: "ETIVNI ".utf8) else { return nil }
                (seen.cseq, cseq) = (true, value)
            } else if SIPHeaderScan.matches(name, "timestamp") {
                timestamps.append(value)
            }
        }
        guard seen.from, seen.to, seen.callID, seen.cseq, !vias.isEmpty else { return nil }
    }

    /// A header line's name and value without the whitespace around them; nil without a colon or a value.
    private static func split(_ message: UnsafeRawBufferPointer, from start: Int, to end: Int) -> (UnsafeRawBufferPointer, Range<Int>)? {
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 }
        guard let colon = message[start..<end].firstIndex(of: UInt8(ascii: ":")) else { return nil }
        var nameEnd = colon
        while nameEnd > start, isSpace(message[nameEnd - 1]) { nameEnd -= 1 }
        var valueStart = colon + 1
        while valueStart < end, isSpace(message[valueStart]) { valueStart += 1 }
        var valueEnd = end
        while valueEnd > valueStart, isSpace(message[valueEnd - 1]) { valueEnd -= 1 }
        guard valueEnd > valueStart else { return nil }
        return (UnsafeRawBufferPointer(rebasing: message[start..<nameEnd]), valueStart..<valueEnd)
    }
}

/// What the `100 Trying` needs of the top Via (`SIP/2.0/UDP sent-by *(;param)`), as ranges in its value.
private struct TopVia {
    var host = 0..<0
    var port: Int?
    var branch = 0..<0
    /// The `rport` parameter's name, when the client asked for it without a value.
    var rport: Range<Int>?
    var rportRequested: Bool { rport != nil }

    /// Nil unless the value is `SIP/2.0/UDP`, whitespace, a sent-by, and parameters without
    /// whitespace, among them a branch and none of `received`, a filled `rport` and `maddr`.
    init?(_ value: UnsafeRawBufferPointer) {
        let prefix = "sip/2.0/udp"
        guard value.count > prefix.utf8.count,
              zip(value, prefix.utf8).allSatisfy({ SIPHeaderScan.folded($0) == $1 }) else { return nil }
        var index = prefix.utf8.count
        guard value[index] == 0x20 || value[index] == 0x09 else { return nil }
        while index < value.count, value[index] == 0x20 || value[index] == 0x09 { index += 1 }
        let sentByEnd = value[index...].firstIndex(of: UInt8(ascii: ";")) ?? value.count
        guard Self.readSentBy(value, index..<sentByEnd, into: &self) else { return nil }
        var foundBranch = false
        var start = sentByEnd + 1
        while start <= value.count {
            let end = value[start...].firstIndex(of: UInt8(ascii: ";")) ?? value.count
            let parameter = UnsafeRawBufferPointer(rebasing: value[start..<end])
            guard !parameter.isEmpty, !parameter.contains(where: { $0 == 0x20 || $0 == 0x09 }) else { return nil }
            let equals = parameter.firstIndex(of: UInt8(ascii: "="))
            let name = UnsafeRawBufferPointer(rebasing: parameter[..<(equals ?? parameter.count)])
            if SIPHeaderScan.matches(name, "branch") {
                guard let equals, equals + 1 < parameter.count else { return nil }
                branch = start + equals + 1..<end
                foundBranch = true
            } else if SIPHeaderScan.matches(name, "rport") {
                guard equals == nil else { return nil }
                rport = start..<end
            } else if SIPHeaderScan.matches(name, "received") || SIPHeaderScan.matches(name, "maddr") {
                return nil
            }
            start = end + 1
        }
        guard foundBranch else { return nil }
    }

    /// Reads `host[:port]` (an IPv6 reference in brackets); false when it is not one.
    private static func readSentBy(_ value: UnsafeRawBufferPointer, _ range: Range<Int>, into via: inout TopVia) -> Bool {
        guard !range.isEmpty else { return false }
        let hostEnd: Int
        if value[range.lowerBound] == UInt8(ascii: "[") {
            guard let close = value[range].firstIndex(of: UInt8(ascii: "]")) else { return false }
            hostEnd = close + 1
        } else {
            hostEnd = value[range].firstIndex(of: UInt8(ascii: ":")) ?? range.upperBound
        }
        let host = value[range.lowerBound..<hostEnd]
        guard !host.isEmpty, !host.contains(where: { $0 == 0x20 || $0 == 0x09 }) else { return false }
        via.host = range.lowerBound..<hostEnd
        guard hostEnd < range.upperBound else { return true }
        let digits = value[(hostEnd + 1)..<range.upperBound]
        guard value[hostEnd] == UInt8(ascii: ":"), (1...5).contains(digits.count),
              digits.allSatisfy({ (0x30...0x39).contains($0) }) else { return false }
        let port = digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        guard port <= 65_535 else { return false }
        via.port = port
        return true
    }
}
