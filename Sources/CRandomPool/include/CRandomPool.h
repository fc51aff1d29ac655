#ifndef SWITCHBOARD_CRANDOMPOOL_H
#define SWITCHBOARD_CRANDOMPOOL_H

#include <stdint.h>

/* Random 64-bit values from the kernel's generator (getrandom(2)), fetched 4 KB at a time into a
   per-thread pool, so that a value costs a copy instead of a system call. Each value is handed out
   once and wiped from the pool. A process that forks must not draw from a pool its parent filled;
   switchboardd never forks. */

/// The next 64 random bits of the calling thread's pool, refilled from getrandom(2) when empty.
uint64_t crandom_pool_next(void);

#endif
