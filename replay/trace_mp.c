/* Bounded msgpack reading for the trace reader: a structural check that runs before msgpack-c
 * unpacks untrusted bytes, and typed accessors. It must never read past the bytes it is given
 * nor let a declared length exceed them. */
#include <string.h>

#include "replay/trace_mp.h"

/* Walks one object's headers iteratively: `need` counts the objects still to come. */
bool trace_mp_scan(const uint8_t *p, size_t n, size_t *used)
{
    size_t pos = 0;
    uint64_t need = 1;
    while (need > 0) {
        if (pos >= n) {
            return false;
        }
        uint8_t b = p[pos++];
        uint64_t elems = 0, skip = 0;
        int lenbytes = 0; /* a big-endian length follows */
        bool ext = false;
        if (b <= 0x7f || b >= 0xe0) {
            /* fixint */
        } else if (b <= 0x8f) {
            elems = 2u * (b & 0x0f);
        } else if (b <= 0x9f) {
            elems = b & 0x0f;
        } else if (b <= 0xbf) {
            skip = b & 0x1f;
        } else if (b == 0xc1) {
            return false; /* never used */
        } else if (b >= 0xc4 && b <= 0xc6) {
            lenbytes = 1 << (b - 0xc4); /* bin 8/16/32 */
        } else if (b >= 0xc7 && b <= 0xc9) {
            lenbytes = 1 << (b - 0xc7); /* ext 8/16/32, then a type byte */
            ext = true;
        } else if (b == 0xca || b == 0xcb) {
            skip = b == 0xca ? 4 : 8;
        } else if (b >= 0xcc && b <= 0xd3) {
            skip = 1u << ((b - 0xcc) & 3);
        } else if (b >= 0xd4 && b <= 0xd8) {
            skip = 1 + (1u << (b - 0xd4)); /* fixext: type byte + data */
        } else if (b >= 0xd9 && b <= 0xdb) {
            lenbytes = 1 << (b - 0xd9); /* str 8/16/32 */
        } else if (b >= 0xdc) {
            lenbytes = b & 1 ? 4 : 2; /* array/map 16/32 */
        }
        if (lenbytes) {
            if ((size_t)lenbytes > n - pos) {
                return false;
            }
            uint64_t v = 0;
            for (int i = 0; i < lenbytes; i++) {
                v = v << 8 | p[pos++];
            }
            if (b >= 0xdc) {
                elems = b >= 0xde ? 2 * v : v;
            } else {
                skip = v + (ext ? 1 : 0);
            }
        }
        if (skip > n - pos) {
            return false;
        }
        pos += skip;
        need = need - 1 + elems;
        if (need > n - pos) {
            return false;
        }
    }
    *used = pos;
    return true;
}

bool trace_mp_uint(const msgpack_object *o, uint64_t max, uint64_t *v)
{
    if (o->type != MSGPACK_OBJECT_POSITIVE_INTEGER || o->via.u64 > max) {
        return false;
    }
    *v = o->via.u64;
    return true;
}

bool trace_mp_int(const msgpack_object *o, int64_t *v)
{
    if (o->type == MSGPACK_OBJECT_NEGATIVE_INTEGER) {
        *v = o->via.i64;
        return true;
    }
    if (o->type == MSGPACK_OBJECT_POSITIVE_INTEGER && o->via.u64 <= INT64_MAX) {
        *v = (int64_t)o->via.u64;
        return true;
    }
    return false;
}

bool trace_mp_key_is(const msgpack_object *k, const char *name)
{
    size_t n = strlen(name);
    return k->via.str.size == n && memcmp(k->via.str.ptr, name, n) == 0;
}
