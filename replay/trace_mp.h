/* Bounded msgpack reading helpers of replay/trace_reader.c. Internal to replay/; they must
 * never be bypassed for bytes read from a trace. */
#ifndef REPLAY_TRACE_MP_H
#define REPLAY_TRACE_MP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <msgpack.h>

/* Checks that p[0..n) starts with one whole msgpack object whose every array, map, string
 * and binary length fits in the bytes that remain (each pending element needs at least one
 * byte), so that msgpack-c, which allocates for an array's declared size before reading its
 * elements, never allocates more than a small multiple of n. *used: the object's size. */
bool trace_mp_scan(const uint8_t *p, size_t n, size_t *used);
/* A non-negative integer no larger than max. */
bool trace_mp_uint(const msgpack_object *o, uint64_t max, uint64_t *v);
/* An integer that fits an int64_t. */
bool trace_mp_int(const msgpack_object *o, int64_t *v);
/* k (a string) equals name. */
bool trace_mp_key_is(const msgpack_object *k, const char *name);

#endif
