#ifndef SWITCHBOARD_CPARSEARENA_H
#define SWITCHBOARD_CPARSEARENA_H

#include <stddef.h>

/* A per-thread bump arena for libosip2's allocations during one parse (installed with
   osip_set_allocators). Between cparse_arena_begin and the matching cparse_arena_end every
   allocation on that thread comes from the thread's arena and every free of it does nothing; the
   outermost end releases them all at once, so nothing libosip2 made inside may be used after it.
   Outside a begin/end pair the three functions are malloc, realloc and free. */

/// libosip2's malloc: from the thread's arena between begin and end, else malloc.
void *cparse_arena_malloc(size_t size);
/// libosip2's realloc: an arena block is copied into a new one; any other block goes to realloc.
void *cparse_arena_realloc(void *block, size_t size);
/// libosip2's free: nothing for an arena block while the arena is open, else free.
void cparse_arena_free(void *block);
/// Opens the thread's arena (nested calls count; only the outermost end releases).
void cparse_arena_begin(void);
/// Closes it; the outermost end releases every block taken since the outermost begin.
void cparse_arena_end(void);

#endif
