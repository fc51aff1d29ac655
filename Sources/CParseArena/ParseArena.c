#include "CParseArena.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Each block is preceded by its size (for realloc) and aligned like malloc's. A parse of a SIP
   message of a few KB takes about ten KB here; the first chunk is kept by its thread for the next
   parse and freed at the thread's exit, and chunks taken when it is full are freed at the outermost
   end. Built with CPARSE_ARENA_SEPARATE_BLOCKS (the fuzz package), ParseArenaSeparateBlocks.c takes
   its place. */
#ifndef CPARSE_ARENA_SEPARATE_BLOCKS

enum { ALIGNMENT = 16, CHUNK_SIZE = 32 * 1024 };

struct chunk {
    struct chunk *next;
    char *end;
    _Alignas(ALIGNMENT) char bytes[];
};

struct arena {
    unsigned depth;
    char *cursor;
    char *limit;
    struct chunk *kept;
    struct chunk *extra;
};

static _Thread_local struct arena arena;
static pthread_key_t kept_key;
static pthread_once_t kept_key_once = PTHREAD_ONCE_INIT;

static void free_kept(void *kept) {
    free(kept);
    arena.kept = NULL;
}

static void make_kept_key(void) { (void) pthread_key_create(&kept_key, free_kept); }

static size_t rounded(size_t size) { return (size + ALIGNMENT - 1) & ~(size_t) (ALIGNMENT - 1); }

static struct chunk *new_chunk(size_t size) {
    struct chunk *chunk = malloc(sizeof(struct chunk) + size);
    if (chunk == NULL) return NULL;
    chunk->next = NULL;
    chunk->end = chunk->bytes + size;
    return chunk;
}

/* Takes room for a block of `size` bytes in a new chunk, which becomes the current one. */
static void *take_from_new_chunk(struct arena *a, size_t needed) {
    size_t size = needed > CHUNK_SIZE ? needed : CHUNK_SIZE;
    struct chunk *chunk = new_chunk(size);
    if (chunk == NULL) return NULL;
    chunk->next = a->extra;
    a->extra = chunk;
    a->cursor = chunk->bytes + needed;
    a->limit = chunk->end;
    return chunk->bytes;
}

static int holds(const struct arena *a, const char *block) {
    if (a->kept != NULL && block > a->kept->bytes && block < a->kept->end) return 1;
    for (const struct chunk *chunk = a->extra; chunk != NULL; chunk = chunk->next)
        if (block > chunk->bytes && block < chunk->end) return 1;
    return 0;
}

void *cparse_arena_malloc(size_t size) {
    struct arena *a = &arena;
    if (a->depth == 0) return malloc(size);
    size_t needed = ALIGNMENT + rounded(size);
    char *start = a->cursor;
    if (start == NULL || (size_t) (a->limit - start) < needed) {
        start = take_from_new_chunk(a, needed);
        if (start == NULL) return NULL;
    } else {
        a->cursor = start + needed;
    }
    *(size_t *) start = size;
    return start + ALIGNMENT;
}

void *cparse_arena_realloc(void *block, size_t size) {
    struct arena *a = &arena;
    if (block == NULL) return cparse_arena_malloc(size);
    if (a->depth == 0 || !holds(a, block)) return realloc(block, size);
    size_t old = *(size_t *) ((char *) block - ALIGNMENT);
    void *moved = cparse_arena_malloc(size);
    if (moved != NULL) memcpy(moved, block, old < size ? old : size);
    return moved;
}

void cparse_arena_free(void *block) {
    struct arena *a = &arena;
    if (block == NULL || (a->depth != 0 && holds(a, block))) return;
    free(block);
}

void cparse_arena_begin(void) {
    struct arena *a = &arena;
    if (a->depth++ != 0) return;
    if (a->kept == NULL) {
        pthread_once(&kept_key_once, make_kept_key);
        a->kept = new_chunk(CHUNK_SIZE);
        if (a->kept != NULL) (void) pthread_setspecific(kept_key, a->kept);
    }
    a->cursor = a->kept != NULL ? a->kept->bytes : NULL;
    a->limit = a->kept != NULL ? a->kept->end : NULL;
}

void cparse_arena_end(void) {
    struct arena *a = &arena;
    if (--a->depth != 0) return;
    while (a->extra != NULL) {
        struct chunk *next = a->extra->next;
        free(a->extra);
        a->extra = next;
    }
    a->cursor = NULL;
    a->limit = NULL;
}

#endif
