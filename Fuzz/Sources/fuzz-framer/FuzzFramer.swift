import FuzzChecks

/// libFuzzer's entry point: one input through the stream framer.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFramer(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FramerConsistency.check(Array(UnsafeBufferPointer(start: data, count: data == nil ? 0 : size)))
    return 0
}
