/* A cache of the small blocks JSON values are made of (nodes, short strings and keys, short
 * member and item arrays): a freed block waits in a per-size-class queue and the next value
 * of that class reuses it, so building and freeing a reply costs no malloc or free once the
 * cache is warm. That matters most under AddressSanitizer, where every malloc records a
 * stack: the fuzz targets build and free hundreds of values per input.
 * Every cached block is a whole malloc chunk of its class's size, so free() of one stays
 * legal. Under ASan a queued block is poisoned (a use after json_block_free is reported as a
 * use-after-poison) and a block handed out is poisoned past the bytes asked for; the queues
 * are first in, first out, so a freed block is reused as late as the cache allows.
 * Must never hand out a block smaller than asked, never return memory to a class smaller
 * than its own, and never hold more than JSON_BLOCK_KEEP blocks a class. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qmp/json_internal.h"

#if defined(__SANITIZE_ADDRESS__)
#define JSON_BLOCK_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define JSON_BLOCK_ASAN 1
#endif
#endif

#ifdef JSON_BLOCK_ASAN
#include <sanitizer/asan_interface.h>
#define POISON(p, n)   __asan_poison_memory_region((p), (n))
#define UNPOISON(p, n) __asan_unpoison_memory_region((p), (n))
#else
#define POISON(p, n)   ((void)(p), (void)(n))
#define UNPOISON(p, n) ((void)(p), (void)(n))
#endif

#define GRAIN   16 /* class k holds blocks of k * GRAIN bytes */
#define CLASSES (JSON_BLOCK_MAX / GRAIN)

/* Each class's queue is a ring of pointers outside the blocks: a link inside a poisoned block
 * would hide the block from LeakSanitizer, which does not read poisoned memory. */
static struct {
    void *slot[JSON_BLOCK_KEEP];
    size_t first, len;
} queues[CLASSES + 1];

static size_t class_of(size_t n)
{
    return (n + GRAIN - 1) / GRAIN;
}

/* The oldest block queued in class k (which has one). */
static void *take(size_t k)
{
    void *b = queues[k].slot[queues[k].first];
    queues[k].first = (queues[k].first + 1) % JSON_BLOCK_KEEP;
    queues[k].len--;
    return b;
}

void *json_block_alloc(size_t n)
{
    size_t k = class_of(n ? n : 1);
    if (k > CLASSES) {
        return json_xmalloc(n);
    }
    if (!queues[k].len) {
        void *b = json_xmalloc(k * GRAIN);
        POISON((char *)b + n, k * GRAIN - n);
        return b;
    }
    void *b = take(k);
    UNPOISON(b, n);
    return b;
}

void json_block_free(void *p, size_t n)
{
    if (!p) {
        return;
    }
    size_t k = class_of(n ? n : 1);
    if (k > CLASSES || queues[k].len == JSON_BLOCK_KEEP) {
        free(p);
        return;
    }
    POISON(p, k * GRAIN);
    queues[k].slot[(queues[k].first + queues[k].len) % JSON_BLOCK_KEEP] = p;
    queues[k].len++;
}

void *json_block_realloc(void *p, size_t old_n, size_t n)
{
    if (!p) {
        return json_block_alloc(n);
    }
    size_t old_k = class_of(old_n ? old_n : 1), k = class_of(n ? n : 1);
    if (old_k > CLASSES && k > CLASSES) {
        return json_xrealloc(p, n);
    }
    if (old_k == k) {
        UNPOISON(p, n);
        if (n < old_n) {
            POISON((char *)p + n, old_n - n);
        }
        return p;
    }
    void *q = json_block_alloc(n);
    memcpy(q, p, old_n < n ? old_n : n);
    json_block_free(p, old_n);
    return q;
}

char *json_block_strndup(const char *s, size_t n)
{
    char *p = json_block_alloc(n + 1);
    if (n) {
        memcpy(p, s, n);
    }
    p[n] = 0;
    return p;
}

size_t json_block_cached(size_t n)
{
    size_t k = class_of(n ? n : 1);
    return k > CLASSES ? 0 : queues[k].len;
}

void json_block_drain(void)
{
    for (size_t k = 1; k <= CLASSES; k++) {
        while (queues[k].len) {
            void *b = take(k);
            UNPOISON(b, k * GRAIN);
            free(b);
        }
    }
}
