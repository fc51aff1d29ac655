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
/// parse, for a folded line; a control character other than a tab in a value it would copy; a Via
/// line with several values or a quoted string; a top Via that is not `SIP/2.0/UDP`, has spaces
/// around its parameters, or already carries `received`, a filled `rport` or `maddr`; a response
/// that would not go back to the packet's source (§18.2.2: no `rport`, and a sent-by port other
/// than the source's); a start line not ending `SIP/2.0`; a CSeq whose method is not INVITE; or a
/// missing or repeated From, To, Call-ID or CSeq.
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
        guard let lines = HeaderLines(invite), let topVia = lines.topVia,
              let via = TopVia(UnsafeRawBufferPointer(rebasing: invite[topVia])),
              via.rportRequested || (via.port ?? 5060) == sourcePort else { return nil }
        let offset = topVia.lowerBound
        let host = UnsafeRawBufferPointer(rebasing: invite[offset + via.host.lowerBound..<offset + via.host.upperBound])
        let unbracketed = host.first == UInt8(ascii: "[") ? UnsafeRawBufferPointer(rebasing: host.dropFirst().dropLast()) : host
        var sourceText = sourceIP
        let stampsReceived = via.rportRequested || !sourceText.withUTF8 { $0.elementsEqual(unbracketed) }
        var out: [UInt8] = []
        out.reserveCapacity(lines.copiedBytes + sourceIP.utf8.count + 160)
        out.append("SIP/2.0 100 Trying\r\nVia: ")
        if let rport = via.rport {
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: invite[offset..<offset + rport.upperBound]))
            out.append(contentsOf: "=\(sourcePort)".utf8)
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: invite[offset + rport.upperBound..<topVia.upperBound]))
        } else {
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: invite[topVia]))
        }
        if stampsReceived { out.append(contentsOf: ";received=\(sourceIP)".utf8) }
        out.append("\r\n")
        for value in lines.otherVias { Self.append("Via: ", value, of: invite, to: &out) }
        Self.append("From: ", lines.from, of: invite, to: &out)
        Self.append("To: ", lines.to, of: invite, to: &out)
        Self.append("Call-ID: ", lines.callID, of: invite, to: &out)
        Self.append("CSeq: ", lines.cseq, of: invite, to: &out)
        for value in lines.timestamps { Self.append("Timestamp: ", value, of: invite, to: &out) }
        out.append("Content-Length: 0\r\n\r\n")
        bytes = out
        branch = String(decoding: invite[offset + via.branch.lowerBound..<offset + via.branch.upperBound], as: UTF8.self)
        sentByHost = String(decoding: host, as: UTF8.self)
        sentByPort = via.port
    }

    private static func append(_ name: StaticString, _ value: Range<Int>, of message: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        out.append(name)
        out.append(contentsOf: UnsafeRawBufferPointer(rebasing: message[value]))
        out.append("\r\n")
    }
}

extension [UInt8] {
    /// Appends `text`'s bytes.
    fileprivate mutating func append(_ text: StaticString) {
        append(contentsOf: UnsafeRawBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }
}

/// The header lines a `100 Trying` copies, as ranges of their values in the message.
private struct HeaderLines {
    /// The first Via line's value, and the others' (none allocated for the usual single Via).
    var topVia: Range<Int>?
    var otherVias: [Range<Int>] = []
    var from = 0..<0, to = 0..<0, callID = 0..<0, cseq = 0..<0
    var timestamps: [Range<Int>] = []

    /// Nil unless the start line is an INVITE's ending `SIP/2.0`, no line is folded, the values
    /// copied hold no control character but tabs, each Via line holds one value, From, To, Call-ID
    /// and CSeq come once each, and CSeq's method is INVITE.
    init?(_ message: UnsafeRawBufferPointer) {
        guard let base = message.baseAddress, message.begins(with: "INVITE "),
              let startLineEnd = find(0x0A, in: message, 0..<message.count),
              message.ends(0..<startLineEnd, with: " SIP/2.0\r") || message.ends(0..<startLineEnd, with: " SIP/2.0") else { return nil }
        var seen = (from: false, to: false, callID: false, cseq: false)
        var lineStart = startLineEnd + 1
        while true {
            guard let newline = memchr(base + lineStart, 0x0A, message.count - lineStart) else { return nil }
            let lineEnd = base.distance(to: UnsafeRawPointer(newline))
            let contentEnd = lineEnd > lineStart && message[lineEnd - 1] == 0x0D ? lineEnd - 1 : lineEnd
            if contentEnd == lineStart { break }
            guard message[lineStart] != 0x20, message[lineStart] != 0x09,
                  let (name, value) = SIPHeaderScan.split(message, from: lineStart, to: contentEnd) else { return nil }
            let header = Self.header(named: name)
            guard header == nil || !value.isEmpty && Self.isText(message, value) else { return nil }
            switch header {
            case .via:
                guard find(UInt8(ascii: ","), in: message, value) == nil, find(UInt8(ascii: "\""), in: message, value) == nil else { return nil }
                if topVia == nil { topVia = value } else { otherVias.append(value) }
            case .from:
                guard !seen.from else { return nil }
                (seen.from, from) = (true, value)
            case .to:
                guard !seen.to else { return nil }
                (seen.to, to) = (true, value)
            case .callID:
                guard !seen.callID else { return nil }
                (seen.callID, callID) = (true, value)
            case .cseq:
                guard !seen.cseq, message.ends(value, with: " INVITE") else { return nil }
                (seen.cseq, cseq) = (true, value)
            case .timestamp:
                timestamps.append(value)
            case nil:
                break
            }
            lineStart = lineEnd + 1
        }
        guard seen.from, seen.to, seen.callID, seen.cseq, topVia != nil else { return nil }
    }

    /// The bytes of the values copied, with room for each line's name and line end.
    var copiedBytes: Int {
        var total = (topVia?.count ?? 0) + from.count + to.count + callID.count + cseq.count + 5 * 16
        for value in otherVias { total += value.count + 16 }
        for value in timestamps { total += value.count + 16 }
        return total
    }

    /// Whether the value holds no control character other than a tab (a bare CR or a NUL is the
    /// parse's to judge, not something to copy into the answer).
    private static func isText(_ message: UnsafeRawBufferPointer, _ value: Range<Int>) -> Bool {
        for byte in UnsafeRawBufferPointer(rebasing: message[value]) where byte < 0x20 && byte != 0x09 || byte == 0x7F { return false }
        return true
    }

    /// The headers a `100 Trying` copies.
    private enum Header {
        case via, from, to, callID, cseq, timestamp
    }

    /// Which of them `name` is (full or compact form, any case), by its length and first letter first.
    private static func header(named name: UnsafeRawBufferPointer) -> Header? {
        guard let first = name.first.map(SIPHeaderScan.folded) else { return nil }
        switch (name.count, first) {
        case (1, UInt8(ascii: "v")): return .via
        case (1, UInt8(ascii: "f")): return .from
        case (1, UInt8(ascii: "t")): return .to
        case (1, UInt8(ascii: "i")): return .callID
        case (2, UInt8(ascii: "t")): return SIPHeaderScan.matches(name, "to") ? .to : nil
        case (3, UInt8(ascii: "v")): return SIPHeaderScan.matches(name, "via") ? .via : nil
        case (4, UInt8(ascii: "f")): return SIPHeaderScan.matches(name, "from") ? .from : nil
        case (4, UInt8(ascii: "c")): return SIPHeaderScan.matches(name, "cseq") ? .cseq : nil
        case (7, UInt8(ascii: "c")): return SIPHeaderScan.matches(name, "call-id") ? .callID : nil
        case (9, UInt8(ascii: "t")): return SIPHeaderScan.matches(name, "timestamp") ? .timestamp : nil
        default: return nil
        }
    }
}

/// The index of the first `byte` in `range` of `message`.
private func find(_ byte: UInt8, in message: UnsafeRawBufferPointer, _ range: Range<Int>) -> Int? {
    guard !range.isEmpty, let base = message.baseAddress,
          let found = memchr(base + range.lowerBound, Int32(byte), range.count) else { return nil }
    return base.distance(to: UnsafeRawPointer(found))
}

extension UnsafeRawBufferPointer {
    /// Whether the bytes begin with `prefix`.
    fileprivate func begins(with prefix: StaticString) -> Bool {
        ends(0..<Swift.min(count, prefix.utf8CodeUnitCount), with: prefix)
    }

    /// Whether the bytes in `range` end with `suffix`.
    fileprivate func ends(_ range: Range<Int>, with suffix: StaticString) -> Bool {
        guard let base = baseAddress, range.count >= suffix.utf8CodeUnitCount else { return false }
        return memcmp(base + range.upperBound - suffix.utf8CodeUnitCount, suffix.utf8Start, suffix.utf8CodeUnitCount) == 0
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
    /// whitespace, among them one branch, at most one `rport` without a value, and neither
    /// `received` nor `maddr`.
    init?(_ value: UnsafeRawBufferPointer) {
        let prefix: StaticString = "sip/2.0/udp"
        let length = prefix.utf8CodeUnitCount
        guard value.count > length, SIPHeaderScan.matches(UnsafeRawBufferPointer(rebasing: value[..<length]), prefix) else { return nil }
        var index = length
        guard value[index] == 0x20 || value[index] == 0x09 else { return nil }
        while index < value.count, value[index] == 0x20 || value[index] == 0x09 { index += 1 }
        let sentByEnd = find(UInt8(ascii: ";"), in: value, index..<value.count) ?? value.count
        guard Self.readSentBy(value, index..<sentByEnd, into: &self) else { return nil }
        var foundBranch = false
        var start = sentByEnd + 1
        while start <= value.count {
            let end = find(UInt8(ascii: ";"), in: value, start..<value.count) ?? value.count
            let parameter = UnsafeRawBufferPointer(rebasing: value[start..<end])
            guard !parameter.isEmpty, find(0x20, in: value, start..<end) == nil, find(0x09, in: value, start..<end) == nil else { return nil }
            let equals = find(UInt8(ascii: "="), in: value, start..<end).map { $0 - start }
            let name = UnsafeRawBufferPointer(rebasing: parameter[..<(equals ?? parameter.count)])
            if SIPHeaderScan.matches(name, "branch") {
                guard !foundBranch, let equals, equals + 1 < parameter.count else { return nil }
                branch = start + equals + 1..<end
                foundBranch = true
            } else if SIPHeaderScan.matches(name, "rport") {
                guard equals == nil, rport == nil else { return nil }
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
