/* Preloaded by scripts/valgrind-parser. valgrind 3.19 (Debian 12) writes to the signal mask given to
 * sigsuspend; libdispatch, which parks the main thread of an async Swift program there, passes a mask
 * in read-only memory, so valgrind itself dies with SIGSEGV. Handing sigsuspend a copy avoids that. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <signal.h>

int sigsuspend(const sigset_t *mask) {
    static int (*next)(const sigset_t *);
    if (next == 0) next = (int (*)(const sigset_t *)) dlsym(RTLD_NEXT, "sigsuspend");
    sigset_t copy = *mask;
    return next(&copy);
}
