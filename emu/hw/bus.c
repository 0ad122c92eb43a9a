/* The board's physical address map: lookup of ranges for CPU slow-path accesses and for TLB
 * fills. It must never touch guest-visible state; devices do that in their callbacks. */
#include "emu/hw/bus.h"

#include <string.h>

void bus_init(bus *b)
{
    memset(b, 0, sizeof(*b));
}

static bool add(bus *b, bus_range r)
{
    if (b->n >= BUS_MAX_RANGES || r.size == 0 || r.base + r.size < r.base)
        return false;
    b->ranges[b->n++] = r;
    b->last = NULL;
    return true;
}

bool bus_add_ram(bus *b, const char *name, uint64_t base, uint64_t size, uint8_t *host,
                 bool readonly)
{
    bus_range r = {.base = base, .size = size, .host = host, .readonly = readonly, .name = name};
    return add(b, r);
}

bool bus_add_mmio(bus *b, const char *name, uint64_t base, uint64_t size, const mmio_ops *ops,
                  void *opaque)
{
    bus_range r = {.base = base, .size = size, .ops = ops, .opaque = opaque, .name = name};
    return add(b, r);
}

static bool contains(const bus_range *r, uint64_t addr, uint64_t len)
{
    return addr >= r->base && addr - r->base < r->size && len <= r->size - (addr - r->base);
}

const bus_range *bus_find(bus *b, uint64_t addr, uint64_t len)
{
    if (b->last && contains(b->last, addr, len))
        return b->last;
    /* Newest first, so overlays shadow what they cover. */
    for (int i = b->n - 1; i >= 0; i--) {
        const bus_range *r = &b->ranges[i];
        if (addr >= r->base && addr - r->base < r->size) {
            if (!contains(r, addr, len))
                return NULL;
            /* Only cache ranges nothing newer overlaps. */
            bool shadowed = false;
            for (int j = i + 1; j < b->n; j++) {
                const bus_range *o = &b->ranges[j];
                if (o->base < r->base + r->size && r->base < o->base + o->size)
                    shadowed = true;
            }
            if (!shadowed)
                b->last = r;
            return r;
        }
    }
    return NULL;
}

bool bus_page_is_plain(bus *b, uint64_t page_addr, bool *readonly, uint8_t **host)
{
    const bus_range *found = NULL;
    for (int i = b->n - 1; i >= 0; i--) {
        const bus_range *r = &b->ranges[i];
        bool overlaps = r->base < page_addr + 4096 && page_addr < r->base + r->size;
        if (!overlaps)
            continue;
        if (found || !r->host || !contains(r, page_addr, 4096))
            return false;
        found = r;
    }
    if (!found)
        return false;
    *readonly = found->readonly;
    *host = found->host + (page_addr - found->base);
    return true;
}
