#include "CParseArena.h"

#include <stdlib.h>

/* The parse arena as the fuzz package builds it (CPARSE_ARENA_SEPARATE_BLOCKS): each block a malloc
   of its own, listed while the arena is open and freed at the outermost end, so that
   AddressSanitizer sees libosip2 overrun one. ParseArena.c is the product's. */
#ifdef CPARSE_ARENA_SEPARATE_BLOCKS

struct listed {
    unsigned depth;
    size_t count, capacity;
    void **blocks;
};

static _Thread_local struct listed listed;

/* The index of `block` in the list, or the count when it is not listed. */
static size_t find(const void *block) {
    size_t index = listed.count;
    while (index > 0 && listed.blocks[index - 1] != block) index--;
    return index == 0 ? listed.count : index - 1;
}

static void *list(void *block) {
    if (block == NULL) return NULL;
    if (listed.count == listed.capacity) {
        size_t capacity = listed.capacity == 0 ? 64 : listed.capacity * 2;
        void **blocks = realloc(listed.blocks, capacity * sizeof *blocks);
        if (blocks == NULL) {
            free(block);
            return NULL;
        }
        listed.blocks = blocks;
        listed.capacity = capacity;
    }
    listed.blocks[listed.count++] = block;
    return block;
}

void *cparse_arena_malloc(size_t size) { return listed.depth == 0 ? malloc(size) : list(malloc(size)); }

void *cparse_arena_realloc(void *block, size_t size) {
    if (listed.depth == 0) return realloc(block, size);
    size_t index = block == NULL ? listed.count : find(block);
    if (index == listed.count) return list(realloc(block, size));
    void *moved = realloc(block, size);
    if (moved != NULL) listed.blocks[index] = moved;
    return moved;
}

void cparse_arena_free(void *block) {
    if (listed.depth != 0 && block != NULL) {
        size_t index = find(block);
        if (index != listed.count) listed.blocks[index] = listed.blocks[--listed.count];
    }
    free(block);
}

void cparse_arena_begin(void) { listed.depth++; }

void cparse_arena_end(void) {
    if (--listed.depth != 0) return;
    while (listed.count > 0) free(listed.blocks[--listed.count]);
}

#endif
