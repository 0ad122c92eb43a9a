/* The RAM write log (ram_log.h): marked pages, their hashes and the whole-RAM sum. It must never
 * read a page that was not marked, nor let a mark outside RAM touch anything. */
#include "emu/hw/ram_log.h"

#include <stdlib.h>
#include <string.h>

#include <xxhash.h>

static const uint8_t zero_page[RAM_LOG_PAGE];

static uint64_t page_len(const ram_log *l, uint32_t p)
{
    uint64_t off = (uint64_t)p << RAM_LOG_PAGE_BITS;
    return l->size - off < RAM_LOG_PAGE ? l->size - off : RAM_LOG_PAGE;
}

uint64_t ram_log_hash_page(const ram_log *l, uint32_t p)
{
    return XXH3_64bits(l->ram + ((uint64_t)p << RAM_LOG_PAGE_BITS), (size_t)page_len(l, p));
}

bool ram_log_init(ram_log *l, const uint8_t *ram, uint64_t size, uint64_t lo, uint64_t hi)
{
    memset(l, 0, sizeof(*l));
    uint64_t npages = (size + RAM_LOG_PAGE - 1) >> RAM_LOG_PAGE_BITS;
    if (npages > UINT32_MAX) {
        return false;
    }
    l->ram = ram;
    l->size = size;
    l->npages = (uint32_t)npages;
    size_t n = npages ? (size_t)npages : 1;
    l->marked = calloc(n, 1);
    l->changed = calloc(n, 1);
    l->marked_list = malloc(n * sizeof(uint32_t));
    l->changed_list = malloc(n * sizeof(uint32_t));
    l->changed_before = malloc(n * sizeof(uint64_t));
    l->page_hash = malloc(n * sizeof(uint64_t));
    if (!l->marked || !l->changed || !l->marked_list || !l->changed_list || !l->changed_before ||
        !l->page_hash) {
        ram_log_free(l);
        return false;
    }
    uint64_t zero = XXH3_64bits(zero_page, RAM_LOG_PAGE);
    for (uint32_t p = 0; p < l->npages; p++) {
        l->page_hash[p] =
            page_len(l, p) == RAM_LOG_PAGE ? zero : XXH3_64bits(zero_page, page_len(l, p));
        l->sum += l->page_hash[p] * (2 * (uint64_t)p + 1);
    }
    if (lo < hi) {
        ram_log_mark(l, lo, hi - lo);
    }
    return true;
}

void ram_log_free(ram_log *l)
{
    free(l->marked);
    free(l->changed);
    free(l->marked_list);
    free(l->changed_list);
    free(l->changed_before);
    free(l->page_hash);
    memset(l, 0, sizeof(*l));
}

void ram_log_mark(ram_log *l, uint64_t off, uint64_t len)
{
    if (!l->npages || !len || off >= l->size) {
        return;
    }
    uint64_t end = len > l->size - off ? l->size : off + len;
    for (uint64_t p = off >> RAM_LOG_PAGE_BITS; p <= (end - 1) >> RAM_LOG_PAGE_BITS; p++) {
        if (!l->marked[p]) {
            l->marked[p] = 1;
            l->marked_list[l->nmarked++] = (uint32_t)p;
        }
    }
}

uint32_t ram_log_collect(ram_log *l)
{
    uint32_t n = l->nmarked;
    for (uint32_t k = 0; k < n; k++) {
        uint32_t p = l->marked_list[k];
        l->marked[p] = 0;
        uint64_t h = ram_log_hash_page(l, p);
        if (h != l->page_hash[p] && !l->changed[p]) {
            l->changed[p] = 1;
            l->changed_before[l->nchanged] = l->page_hash[p];
            l->changed_list[l->nchanged++] = p;
        }
        l->sum += (h - l->page_hash[p]) * (2 * (uint64_t)p + 1);
        l->page_hash[p] = h;
    }
    l->nmarked = 0;
    return n;
}

void ram_log_reset_changed(ram_log *l)
{
    for (uint32_t k = 0; k < l->nchanged; k++) {
        l->changed[l->changed_list[k]] = 0;
    }
    l->nchanged = 0;
}
