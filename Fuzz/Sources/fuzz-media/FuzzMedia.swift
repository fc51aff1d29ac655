import FuzzChecks

/// libFuzzer's entry point: one input through the media core's readers (RTP, WAV, SDP answer).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMedia(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    MediaInput.check(Array(UnsafeBufferPointer(start: data, count: data == nil ? 0 : size)))
    return 0
}
