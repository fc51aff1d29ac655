// jemalloc (libjemalloc-dev), which replaces the C library's malloc and free in the whole process
// once linked, and its control interface (mallctl).
#include <jemalloc/jemalloc.h>
