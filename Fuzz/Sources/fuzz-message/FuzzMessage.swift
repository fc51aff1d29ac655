import FuzzChecks

/// libFuzzer's entry point: one input through the message round trip, and through the 100 Trying
/// written from a new call's INVITE before its parse.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMessage(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = UnsafeRawBufferPointer(start: data, count: data == nil ? 0 : size)
    MessageRoundTrip.check(input)
    EarlyTryingConsistency.check(input)
    return 0
}
