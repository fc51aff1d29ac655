#if canImport(Glibc)
import Glibc
#endif
import FuzzChecks

exit(runFuzzer(fuzzMedia))
