// LLVMFuzzerRunDriver is defined by libFuzzer's runtime, which -sanitize=fuzzer links in.
#include "CFuzzerDriver.h"
