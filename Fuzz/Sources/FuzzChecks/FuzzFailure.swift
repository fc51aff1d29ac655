#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reports a broken property on standard error and aborts, which libFuzzer records as a crash and
/// saves the input for.
public func fuzzFailure(_ what: String, _ shown: [(label: String, bytes: [UInt8])] = []) -> Never {
    var report = "==fuzz== property broken: \(what)\n"
    for (label, bytes) in shown {
        report += "--- \(label), \(bytes.count) bytes:\n\(printable(bytes))\n"
    }
    let bytes = Array(report.utf8)
    _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    abort()
}

/// The bytes as readable text: printable ASCII as it is, CR and LF as `\r` `\n` with a line break after
/// the LF, every other byte as `\xNN`.
public func printable(_ bytes: [UInt8]) -> String {
    let digits = Array("0123456789ABCDEF")
    var text = ""
    for byte in bytes.prefix(4096) {
        switch byte {
        case 0x0D: text += "\\r"
        case 0x0A: text += "\\n\n"
        case 0x20...0x7E where byte != 0x5C: text.append(Character(Unicode.Scalar(byte)))
        default: text += "\\x" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0F)])
        }
    }
    return bytes.count > 4096 ? text + "…" : text
}

/// Whether `FUZZ_SHOW` is set: then the checks print what the parser made of each input, to triage one.
let showing = getenv("FUZZ_SHOW") != nil

/// Prints `text` on standard error when `FUZZ_SHOW` is set.
func show(_ text: @autoclosure () -> String) {
    guard showing else { return }
    let bytes = Array((text() + "\n").utf8)
    _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
}
