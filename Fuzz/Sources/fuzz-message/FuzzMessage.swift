import FuzzChecks

/// libFuzzer's entry point: one input through the message round trip.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMessage(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    MessageRoundTrip.check(UnsafeRawBufferPointer(start: data, count: data == nil ? 0 : size))
    return 0
}
