extension SessionDescription {
    /// Parses a session description. Lines end with CRLF (a lone LF is accepted); the type letters must
    /// come in the order of RFC 4566 §5, and a letter it does not define makes the description invalid.
    public init(parsing bytes: [UInt8]) throws(SDPParseError) {
        var reader = try SDPLineReader(bytes)
        version = try reader.take("v") { Int($0) }
        origin = try reader.take("o", SDPOrigin.init(line:))
        sessionName = try reader.take("s") { $0 }
        information = []
        bandwidths = []
        timing = []
        attributes = []
        media = []
        var phase = 0
        while let line = reader.next(), line.type != "m" {
            let linePhase = try reader.phase(of: line, among: ["iuep", "c", "b", "trzk", "a"], after: phase)
            phase = linePhase
            switch line.type {
            case "c":
                guard connection == nil else { throw reader.error(.outOfOrder("c"), line, "a second session-level c= line") }
                connection = try reader.value(line, SDPConnection.init(line:))
            case "b": bandwidths.append(line.value)
            case "a": attributes.append(try reader.value(line, SDPAttribute.init(line:)))
            case "t", "r", "z", "k": timing.append(SDPLine(type: line.type, value: line.value))
            default: information.append(SDPLine(type: line.type, value: line.value))
            }
            reader.advance()
        }
        guard timing.contains(where: { $0.type == "t" }) else {
            throw SDPParseError(reason: .missingLine("t"), line: reader.lineNumber, detail: "no t= line")
        }
        while let line = reader.next() {
            var description = try reader.value(line, MediaDescription.init(line:))
            reader.advance()
            phase = 0
            while let line = reader.next(), line.type != "m" {
                phase = try reader.phase(of: line, among: ["i", "c", "b", "k", "a"], after: phase)
                switch line.type {
                case "i": description.information.append(SDPLine(type: "i", value: line.value))
                case "c": description.connections.append(try reader.value(line, SDPConnection.init(line:)))
                case "b": description.bandwidths.append(line.value)
                case "k": description.keys.append(SDPLine(type: "k", value: line.value))
                default: description.attributes.append(try reader.value(line, SDPAttribute.init(line:)))
                }
                reader.advance()
            }
            media.append(description)
        }
    }

    /// Parses a session description held in a string.
    public init(parsing text: String) throws(SDPParseError) {
        try self.init(parsing: Array(text.utf8))
    }
}

/// The lines of an SDP body, read front to back.
private struct SDPLineReader {
    struct Line {
        let number: Int
        let type: Character
        let value: String
    }

    private var lines: [Line] = []
    private var position = 0

    init(_ bytes: [UInt8]) throws(SDPParseError) {
        var pieces = bytes.split(separator: .lf, omittingEmptySubsequences: false)
        if pieces.last?.isEmpty == true { pieces.removeLast() }
        for (index, piece) in pieces.enumerated() {
            let line = piece.last == .cr ? piece.dropLast() : piece
            guard line.count >= 2, let letter = line.first, (0x61...0x7A).contains(letter), line[line.startIndex + 1] == 0x3D else {
                throw SDPParseError(reason: .malformedLine(nil), line: index + 1, detail: "not a <letter>=<value> line")
            }
            let type = Character(Unicode.Scalar(letter))
            guard "vosiuepcbtrzkam".contains(type) else {
                throw SDPParseError(reason: .unknownType(type), line: index + 1, detail: "RFC 4566 defines no \(type)= line")
            }
            lines.append(Line(number: index + 1, type: type, value: String(decoding: line.dropFirst(2), as: UTF8.self)))
        }
    }

    /// The number of the line about to be read (one past the last at the end).
    var lineNumber: Int { position < lines.count ? lines[position].number : (lines.last?.number ?? 0) + 1 }

    func next() -> Line? { position < lines.count ? lines[position] : nil }

    mutating func advance() { position += 1 }

    /// Reads a required line of `type` and its value.
    mutating func take<Value>(_ type: Character, _ parse: (String) -> Value?) throws(SDPParseError) -> Value {
        guard let line = next(), line.type == type else {
            throw SDPParseError(reason: .missingLine(type), line: lineNumber, detail: "expected a \(type)= line")
        }
        advance()
        return try value(line, parse)
    }

    func value<Value>(_ line: Line, _ parse: (String) -> Value?) throws(SDPParseError) -> Value {
        guard let value = parse(line.value) else { throw error(.malformedLine(line.type), line, "cannot read '\(line.value)'") }
        return value
    }

    /// The place of `line` among `groups` of type letters, which must not come before `current`.
    func phase(of line: Line, among groups: [String], after current: Int) throws(SDPParseError) -> Int {
        guard let phase = groups.firstIndex(where: { $0.contains(line.type) }), phase >= current else {
            throw error(.outOfOrder(line.type), line, "a \(line.type)= line cannot stand here")
        }
        return phase
    }

    func error(_ reason: SDPParseError.Reason, _ line: Line, _ detail: String) -> SDPParseError {
        SDPParseError(reason: reason, line: line.number, detail: detail)
    }
}

extension SDPOrigin {
    /// Reads `username sess-id sess-version nettype addrtype unicast-address`.
    init?(line: String) {
        let fields = line.split(separator: " ", omittingEmptySubsequences: false)
        guard fields.count == 6, !fields.contains(where: \.isEmpty), let version = UInt64(fields[2]) else { return nil }
        self.init(username: String(fields[0]), sessionID: String(fields[1]), sessionVersion: version,
                  networkType: String(fields[3]), addressType: String(fields[4]), unicastAddress: String(fields[5]))
    }
}

extension SDPConnection {
    /// Reads `nettype addrtype connection-address`.
    init?(line: String) {
        let fields = line.split(separator: " ", omittingEmptySubsequences: false)
        guard fields.count == 3, !fields.contains(where: \.isEmpty) else { return nil }
        self.init(networkType: String(fields[0]), addressType: String(fields[1]), address: String(fields[2]))
    }
}

extension SDPAttribute {
    /// Reads `name` or `name:value`.
    init?(line: String) {
        let halves = line.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard !halves[0].isEmpty else { return nil }
        self.init(name: String(halves[0]), value: halves.count > 1 ? String(halves[1]) : nil)
    }
}

extension MediaDescription {
    /// Reads `media port[/count] proto fmt…`.
    init?(line: String) {
        let fields = line.split(separator: " ", omittingEmptySubsequences: false)
        guard fields.count >= 4, !fields.contains(where: \.isEmpty) else { return nil }
        let port = fields[1].split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let number = Int(port[0]), (0...65_535).contains(number) else { return nil }
        var count: Int?
        if port.count == 2 {
            guard let value = Int(port[1]) else { return nil }
            count = value
        }
        self.init(media: String(fields[0]), port: number, portCount: count, proto: String(fields[2]),
                  formats: fields[3...].map(String.init))
    }
}
