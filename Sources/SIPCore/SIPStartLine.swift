/// The strict check of a Request-Line or Status-Line (RFC 3261 §7.1, §7.2, §25.1) made before libosip2
/// parses the message; libosip2 accepts several spaces between the elements, any SIP version and a
/// status code of any length.
enum SIPStartLine {
    /// What is wrong with the start line of the framed message, or nil when it is well formed.
    static func problem(in bytes: UnsafeRawBufferPointer, frame: SIPMessageFrame) -> (SIPParseError.Reason, String)? {
        let line = UnsafeRawBufferPointer(rebasing: bytes[frame.start..<frame.startLineEnd])
        return frame.isResponse(bytes) ? statusLineProblem(line) : requestLineProblem(line)
    }

    private static func requestLineProblem(_ line: UnsafeRawBufferPointer) -> (SIPParseError.Reason, String)? {
        var index = 0
        while index < line.count, line[index].isSIPTokenCharacter { index += 1 }
        guard index > 0, index < line.count, line[index] == .space else {
            return (.malformedStartLine, "the method is not a token followed by one space")
        }
        index += 1
        let uriStart = index
        while index < line.count, line[index] > .space, line[index] != 0x7F { index += 1 }
        guard index > uriStart, index < line.count, line[index] == .space else {
            return (.malformedStartLine, "the Request-URI is not followed by one space and the SIP version")
        }
        return versionProblem(UnsafeRawBufferPointer(rebasing: line[(index + 1)...]))
    }

    private static func statusLineProblem(_ line: UnsafeRawBufferPointer) -> (SIPParseError.Reason, String)? {
        guard let space = line.firstIndex(of: .space) else {
            return (.malformedStartLine, "the Status-Line has no Status-Code")
        }
        if let problem = versionProblem(UnsafeRawBufferPointer(rebasing: line[..<space])) { return problem }
        let code = line[(space + 1)...]
        guard code.count >= 4, code.prefix(3).allSatisfy(\.isASCIIDigit), code[space + 4] == .space else {
            return (.invalidStatusCode, "the Status-Code is not three digits followed by a space")
        }
        let value = code.prefix(3).reduce(0) { $0 * 10 + Int($1 - .zero) }
        guard (100...699).contains(value) else {
            return (.invalidStatusCode, "Status-Code \(value) is outside 100-699")
        }
        return nil
    }

    /// Checks `SIP-Version = "SIP" "/" 1*DIGIT "." 1*DIGIT` and that it names 2.0.
    private static func versionProblem(_ version: UnsafeRawBufferPointer) -> (SIPParseError.Reason, String)? {
        guard version.count >= 7, version.prefix(4).elementsEqual("SIP/".utf8, by: UInt8.equalsIgnoringASCIICase),
              let dot = version.firstIndex(of: 0x2E), dot > 4, dot < version.count - 1,
              version[4..<dot].allSatisfy(\.isASCIIDigit), version[(dot + 1)...].allSatisfy(\.isASCIIDigit)
        else {
            return (.malformedStartLine, "'\(String(decoding: version, as: UTF8.self))' is not a SIP version")
        }
        guard version.count == 7, version[4] == 0x32, version[6] == .zero else {
            return (.unsupportedVersion, "\(String(decoding: version, as: UTF8.self)) is not SIP/2.0")
        }
        return nil
    }
}
