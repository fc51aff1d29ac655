/// Builds small RIFF/WAVE files in memory for the tests.
struct WAVBuilder {
    var format: UInt16 = 1
    var channels: UInt16 = 1
    var sampleRate: UInt32 = 8000
    var bitsPerSample: UInt16 = 16
    var fmtSize: UInt32 = 16
    var chunksBeforeData: [(String, [UInt8])] = []
    var data: [UInt8] = []
    var declaredDataSize: UInt32?

    /// A 16-bit PCM file of `samples`.
    static func linear(_ samples: [Int16]) -> WAVBuilder {
        WAVBuilder(data: samples.flatMap { [UInt8(truncatingIfNeeded: $0), UInt8(truncatingIfNeeded: $0 >> 8)] })
    }

    var bytes: [UInt8] {
        var fmt = format.littleEndianBytes + channels.littleEndianBytes + sampleRate.littleEndianBytes
        fmt += (sampleRate * UInt32(bitsPerSample / 8)).littleEndianBytes + (bitsPerSample / 8).littleEndianBytes
        fmt += bitsPerSample.littleEndianBytes
        fmt += Array(repeating: 0, count: max(Int(fmtSize) - fmt.count, 0))
        var body = Array("WAVE".utf8) + chunk("fmt ", Array(fmt.prefix(Int(fmtSize))))
        for (id, content) in chunksBeforeData { body += chunk(id, content) }
        body += Array("data".utf8) + (declaredDataSize ?? UInt32(data.count)).littleEndianBytes + data
        return Array("RIFF".utf8) + UInt32(body.count).littleEndianBytes + body
    }

    private func chunk(_ id: String, _ content: [UInt8]) -> [UInt8] {
        Array(id.utf8) + UInt32(content.count).littleEndianBytes + content + (content.count % 2 == 1 ? [0] : [])
    }
}

extension FixedWidthInteger {
    /// The value's bytes, least significant first.
    var littleEndianBytes: [UInt8] {
        (0..<(bitWidth / 8)).map { UInt8(truncatingIfNeeded: self >> ($0 * 8)) }
    }
}
