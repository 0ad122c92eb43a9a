/* The RAM write log of record and replay: which 4 KiB pages of a board's RAM were written since
 * the last collection, a hash of every page kept up to date from those, and a whole-RAM hash
 * built from the page hashes, so a digest covers all of RAM for the cost of the pages written
 * since the one before. Writers mark what they write (the CPU marks a page when it caches a
 * write pointer to it, so its fast path stays unchanged); collecting hashes the marked pages.
 * It must never read a page that was not marked, and never depend on anything but RAM's bytes
 * and the order of marks (addresses and allocation are the host's). */
#ifndef EMU_HW_RAM_LOG_H
#define EMU_HW_RAM_LOG_H

#include <stdbool.h>
#include <stdint.h>

#define RAM_LOG_PAGE_BITS 12
#define RAM_LOG_PAGE      (1u << RAM_LOG_PAGE_BITS)

typedef struct ram_log {
    const uint8_t *ram;
    uint64_t size;
    uint32_t npages;
    uint8_t *marked; /* per page: written since the last collection */
    uint32_t *marked_list;
    uint32_t nmarked;
    uint64_t *page_hash; /* xxh3 of each page at its last collection */
    /* The pages whose hash changed at a collection since ram_log_reset_changed (a page
     * written with the bytes it had is not one), with their hash before the first of those
     * changes, in the order they first changed. */
    uint8_t *changed;
    uint32_t *changed_list;
    uint64_t *changed_before;
    uint32_t nchanged;
    uint64_t sum; /* the sum of page_hash[i] * (2i + 1): an odd factor per page, so any one
                   * page's change always changes it */
} ram_log;

/* Starts a log of ram[0, size) whose bytes outside [lo, hi) are all zero; the pages of [lo, hi)
 * are marked. False when out of memory. */
bool ram_log_init(ram_log *l, const uint8_t *ram, uint64_t size, uint64_t lo, uint64_t hi);
void ram_log_free(ram_log *l);

/* Marks the pages of [off, off + len) (offsets into RAM; the part outside RAM is ignored). */
void ram_log_mark(ram_log *l, uint64_t off, uint64_t len);

/* Whether page p is marked (written since the last collection). */
static inline bool ram_log_marked(const ram_log *l, uint32_t p)
{
    return p < l->npages && l->marked[p];
}

/* Hashes the marked pages and unmarks them; returns how many there were. */
uint32_t ram_log_collect(ram_log *l);

/* The whole-RAM hash as of the last collection. */
static inline uint64_t ram_log_sum(const ram_log *l)
{
    return l->sum;
}

/* Forgets which pages changed (the start of a digest interval). */
void ram_log_reset_changed(ram_log *l);

/* The xxh3 of page p's bytes now (not the kept hash). */
uint64_t ram_log_hash_page(const ram_log *l, uint32_t p);

#endif
