/* The CLINT. Timer arithmetic follows QEMU 7.2's aclint exactly (the deadline is set in ns from
 * the moment of the mtimecmp write), so interrupts arrive at the same instruction as under
 * QEMU -icount. It must never raise an interrupt for a hart it was not built for. */
#include "emu/hw/clint.h"

#include <string.h>

static void write_timecmp(clint *c, int h, uint64_t v);

void clint_init(clint *c, int nharts, dev_clock clock)
{
    memset(c, 0, sizeof(*c));
    c->nharts = nharts > CLINT_MAX_HARTS ? CLINT_MAX_HARTS : nharts;
    c->clock = clock;
}

void clint_reset(clint *c)
{
    c->time_delta = 0;
    /* Like QEMU's aclint reset: mtime is written to 0, which re-evaluates every mtimecmp (0 after
     * reset), so MTIP starts pending. Harts must be reset before this. */
    c->time_delta = -(int64_t)clint_mtime(c);
    for (int i = 0; i < c->nharts; i++) {
        c->msip_val[i] = 0;
        irq_set(&c->msip[i], false);
        c->timecmp[i] = 0;
        c->deadline_ns[i] = DEV_NO_DEADLINE;
        write_timecmp(c, i, 0);
    }
}

uint64_t clint_mtime(clint *c)
{
    return dev_now(&c->clock) / (1000000000ULL / CLINT_FREQ_HZ) + (uint64_t)c->time_delta;
}

static void write_timecmp(clint *c, int h, uint64_t v)
{
    uint64_t mtime = clint_mtime(c);
    c->timecmp[h] = v;
    if (v <= mtime) {
        c->deadline_ns[h] = DEV_NO_DEADLINE;
        irq_set(&c->mtip[h], true);
        return;
    }
    irq_set(&c->mtip[h], false);
    uint64_t diff = v - mtime;
    uint64_t ns_per_tick = 1000000000ULL / CLINT_FREQ_HZ;
    uint64_t now = dev_now(&c->clock);
    if (diff > (UINT64_MAX / 2 - now) / ns_per_tick)
        c->deadline_ns[h] = DEV_NO_DEADLINE; /* beyond any reachable time */
    else
        c->deadline_ns[h] = now + diff * ns_per_tick;
    dev_deadline_changed(&c->clock);
}

uint64_t clint_next_deadline(const clint *c)
{
    uint64_t d = DEV_NO_DEADLINE;
    for (int i = 0; i < c->nharts; i++)
        if (c->deadline_ns[i] < d)
            d = c->deadline_ns[i];
    return d;
}

void clint_update(clint *c, uint64_t now_ns)
{
    for (int i = 0; i < c->nharts; i++)
        if (c->deadline_ns[i] <= now_ns) {
            c->deadline_ns[i] = DEV_NO_DEADLINE;
            write_timecmp(c, i, c->timecmp[i]);
        }
}

static uint64_t clint_read(void *opaque, uint64_t off, unsigned size)
{
    clint *c = opaque;
    uint64_t v = 0;
    unsigned shift = (unsigned)(off & 7) * 8;
    if (off < 0x4000) {
        int h = (int)(off / 4);
        if (h < c->nharts && size == 4 && !(off & 3))
            v = c->msip_val[h];
        return v;
    }
    if (off >= 0x4000 && off < 0x4000 + 8ULL * (uint64_t)c->nharts)
        v = c->timecmp[(off - 0x4000) / 8];
    else if (off >= 0xbff8 && off < 0xc000)
        v = clint_mtime(c);
    else
        return 0;
    v >>= shift;
    return size == 8 ? v : v & ((1ULL << (8 * size)) - 1);
}

static uint64_t merge(uint64_t old, uint64_t off, uint64_t val, unsigned size)
{
    if (size == 8)
        return val;
    unsigned shift = (unsigned)(off & 7) * 8;
    uint64_t mask = ((1ULL << (8 * size)) - 1) << shift;
    return (old & ~mask) | ((val << shift) & mask);
}

static void clint_write(void *opaque, uint64_t off, uint64_t val, unsigned size)
{
    clint *c = opaque;
    if (off < 0x4000) {
        int h = (int)(off / 4);
        if (h < c->nharts && size == 4 && !(off & 3)) {
            c->msip_val[h] = (uint32_t)val & 1;
            irq_set(&c->msip[h], val & 1);
        }
        return;
    }
    if (off >= 0x4000 && off < 0x4000 + 8ULL * (uint64_t)c->nharts) {
        int h = (int)((off - 0x4000) / 8);
        write_timecmp(c, h, merge(c->timecmp[h], off, val, size));
        return;
    }
    if (off >= 0xbff8 && off < 0xc000) {
        uint64_t now_raw = clint_mtime(c) - (uint64_t)c->time_delta;
        uint64_t nv = merge(clint_mtime(c), off, val, size);
        c->time_delta = (int64_t)(nv - now_raw);
        for (int i = 0; i < c->nharts; i++)
            write_timecmp(c, i, c->timecmp[i]);
    }
}

const mmio_ops clint_ops = {clint_read, clint_write};
