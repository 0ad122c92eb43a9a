/* JSON values: constructors, ownership, cloning, object members and QEMU's QDict iteration
 * order; also the modified-UTF-8 helpers the parser and writer share.
 * Must never make member order depend on anything but the keys and their insertion order
 * (no pointer values, no seeds), and must never silently survive an allocation failure. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qmp/json_internal.h"

/* ---- allocation ---- */

static void out_of_memory(void)
{
    fputs("emu: out of memory\n", stderr);
    abort();
}

void *json_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) {
        out_of_memory();
    }
    return p;
}

void *json_xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q) {
        out_of_memory();
    }
    return q;
}

char *json_xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(json_xmalloc(n), s, n);
}

/* ---- constructors ---- */

static json_value *new_value(json_kind kind)
{
    json_value *v = json_block_alloc(sizeof(*v));
    memset(v, 0, sizeof(*v));
    v->kind = kind;
    return v;
}

json_value *json_null(void)
{
    return new_value(JSON_NULL);
}

json_value *json_bool(bool b)
{
    json_value *v = new_value(JSON_BOOL);
    v->b = b;
    return v;
}

json_value *json_int(int64_t i)
{
    json_value *v = new_value(JSON_INT);
    v->i = i;
    return v;
}

json_value *json_uint(uint64_t u)
{
    json_value *v = new_value(JSON_UINT);
    v->u = u;
    return v;
}

json_value *json_double(double d)
{
    json_value *v = new_value(JSON_DOUBLE);
    v->d = d;
    return v;
}

json_value *json_string(const char *s)
{
    return json_string_len(s, strlen(s));
}

json_value *json_string_len(const char *s, size_t len)
{
    json_value *v = new_value(JSON_STRING);
    v->str.ptr = json_block_strndup(s, len);
    v->str.len = len;
    return v;
}

json_value *json_array(void)
{
    return new_value(JSON_ARRAY);
}

json_value *json_object(void)
{
    return new_value(JSON_OBJECT);
}

json_value *json_raw(const char *text, size_t len)
{
    json_value *v = new_value(JSON_RAW);
    v->raw.text = text;
    v->raw.len = len;
    return v;
}

void json_free(json_value *v)
{
    if (!v) {
        return;
    }
    switch (v->kind) {
    case JSON_STRING:
        if (v->str.ptr) {
            json_block_free(v->str.ptr, v->str.len + 1);
        }
        break;
    case JSON_ARRAY:
        for (size_t i = 0; i < v->arr.len; i++) {
            json_free(v->arr.items[i]);
        }
        json_block_free(v->arr.items, v->arr.cap * sizeof(*v->arr.items));
        break;
    case JSON_OBJECT:
        for (size_t i = 0; i < v->obj.len; i++) {
            char *key = v->obj.members[i].key;
            json_block_free(key, strlen(key) + 1);
            json_free(v->obj.members[i].value);
        }
        json_block_free(v->obj.members, v->obj.cap * sizeof(*v->obj.members));
        break;
    default:
        break;
    }
    json_block_free(v, sizeof(*v));
}

json_value *json_clone(const json_value *v)
{
    json_value *c;
    switch (v->kind) {
    case JSON_STRING:
        return json_string_len(v->str.ptr, v->str.len);
    case JSON_ARRAY:
        c = new_value(JSON_ARRAY);
        if (v->arr.len) {
            c->arr.items = json_block_alloc(v->arr.len * sizeof(*c->arr.items));
            c->arr.cap = v->arr.len;
            for (size_t i = 0; i < v->arr.len; i++) {
                c->arr.items[i] = json_clone(v->arr.items[i]);
            }
            c->arr.len = v->arr.len;
        }
        return c;
    case JSON_OBJECT:
        /* Same members in the same insertion order, hence the same QDict order. */
        c = new_value(JSON_OBJECT);
        if (v->obj.len) {
            c->obj.members = json_block_alloc(v->obj.len * sizeof(*c->obj.members));
            c->obj.cap = v->obj.len;
            for (size_t i = 0; i < v->obj.len; i++) {
                const json_member *m = &v->obj.members[i];
                c->obj.members[i].key = json_block_strndup(m->key, strlen(m->key));
                c->obj.members[i].value = json_clone(m->value);
            }
            c->obj.len = v->obj.len;
        }
        return c;
    default:
        c = new_value(v->kind);
        *c = *v;
        return c;
    }
}

/* ---- arrays and objects ---- */

void json_array_append(json_value *arr, json_value *item)
{
    if (arr->arr.len == arr->arr.cap) {
        size_t old = arr->arr.cap * sizeof(*arr->arr.items);
        arr->arr.cap = arr->arr.cap ? arr->arr.cap * 2 : 4;
        arr->arr.items =
            json_block_realloc(arr->arr.items, old, arr->arr.cap * sizeof(*arr->arr.items));
    }
    arr->arr.items[arr->arr.len++] = item;
}

long json_object_find(const json_value *obj, const char *key)
{
    for (size_t i = 0; i < obj->obj.len; i++) {
        const char *k = obj->obj.members[i].key;
        if (k[0] == key[0] && strcmp(k, key) == 0) {
            return (long)i;
        }
    }
    return -1;
}

void json_object_set(json_value *obj, const char *key, json_value *v)
{
    long i = json_object_find(obj, key);
    if (i >= 0) {
        /* QDict replaces the value in place: the key keeps its position. */
        json_free(obj->obj.members[i].value);
        obj->obj.members[i].value = v;
        return;
    }
    if (obj->obj.len == obj->obj.cap) {
        size_t old = obj->obj.cap * sizeof(*obj->obj.members);
        obj->obj.cap = obj->obj.cap ? obj->obj.cap * 2 : 4;
        obj->obj.members =
            json_block_realloc(obj->obj.members, old, obj->obj.cap * sizeof(*obj->obj.members));
    }
    json_member *m = &obj->obj.members[obj->obj.len++];
    m->key = json_block_strndup(key, strlen(key));
    m->value = v;
}

json_value *json_object_get(const json_value *obj, const char *key)
{
    if (!obj || obj->kind != JSON_OBJECT) {
        return NULL;
    }
    long i = json_object_find(obj, key);
    return i >= 0 ? obj->obj.members[i].value : NULL;
}

void json_object_set_str(json_value *obj, const char *key, const char *s)
{
    json_object_set(obj, key, json_string(s));
}

void json_object_set_int(json_value *obj, const char *key, int64_t i)
{
    json_object_set(obj, key, json_int(i));
}

void json_object_set_bool(json_value *obj, const char *key, bool b)
{
    json_object_set(obj, key, json_bool(b));
}

/* ---- QDict order ---- */

/* tdb_hash() from QEMU's qdict.c, in 32-bit unsigned arithmetic. */
uint32_t json_tdb_hash(const char *key)
{
    const unsigned char *p = (const unsigned char *)key;
    size_t n = strlen(key);
    uint32_t value = 0x238F13AFu * (uint32_t)n;
    for (size_t i = 0; i < n; i++) {
        value += (uint32_t)p[i] << ((i * 5) % 24);
    }
    return 1103515243u * value + 12345u;
}

unsigned json_qdict_bucket(const char *key)
{
    return json_tdb_hash(key) % JSON_QDICT_BUCKETS;
}

/* QDict inserts new keys at the head of their bucket's list and walks buckets upwards, so the
 * order is (bucket ascending, insertion index descending). */
void json_object_qdict_order(const json_value *obj, size_t *order)
{
    size_t n = obj->obj.len;
    if (n <= 32) {
        unsigned bucket[32];
        for (size_t i = 0; i < n; i++) {
            bucket[i] = json_qdict_bucket(obj->obj.members[i].key);
        }
        /* Insertion sort of indices taken newest first: stable on equal buckets. */
        for (size_t k = 0; k < n; k++) {
            size_t idx = n - 1 - k;
            size_t j = k;
            while (j > 0 && bucket[order[j - 1]] > bucket[idx]) {
                order[j] = order[j - 1];
                j--;
            }
            order[j] = idx;
        }
        return;
    }
    /* Counting sort over the buckets: linear for big objects. */
    unsigned *bucket = json_xmalloc(n * sizeof(*bucket));
    size_t start[JSON_QDICT_BUCKETS + 1];
    memset(start, 0, sizeof(start));
    for (size_t i = 0; i < n; i++) {
        bucket[i] = json_qdict_bucket(obj->obj.members[i].key);
        start[bucket[i] + 1]++;
    }
    for (size_t b = 0; b < JSON_QDICT_BUCKETS; b++) {
        start[b + 1] += start[b];
    }
    for (size_t k = 0; k < n; k++) {
        size_t idx = n - 1 - k;
        order[start[bucket[idx]]++] = idx;
    }
    free(bucket);
}

/* ---- modified UTF-8 ---- */

bool json_codepoint_valid(long cp)
{
    if (cp < 0 || cp > 0x10FFFF) {
        return false;
    }
    if ((cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE) {
        return false; /* noncharacter */
    }
    return !(cp >= 0xD800 && cp <= 0xDFFF);
}

int json_utf8_decode(const unsigned char *s, size_t n, size_t *used)
{
    static const long min_cp[5] = {0x80, 0x800, 0x10000, 0x200000, 0x4000000};
    if (n == 0 || s[0] == 0) {
        *used = 0;
        return -1;
    }
    unsigned byte = s[0];
    if (byte < 0x80) {
        *used = 1;
        return (int)byte;
    }
    if (byte >= 0xFE || (byte & 0x40) == 0) {
        *used = 1; /* impossible byte, or a continuation byte without a lead */
        return -1;
    }
    unsigned len = 0;
    unsigned mask;
    for (mask = 0x80; byte & mask; mask >>= 1) {
        len++;
    }
    long cp = byte & (mask - 1);
    size_t limit = n < 6 ? n : 6;
    for (unsigned i = 1; i < len; i++) {
        unsigned c = i < limit ? s[i] : 0;
        if ((c & 0xC0) != 0x80) {
            *used = i; /* continuation byte missing */
            return -1;
        }
        cp = (cp << 6) | (c & 0x3F);
    }
    *used = len;
    if (!json_codepoint_valid(cp)) {
        return -1;
    }
    if (cp < min_cp[len - 2] && !(cp == 0 && len == 2)) {
        return -1; /* overlong, except C0 80 */
    }
    return (int)cp;
}

size_t json_utf8_encode(char *buf, long cp)
{
    unsigned char *b = (unsigned char *)buf;
    if (cp > 0 && cp <= 0x7F) {
        b[0] = (unsigned char)cp;
        return 1;
    }
    if (cp <= 0x7FF) {
        b[0] = (unsigned char)(0xC0 | (cp >> 6));
        b[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp <= 0xFFFF) {
        b[0] = (unsigned char)(0xE0 | (cp >> 12));
        b[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        b[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    b[0] = (unsigned char)(0xF0 | (cp >> 18));
    b[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    b[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    b[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}
