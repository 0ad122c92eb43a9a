/* A model of GLib 2.74's GHashTable slot layout, used for one observable thing: which
 * unexpected argument QEMU names. QEMU puts an argument object's keys into a GHashTable
 * (g_str_hash, inserted in QDict order), removes each key its visitor consumes, and reports the
 * first key left by slot order. This replays those inserts and removals, with GLib's
 * quadratic probing, tombstones, and grow/shrink rehashing, on an array of slots.
 * Must never allocate per key beyond the slot arrays, nor depend on anything but the keys. */
#include "qmp/ghash_order.h"

#include <stdlib.h>
#include <string.h>

#define UNUSED_HASH    0u
#define TOMBSTONE_HASH 1u
#define MIN_SHIFT      3

static const uint32_t prime_mod[] = {
    1,        2,        3,        7,         13,        31,        61,      127,
    251,      509,      1021,     2039,      4093,      8191,      16381,   32749,
    65521,    131071,   262139,   524287,    1048573,   2097143,   4194301, 8388593,
    16777213, 33554393, 67108859, 134217689, 268435399, 536870909,
};

typedef struct table {
    uint32_t *hashes;
    long *members; /* member index in each slot */
    uint32_t size, mod, mask;
    uint32_t nnodes, noccupied;
} table;

static uint32_t str_hash(const char *key)
{
    uint32_t h = 5381;
    for (const signed char *p = (const signed char *)key; *p; p++) {
        h = (h << 5) + h + (uint32_t)(int32_t)*p;
    }
    return h;
}

static void set_shift(table *t, int shift)
{
    t->size = 1u << shift;
    t->mod = prime_mod[shift];
    t->mask = t->size - 1;
}

static void set_shift_from_size(table *t, int size)
{
    int shift = 0;
    while (size) {
        size >>= 1;
        shift++;
    }
    set_shift(t, shift < MIN_SHIFT ? MIN_SHIFT : shift);
}

static uint32_t to_index(const table *t, uint32_t hash)
{
    return (hash * 11u) % t->mod;
}

static bool bit(const uint8_t *bm, uint32_t i)
{
    return bm[i / 8] & (1u << (i % 8));
}

static void resize(table *t)
{
    uint32_t old_size = t->size;
    set_shift_from_size(t, (int)(t->nnodes * 1.333));
    uint32_t cap = t->size > old_size ? t->size : old_size;
    if (t->size > old_size) {
        t->hashes = realloc(t->hashes, cap * sizeof(uint32_t));
        t->members = realloc(t->members, cap * sizeof(long));
        for (uint32_t i = old_size; i < cap; i++) {
            t->hashes[i] = UNUSED_HASH;
            t->members[i] = -1;
        }
    }
    uint8_t *moved = calloc((cap + 7) / 8, 1);
    for (uint32_t i = 0; i < old_size; i++) {
        uint32_t node_hash = t->hashes[i];
        if (node_hash < 2) {
            t->hashes[i] = UNUSED_HASH;
            continue;
        }
        if (bit(moved, i)) {
            continue;
        }
        t->hashes[i] = UNUSED_HASH;
        long member = t->members[i];
        for (;;) {
            uint32_t idx = to_index(t, node_hash), step = 0;
            while (bit(moved, idx)) {
                step++;
                idx = (idx + step) & t->mask;
            }
            moved[idx / 8] |= (uint8_t)(1u << (idx % 8));
            uint32_t replaced = t->hashes[idx];
            long replaced_member = t->members[idx];
            t->hashes[idx] = node_hash;
            t->members[idx] = member;
            if (replaced < 2) {
                break;
            }
            node_hash = replaced;
            member = replaced_member;
        }
    }
    free(moved);
    t->noccupied = t->nnodes;
}

static void maybe_resize(table *t)
{
    uint32_t occ = t->noccupied;
    if ((t->size > t->nnodes * 4 && t->size > (1u << MIN_SHIFT)) || t->size <= occ + occ / 16) {
        resize(t);
    }
}

/* Slot of key (found, or where it would go); sets *hash_out. */
static uint32_t lookup(const table *t, const json_value *obj, const char *key, uint32_t *hash_out)
{
    uint32_t h = str_hash(key);
    if (h < 2) {
        h = 2;
    }
    *hash_out = h;
    uint32_t idx = to_index(t, h), step = 0;
    bool have_tomb = false;
    uint32_t tomb = 0;
    while (t->hashes[idx] != UNUSED_HASH) {
        if (t->hashes[idx] == h && !strcmp(obj->obj.members[t->members[idx]].key, key)) {
            return idx;
        }
        if (t->hashes[idx] == TOMBSTONE_HASH && !have_tomb) {
            tomb = idx;
            have_tomb = true;
        }
        step++;
        idx = (idx + step) & t->mask;
    }
    return have_tomb ? tomb : idx;
}

long ghash_first_remaining(const json_value *obj, const size_t *removed, size_t nremoved)
{
    size_t n = obj->obj.len;
    if (!n) {
        return -1;
    }
    table t = {0};
    set_shift(&t, MIN_SHIFT);
    t.hashes = calloc(t.size, sizeof(uint32_t));
    t.members = malloc(t.size * sizeof(long));
    size_t *order = malloc(n * sizeof(size_t));
    json_object_qdict_order(obj, order);
    for (size_t k = 0; k < n; k++) {
        const char *key = obj->obj.members[order[k]].key;
        uint32_t h;
        uint32_t idx = lookup(&t, obj, key, &h);
        bool new_slot = t.hashes[idx] == UNUSED_HASH;
        t.hashes[idx] = h;
        t.members[idx] = (long)order[k];
        t.nnodes++;
        if (new_slot) {
            t.noccupied++;
            maybe_resize(&t);
        }
    }
    for (size_t r = 0; r < nremoved; r++) {
        uint32_t h;
        uint32_t idx = lookup(&t, obj, obj->obj.members[removed[r]].key, &h);
        if (t.hashes[idx] >= 2) {
            t.hashes[idx] = TOMBSTONE_HASH;
            t.nnodes--;
            maybe_resize(&t);
        }
    }
    long found = -1;
    for (uint32_t i = 0; i < t.size && found < 0; i++) {
        if (t.hashes[i] >= 2) {
            found = t.members[i];
        }
    }
    free(order);
    free(t.hashes);
    free(t.members);
    return found;
}
