#include "CRandomPool.h"

#include <errno.h>
#include <stdlib.h>
#include <sys/random.h>

enum { pool_values = 512 };

static __thread uint64_t pool[pool_values];
static __thread unsigned available;

/* Fills the whole pool; getrandom(2) may return less than asked past 256 bytes, or be interrupted. */
static void refill(void) {
    unsigned char *bytes = (unsigned char *)pool;
    size_t filled = 0;
    while (filled < sizeof pool) {
        ssize_t got = getrandom(bytes + filled, sizeof pool - filled, 0);
        if (got < 0) {
            if (errno == EINTR) continue;
            abort();
        }
        filled += (size_t)got;
    }
    available = pool_values;
}

uint64_t crandom_pool_next(void) {
    if (available == 0) refill();
    available -= 1;
    uint64_t value = pool[available];
    pool[available] = 0;
    return value;
}
