import CFuzzerDriver

/// Runs libFuzzer on `callback` with the process's command line, as libFuzzer's own `main` would.
/// Each fuzz executable calls it from its `main.swift`: SwiftPM links executables with their own
/// entry point, so libFuzzer's `main` cannot be the one that runs.
public func runFuzzer(_ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    return LLVMFuzzerRunDriver(&argc, &argv, callback)
}
