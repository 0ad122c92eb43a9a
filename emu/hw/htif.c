/* HTIF: commands complete at the write of the high word (or of the whole 64-bit word). It must
 * never interpret a command before both halves are written. */
#include "emu/hw/htif.h"

void htif_reset(htif *h)
{
    h->tohost = h->fromhost = 0;
}

static uint64_t merge(uint64_t old, uint64_t off, uint64_t val, unsigned size)
{
    if (size == 8)
        return val;
    unsigned shift = (unsigned)(off & 7) * 8;
    uint64_t mask = ((1ULL << (8 * size)) - 1) << shift;
    return (old & ~mask) | ((val << shift) & mask);
}

static void command(htif *h)
{
    uint64_t v = h->tohost;
    uint64_t dev = v >> 56, cmd = (v >> 48) & 0xff, payload = v & ((1ULL << 48) - 1);
    if (dev == 0 && cmd == 0 && (payload & 1)) {
        int code = (int)(payload >> 1);
        if (h->host->shutdown_request)
            h->host->shutdown_request(h->host_opaque,
                                      code ? BOARD_SHUTDOWN_FAIL : BOARD_SHUTDOWN_POWEROFF, code);
        h->tohost = 0;
    } else if (dev == 1 && cmd == 1) {
        if (h->host->serial_out)
            h->host->serial_out(h->host_opaque, (uint8_t)payload);
        h->tohost = 0;
        h->fromhost = (1ULL << 56) | (1ULL << 48);
    } else if (v) {
        h->tohost = 0;
    }
}

static uint64_t htif_read(void *opaque, uint64_t off, unsigned size)
{
    htif *h = opaque;
    uint64_t v = off < 8 ? h->tohost : h->fromhost;
    v >>= (off & 7) * 8;
    return size == 8 ? v : v & ((1ULL << (8 * size)) - 1);
}

static void htif_write(void *opaque, uint64_t off, uint64_t val, unsigned size)
{
    htif *h = opaque;
    if (off < 8) {
        h->tohost = merge(h->tohost, off, val, size);
        if ((off & 7) + size == 8)
            command(h);
    } else {
        h->fromhost = merge(h->fromhost, off, val, size);
    }
}

const mmio_ops htif_ops = {htif_read, htif_write};

/* fromhost may sit apart from tohost, so it gets its own window mapped onto offsets 8..15. */
static uint64_t from_read(void *opaque, uint64_t off, unsigned size)
{
    return htif_read(opaque, off + 8, size);
}

static void from_write(void *opaque, uint64_t off, uint64_t val, unsigned size)
{
    htif_write(opaque, off + 8, val, size);
}

const mmio_ops htif_fromhost_ops = {from_read, from_write};
