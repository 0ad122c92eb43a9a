/* QEMU's compact JSON writer (qobject/json-writer.c, qjson.c): ", " and ": " separators,
 * object members in QDict order, pure-ASCII strings with QEMU's escapes.
 * Must never emit a byte outside printable ASCII, never emit invalid JSON (non-finite doubles
 * become null, a documented difference from QEMU), and never depend on anything but the
 * value. */
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qmp/json_internal.h"

static const char hex[] = "0123456789ABCDEF";

static void put_u16_escape(char *b, unsigned v)
{
    b[0] = '\\';
    b[1] = 'u';
    b[2] = hex[(v >> 12) & 0xF];
    b[3] = hex[(v >> 8) & 0xF];
    b[4] = hex[(v >> 4) & 0xF];
    b[5] = hex[v & 0xF];
}

/* Printable ASCII that is written as itself. */
static inline bool plain(unsigned char c)
{
    return c >= 0x20 && c < 0x7F && c != '"' && c != '\\';
}

/* Word-at-a-time byte tests: non-zero when some byte of x is below n (n <= 0x80), or equal to
 * c. Exact as yes-or-no answers, though not in which bytes they flag. */
static inline uint64_t bytes_of(unsigned b)
{
    return 0x0101010101010101u * (uint64_t)b;
}

static inline uint64_t any_below(uint64_t x, unsigned n)
{
    return (x - bytes_of(n)) & ~x & bytes_of(0x80);
}

static inline uint64_t any_equal(uint64_t x, unsigned c)
{
    return any_below(x ^ bytes_of(c), 1);
}

/* How many bytes at s[0..n) are plain: eight at a time while all eight are (a word test costs
 * about what one byte's does), then byte by byte. */
static size_t plain_run(const unsigned char *s, size_t n)
{
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t x;
        memcpy(&x, s + i, 8);
        if (any_below(x, 0x20) | (x & bytes_of(0x80)) | any_equal(x, 0x7f) | any_equal(x, '"') |
            any_equal(x, '\\')) {
            break;
        }
    }
    while (i < n && plain(s[i])) {
        i++;
    }
    return i;
}

/* The letter of a two-byte escape (n for a newline), or 0 when cp needs a \u escape. */
static char short_escape(long cp)
{
    switch (cp) {
    case '"':
        return '"';
    case '\\':
        return '\\';
    case '\b':
        return 'b';
    case '\f':
        return 'f';
    case '\n':
        return 'n';
    case '\r':
        return 'r';
    case '\t':
        return 't';
    default:
        return 0;
    }
}

/* Writes straight into the buffer: room for the quotes and every byte as itself is reserved
 * first, and each escape reserves for itself and the rest of the string, so a string costs
 * one capacity check plus one per escape (the replies to stray bytes are mostly strings). */
void json_write_string(strbuf *out, const char *str, size_t len)
{
    const unsigned char *s = (const unsigned char *)str;
    sb_reserve(out, len + 2);
    char *d = out->buf + out->len;
    *d++ = '"';
    size_t i = 0;
    while (i < len) {
        size_t run = plain_run(s + i, len - i);
        memcpy(d, s + i, run);
        d += run;
        i += run;
        if (i == len) {
            break;
        }
        /* A raw NUL byte (never in QEMU, whose strings are C strings) is written as U+0000
         * rather than ending the string. */
        size_t used = 1;
        long cp = s[i];
        if (cp >= 0x80) {
            cp = json_utf8_decode(s + i, len - i, &used);
        }
        i += used; /* never 0: s[i] is not NUL when decoding */
        out->len = (size_t)(d - out->buf);
        sb_reserve(out, 12 + (len - i) + 1); /* the longest escape, the rest, the quote */
        d = out->buf + out->len;
        char letter = short_escape(cp);
        if (letter) {
            *d++ = '\\';
            *d++ = letter;
            continue;
        }
        if (cp < 0) {
            cp = 0xFFFD; /* one replacement per invalid sequence, as QEMU */
        }
        if (cp > 0xFFFF) {
            put_u16_escape(d, (unsigned)(0xD800 + ((cp - 0x10000) >> 10)));
            put_u16_escape(d + 6, (unsigned)(0xDC00 + ((cp - 0x10000) & 0x3FF)));
            d += 12;
        } else {
            /* Only control characters, DEL and non-ASCII get here. */
            put_u16_escape(d, (unsigned)cp);
            d += 6;
        }
    }
    *d++ = '"';
    *d = 0;
    out->len = (size_t)(d - out->buf);
}

static void write_u64(strbuf *out, uint64_t v, bool neg)
{
    char b[24];
    size_t i = sizeof(b);
    do {
        b[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    if (neg) {
        b[--i] = '-';
    }
    sb_put(out, b + i, sizeof(b) - i);
}

static void write_double(strbuf *out, double d)
{
    if (!isfinite(d)) {
        sb_put(out, "null", 4); /* QEMU would print a bare inf/nan, which is not JSON */
        return;
    }
    char b[40];
    int n = snprintf(b, sizeof(b), "%.17g", d);
    sb_put(out, b, (size_t)n);
}

static void write_object(strbuf *out, const json_value *v)
{
    size_t n = v->obj.len;
    if (n == 0) {
        sb_put(out, "{}", 2);
        return;
    }
    size_t small[32];
    size_t *order = n <= 32 ? small : json_xmalloc(n * sizeof(*order));
    json_object_qdict_order(v, order);
    sb_putc(out, '{');
    for (size_t k = 0; k < n; k++) {
        const json_member *m = &v->obj.members[order[k]];
        if (k) {
            sb_put(out, ", ", 2);
        }
        json_write_string(out, m->key, strlen(m->key));
        sb_put(out, ": ", 2);
        json_write(out, m->value);
    }
    sb_putc(out, '}');
    if (order != small) {
        free(order);
    }
}

void json_write(strbuf *out, const json_value *v)
{
    switch (v->kind) {
    case JSON_NULL:
        sb_put(out, "null", 4);
        break;
    case JSON_BOOL:
        if (v->b) {
            sb_put(out, "true", 4);
        } else {
            sb_put(out, "false", 5);
        }
        break;
    case JSON_INT:
        write_u64(out, v->i < 0 ? -(uint64_t)v->i : (uint64_t)v->i, v->i < 0);
        break;
    case JSON_UINT:
        write_u64(out, v->u, false);
        break;
    case JSON_DOUBLE:
        write_double(out, v->d);
        break;
    case JSON_STRING:
        json_write_string(out, v->str.ptr, v->str.len);
        break;
    case JSON_ARRAY:
        sb_putc(out, '[');
        for (size_t i = 0; i < v->arr.len; i++) {
            if (i) {
                sb_put(out, ", ", 2);
            }
            json_write(out, v->arr.items[i]);
        }
        sb_putc(out, ']');
        break;
    case JSON_OBJECT:
        write_object(out, v);
        break;
    case JSON_RAW:
        sb_put(out, v->raw.text, v->raw.len);
        break;
    }
}

char *json_to_string(const json_value *v)
{
    strbuf sb;
    sb_init(&sb);
    json_write(&sb, v);
    if (!sb.buf) {
        sb_putc(&sb, 0);
        sb.len = 0;
    }
    return sb_detach(&sb);
}
