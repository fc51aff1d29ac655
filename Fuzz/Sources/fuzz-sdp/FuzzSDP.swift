import FuzzChecks

/// libFuzzer's entry point: one input through the SDP round trip.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSDP(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    SDPRoundTrip.check(Array(UnsafeBufferPointer(start: data, count: data == nil ? 0 : size)))
    return 0
}
