/* The digest event's appended fields: sub-checkpoint hashes (a bin of little-endian u32) and
 * each hart's registers XOR-coded against the previous digest (trace_format.h). Spinning or
 * slowly changing code leaves most registers unchanged between two digests, so most cost one
 * bit of a mask; this keeps a guest without input within the trace growth budget. It must
 * never read a field it has not checked, nor allocate for a length the bytes do not hold. */
#include <stdlib.h>
#include <string.h>

#include "replay/trace_digest.h"
#include "replay/trace_mp.h"

/* Makes st hold nharts harts, zeroing the previous values when the count changes. */
static void fit(trace_regs_state *st, uint32_t nharts)
{
    if (st->nharts == nharts && st->prev) {
        return;
    }
    free(st->prev);
    free(st->cur);
    size_t n = (size_t)(nharts ? nharts : 1) * TRACE_REGS;
    st->prev = calloc(n, sizeof *st->prev);
    st->cur = calloc(n, sizeof *st->cur);
    if (!st->prev || !st->cur) {
        abort();
    }
    st->nharts = nharts;
}

static void pack_u32s(msgpack_packer *pk, const uint32_t *v, size_t n)
{
    msgpack_pack_bin(pk, n * 4);
    for (size_t i = 0; i < n; i++) {
        uint8_t le[4] = {(uint8_t)v[i], (uint8_t)(v[i] >> 8), (uint8_t)(v[i] >> 16),
                         (uint8_t)(v[i] >> 24)};
        msgpack_pack_bin_body(pk, le, 4);
    }
}

static uint32_t le32(const uint8_t *b)
{
    return (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
}

/* Decodes a bin of n little-endian u32 into *buf (grown to hold them; n is bounded by the
 * chunk's bytes). */
static void fit_u32s(size_t n, uint32_t **buf, size_t *cap)
{
    if (n > *cap) {
        free(*buf);
        *buf = malloc(n * sizeof **buf);
        if (!*buf) {
            abort();
        }
        *cap = n;
    }
}

static void unpack_u32s(const msgpack_object *o, size_t n, uint32_t **buf, size_t *cap)
{
    fit_u32s(n, buf, cap);
    const uint8_t *b = (const uint8_t *)o->via.bin.ptr;
    for (size_t i = 0; i < n; i++) {
        (*buf)[i] = le32(b + 4 * i);
    }
}

void trace_digest_pack_ext(msgpack_packer *pk, const trace_event *ev, trace_regs_state *st)
{
    fit(st, ev->nharts);
    msgpack_pack_uint64(pk, ev->sub_interval);
    pack_u32s(pk, ev->sub, (size_t)ev->nsub * ev->nharts);
    msgpack_pack_array(pk, ev->nharts);
    for (uint32_t h = 0; h < ev->nharts; h++) {
        const uint64_t *v = ev->regs + (size_t)h * TRACE_REGS;
        uint64_t *p = st->prev + (size_t)h * TRACE_REGS;
        uint32_t mask = 0, n = 0;
        for (int r = 0; r < TRACE_REGS; r++) {
            if (v[r] != p[r]) {
                mask |= 1u << r;
                n++;
            }
        }
        msgpack_pack_array(pk, 1 + n);
        msgpack_pack_uint32(pk, mask);
        for (int r = 0; r < TRACE_REGS; r++) {
            if (mask >> r & 1) {
                msgpack_pack_uint64(pk, v[r] ^ p[r]);
                p[r] = v[r];
            }
        }
    }
}

bool trace_digest_unpack_ext(const msgpack_object *f, trace_event *ev, trace_regs_state *st)
{
    if (!trace_mp_uint(&f[0], UINT64_MAX, &ev->sub_interval) || f[1].type != MSGPACK_OBJECT_BIN ||
        f[2].type != MSGPACK_OBJECT_ARRAY || f[2].via.array.size != ev->nharts) {
        return false;
    }
    size_t bytes = f[1].via.bin.size;
    size_t per = (size_t)ev->nharts * 4;
    if (per == 0 ? bytes != 0 : bytes % per != 0) {
        return false;
    }
    size_t n = bytes / 4;
    unpack_u32s(&f[1], n, &st->sub, &st->sub_cap);
    fit(st, ev->nharts);
    for (uint32_t h = 0; h < ev->nharts; h++) {
        const msgpack_object *a = &f[2].via.array.ptr[h];
        uint64_t mask;
        if (a->type != MSGPACK_OBJECT_ARRAY || a->via.array.size < 1 ||
            !trace_mp_uint(&a->via.array.ptr[0], UINT32_MAX, &mask) ||
            a->via.array.size != 1u + (uint32_t)__builtin_popcountll(mask)) {
            return false;
        }
        uint64_t *p = st->prev + (size_t)h * TRACE_REGS;
        uint32_t k = 1;
        for (int r = 0; r < TRACE_REGS; r++) {
            uint64_t x;
            if (mask >> r & 1) {
                if (!trace_mp_uint(&a->via.array.ptr[k++], UINT64_MAX, &x)) {
                    return false;
                }
                p[r] ^= x;
            }
        }
    }
    memcpy(st->cur, st->prev, (size_t)ev->nharts * TRACE_REGS * sizeof *st->cur);
    ev->sub = st->sub;
    ev->nsub = ev->nharts ? (uint32_t)(n / ev->nharts) : 0;
    ev->regs = st->cur;
    return true;
}

/* Sub-checkpoint values of state that did not change over the interval (as while a guest
 * waits): an empty bin when every one equals the low half of the digest's own value, one value
 * when they are all equal to it; else all of them. */
static void pack_subs(msgpack_packer *pk, const uint32_t *v, uint32_t n, uint64_t at_digest)
{
    bool same = true, equal = true;
    for (uint32_t k = 0; k < n; k++) {
        same = same && v[k] == (uint32_t)at_digest;
        equal = equal && v[k] == v[0];
    }
    pack_u32s(pk, v, same ? 0 : equal ? 1 : n);
}

static bool unpack_subs(const msgpack_object *o, uint32_t n, uint64_t at_digest, uint32_t **buf,
                        size_t *cap)
{
    size_t size = o->type == MSGPACK_OBJECT_BIN ? o->via.bin.size : 1;
    if (size != (size_t)n * 4 && size != 0 && !(size == 4 && n > 0)) {
        return false;
    }
    fit_u32s(n > 0 ? n : 1, buf, cap);
    unpack_u32s(o, size / 4, buf, cap);
    uint32_t all = size ? (*buf)[0] : (uint32_t)at_digest;
    for (uint32_t k = size / 4; k < n; k++) {
        (*buf)[k] = all;
    }
    return true;
}

void trace_ram_page(const trace_event *ev, uint32_t i, uint32_t *page, uint32_t *hash)
{
    *page = le32(ev->ram_pages + 8 * (size_t)i);
    *hash = le32(ev->ram_pages + 8 * (size_t)i + 4);
}

void trace_digest_pack_ram(msgpack_packer *pk, const trace_event *ev)
{
    msgpack_pack_uint64(pk, ev->ram_sum);
    msgpack_pack_bin_with_body(pk, ev->ram_pages, (size_t)ev->nram_pages * 8);
    pack_subs(pk, ev->sub_ram, ev->nsub, ev->ram_sum);
}

void trace_digest_pack_dev(msgpack_packer *pk, const trace_event *ev)
{
    pack_u32s(pk, ev->dev_parts, ev->ndev_parts);
    pack_subs(pk, ev->sub_dev, ev->nsub, ev->devices);
}

bool trace_digest_unpack_dev(const msgpack_object *f, trace_event *ev, trace_regs_state *st)
{
    if (f[0].type != MSGPACK_OBJECT_BIN || f[0].via.bin.size % 4 != 0 ||
        f[0].via.bin.size > TRACE_MAX_DEV_PARTS * 4 ||
        !unpack_subs(&f[1], ev->nsub, ev->devices, &st->sub_dev, &st->sub_dev_cap)) {
        return false;
    }
    unpack_u32s(&f[0], f[0].via.bin.size / 4, &st->dev_parts, &st->dev_parts_cap);
    ev->dev_log = true;
    ev->dev_parts = st->dev_parts;
    ev->ndev_parts = (uint32_t)(f[0].via.bin.size / 4);
    ev->sub_dev = st->sub_dev;
    return true;
}

bool trace_digest_unpack_ram(const msgpack_object *f, trace_event *ev, trace_regs_state *st)
{
    if (!trace_mp_uint(&f[0], UINT64_MAX, &ev->ram_sum) || f[1].type != MSGPACK_OBJECT_BIN ||
        f[1].via.bin.size % 8 != 0 ||
        !unpack_subs(&f[2], ev->nsub, ev->ram_sum, &st->sub_ram, &st->sub_ram_cap)) {
        return false;
    }
    const uint8_t *pages = (const uint8_t *)f[1].via.bin.ptr;
    size_t n = f[1].via.bin.size / 8;
    for (size_t i = 1; i < n; i++) {
        if (le32(pages + 8 * i) <= le32(pages + 8 * (i - 1))) {
            return false; /* the indexes must ascend: readers search them */
        }
    }
    ev->ram_log = true;
    ev->ram_pages = pages;
    ev->nram_pages = (uint32_t)n;
    ev->sub_ram = st->sub_ram;
    return true;
}

void trace_regs_state_free(trace_regs_state *st)
{
    free(st->prev);
    free(st->cur);
    free(st->sub);
    free(st->sub_ram);
    free(st->dev_parts);
    free(st->sub_dev);
    memset(st, 0, sizeof *st);
}
