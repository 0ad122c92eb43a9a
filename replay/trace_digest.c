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

void trace_digest_pack_ext(msgpack_packer *pk, const trace_event *ev, trace_regs_state *st)
{
    fit(st, ev->nharts);
    msgpack_pack_uint64(pk, ev->sub_interval);
    size_t nsub = (size_t)ev->nsub * ev->nharts;
    msgpack_pack_bin(pk, nsub * 4);
    for (size_t i = 0; i < nsub; i++) {
        uint8_t le[4] = {(uint8_t)ev->sub[i], (uint8_t)(ev->sub[i] >> 8),
                         (uint8_t)(ev->sub[i] >> 16), (uint8_t)(ev->sub[i] >> 24)};
        msgpack_pack_bin_body(pk, le, 4);
    }
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
    if (n > st->sub_cap) {
        free(st->sub);
        st->sub = malloc(n * sizeof *st->sub); /* n is bounded by the chunk's bytes */
        if (!st->sub) {
            abort();
        }
        st->sub_cap = n;
    }
    const uint8_t *b = (const uint8_t *)f[1].via.bin.ptr;
    for (size_t i = 0; i < n; i++) {
        st->sub[i] = (uint32_t)b[4 * i] | (uint32_t)b[4 * i + 1] << 8 |
                     (uint32_t)b[4 * i + 2] << 16 | (uint32_t)b[4 * i + 3] << 24;
    }
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

void trace_regs_state_free(trace_regs_state *st)
{
    free(st->prev);
    free(st->cur);
    free(st->sub);
    memset(st, 0, sizeof *st);
}
