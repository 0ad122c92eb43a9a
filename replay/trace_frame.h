/* The chunk frame of replay/trace_format.h, encoded and checked in one place for the writer
 * and the reader. Internal to replay/; must never be used to build a frame by other means. */
#ifndef REPLAY_TRACE_FRAME_H
#define REPLAY_TRACE_FRAME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <xxhash.h>

#include "replay/trace_format.h"

typedef struct trace_frame {
    uint32_t length;
    uint8_t kind;
    uint8_t flags;
    uint16_t check;
    uint64_t sum;
} trace_frame;

static inline void trace_put_le(uint8_t *p, uint64_t v, int n)
{
    for (int i = 0; i < n; i++) {
        p[i] = (uint8_t)(v >> (8 * i));
    }
}

static inline uint64_t trace_get_le(const uint8_t *p, int n)
{
    uint64_t v = 0;
    for (int i = 0; i < n; i++) {
        v |= (uint64_t)p[i] << (8 * i);
    }
    return v;
}

static inline uint16_t trace_frame_check(const uint8_t *frame)
{
    return (uint16_t)XXH3_64bits(frame, 6);
}

/* The payload checksum: seeded with the frame's first 8 bytes, so they are covered too. */
static inline uint64_t trace_payload_sum(const uint8_t *frame, const void *payload, size_t len)
{
    return XXH3_64bits_withSeed(payload, len, trace_get_le(frame, 8));
}

/* Fills out[TRACE_FRAME_LEN] for a payload. */
static inline void trace_frame_encode(uint8_t *out, uint8_t kind, uint8_t flags,
                                      const void *payload, uint32_t len)
{
    trace_put_le(out, len, 4);
    out[4] = kind;
    out[5] = flags;
    trace_put_le(out + 6, trace_frame_check(out), 2);
    trace_put_le(out + 8, trace_payload_sum(out, payload, len), 8);
}

static inline void trace_frame_decode(const uint8_t *in, trace_frame *f)
{
    f->length = (uint32_t)trace_get_le(in, 4);
    f->kind = in[4];
    f->flags = in[5];
    f->check = (uint16_t)trace_get_le(in + 6, 2);
    f->sum = trace_get_le(in + 8, 8);
}

#endif
