// scripts/bench parse, the SIPCore side: parses one message with `SIPMessage(parsing:)`, and parses then
// serializes it. Usage: bench-parse <message file> <iterations> <rounds>. Prints the median messages
// per second of the rounds for each case, in the same format as scripts/bench.d/osip-parse.c.
import SIPCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes of the file at `path`.
func contents(of path: String) -> [UInt8]? {
    guard let file = fopen(path, "rb") else { return nil }
    defer { fclose(file) }
    var bytes = [UInt8](repeating: 0, count: 65_536)
    let count = fread(&bytes, 1, bytes.count, file)
    return Array(bytes.prefix(count))
}

/// Keeps a parsed message alive until here, as the C reference keeps its osip_message_t until freeing it.
@inline(never)
func keep(_ message: SIPMessage) {
    withExtendedLifetime(message) {}
}

/// The messages per second of `iterations` parses, serializing each when `serialize` is set.
func rate(of message: [UInt8], iterations: Int, serialize: Bool) -> Double {
    let clock = ContinuousClock()
    var serializedBytes = 0
    let elapsed = clock.measure {
        for _ in 0..<iterations {
            guard let parsed = try? SIPMessage(parsing: message) else { fatalError("SIPCore rejects the message") }
            if serialize { serializedBytes &+= parsed.serialized().count } else { keep(parsed) }
        }
    }
    precondition(!serialize || serializedBytes > 0)
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    return Double(iterations) / seconds
}

let arguments = CommandLine.arguments
guard arguments.count == 4, let message = contents(of: arguments[1]), let iterations = Int(arguments[2]),
      let rounds = Int(arguments[3]), iterations > 0, rounds > 0
else {
    print("usage: bench-parse <message file> <iterations> <rounds>")
    exit(2)
}
for (name, serialize) in [("parse", false), ("parse+serialize", true)] {
    _ = rate(of: message, iterations: iterations / 10 + 1, serialize: serialize)
    let rates = (0..<rounds).map { _ in rate(of: message, iterations: iterations, serialize: serialize) }.sorted()
    print(name, Int(rates[rounds / 2]))
}
