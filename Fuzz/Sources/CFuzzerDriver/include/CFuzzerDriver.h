#ifndef SWITCHBOARD_CFUZZERDRIVER_H
#define SWITCHBOARD_CFUZZERDRIVER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (LLVM's libFuzzer documentation, "Using libFuzzer as a library"): parses the
/// command line as libFuzzer's own main would and fuzzes `callback`.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
