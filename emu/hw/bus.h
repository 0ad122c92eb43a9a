/* The physical address space of a board: a flat, sorted list of ranges, each either host memory
 * (RAM/ROM: the CPU reads and writes it directly through its TLB) or a device with read/write
 * callbacks taking (opaque, offset, size). The CPU sees devices only through this interface.
 * It must never allocate on the access path nor let an access escape a range's bounds. */
#ifndef EMU_HW_BUS_H
#define EMU_HW_BUS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "emu/hw/ram_log.h"

typedef struct mmio_ops {
    /* size is 1, 2, 4 or 8; offset + size never exceeds the range. */
    uint64_t (*read)(void *opaque, uint64_t offset, unsigned size);
    void (*write)(void *opaque, uint64_t offset, uint64_t value, unsigned size);
} mmio_ops;

typedef struct bus_range {
    uint64_t base;
    uint64_t size;
    uint8_t *host; /* non-NULL: memory backed by host bytes */
    bool readonly; /* ROM: guest stores fault */
    const mmio_ops *ops;
    void *opaque;
    const char *name;
} bus_range;

#define BUS_MAX_RANGES 32

typedef struct bus {
    bus_range ranges[BUS_MAX_RANGES];
    int n;
    /* A one-entry cache of the last range found: devices are hit in bursts. */
    const bus_range *last;
    /* While recording or replaying: the log of writes to the RAM at log_base. */
    ram_log *log;
    uint64_t log_base;
} bus;

/* Every write to host memory outside the CPU's cached write pointers goes through here, and the
 * CPU calls it for a page when it caches a write pointer to it. */
static inline void bus_note_write(bus *b, uint64_t addr, uint64_t len)
{
    if (__builtin_expect(b->log != NULL, 0) && addr - b->log_base < b->log->size) {
        ram_log_mark(b->log, addr - b->log_base, len);
    }
}

/* The same, by the host address of the bytes written (a cached write pointer's page). */
static inline void bus_note_host_write(bus *b, const uint8_t *host, uint64_t len)
{
    if (b->log && (uintptr_t)host - (uintptr_t)b->log->ram < b->log->size) {
        ram_log_mark(b->log, (uint64_t)((uintptr_t)host - (uintptr_t)b->log->ram), len);
    }
}

void bus_init(bus *b);
/* Later additions win where ranges overlap (an overlay such as HTIF's tohost over RAM).
 * Returns false when the table is full. */
bool bus_add_ram(bus *b, const char *name, uint64_t base, uint64_t size, uint8_t *host,
                 bool readonly);
bool bus_add_mmio(bus *b, const char *name, uint64_t base, uint64_t size, const mmio_ops *ops,
                  void *opaque);
/* The range holding [addr, addr+len), or NULL (the access faults). */
const bus_range *bus_find(bus *b, uint64_t addr, uint64_t len);
/* True when the whole 4 KiB page at page_addr is plain host memory of one range with no overlay:
 * only then may the CPU cache a host pointer for it. */
bool bus_page_is_plain(bus *b, uint64_t page_addr, bool *readonly, uint8_t **host);

#endif
