/* QEMU's JSON parser (qobject/json-parser.c, >= 3.1, interpolation off): turns one queued
 * message's tokens into a value, with QEMU's error texts, first error winning, and QEMU's
 * 1023-byte cap on the message after "JSON parse error, ".
 * Must never accept what QEMU rejects (or the reverse), never produce a string that is not
 * modified UTF-8, and never be quadratic (duplicate keys are found through a hash index). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qmp/json_internal.h"

typedef struct parser {
    const json_token *toks;
    size_t n, pos;
    const char *arena;
    strbuf *err;
    bool failed;
} parser;

static json_value *parse_value(parser *p);

/* A parse error with a fixed text (all of them shorter than QEMU's cap). */
static void parse_fail(parser *p, const char *message)
{
    if (p->failed) {
        return; /* the first error wins */
    }
    p->failed = true;
    sb_puts(p->err, "JSON parse error, ");
    sb_puts(p->err, message);
}

__attribute__((format(printf, 2, 3))) static void parse_error(parser *p, const char *fmt, ...)
{
    if (p->failed) {
        return;
    }
    char message[1024]; /* QEMU's buffer: longer messages are cut */
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(message, sizeof(message), fmt, ap);
    va_end(ap);
    parse_fail(p, message);
}

static const json_token *peek(parser *p)
{
    return p->pos < p->n ? &p->toks[p->pos] : NULL;
}

static const json_token *pop(parser *p)
{
    return p->pos < p->n ? &p->toks[p->pos++] : NULL;
}

static const char *text(parser *p, const json_token *t)
{
    return p->arena + t->off;
}

/* ---- strings ---- */

/* Up to four hex digits; -1 unless all four are there. Stops at the first non-hex byte, so it
 * never reads past the token's terminating NUL. */
static long hex4(const unsigned char *s)
{
    long cp = 0;
    for (int i = 0; i < 4; i++) {
        unsigned c = s[i];
        if (c >= '0' && c <= '9') {
            cp = cp << 4 | (c - '0');
        } else if (c >= 'a' && c <= 'f') {
            cp = cp << 4 | (c - 'a' + 10);
        } else if (c >= 'A' && c <= 'F') {
            cp = cp << 4 | (c - 'A' + 10);
        } else {
            return -1;
        }
    }
    return cp;
}

static json_value *parse_string(parser *p, const json_token *t)
{
    const unsigned char *s = (const unsigned char *)text(p, t);
    size_t len = t->len; /* s[len] == 0 */
    unsigned quote = s[0];
    /* The decoded form is never longer than the token. A short one is decoded on the stack
     * and copied into a block of its exact size: cached blocks go back to the class of their
     * length, so one sized by the token would drift into a smaller class at every free. */
    char small[JSON_BLOCK_MAX];
    char *out = len + 1 <= sizeof(small) ? small : json_xmalloc(len + 1);
    size_t o = 0;
    size_t i = 1;

    while (s[i] != quote) {
        unsigned c = s[i];
        if (c != '\\') {
            if (c < 0x80) {
                out[o++] = (char)c; /* the lexer let no control byte through */
                i++;
                continue;
            }
            size_t used;
            if (json_utf8_decode(s + i, len - i, &used) < 0) {
                parse_fail(p, "invalid UTF-8 sequence in string");
                goto fail;
            }
            memcpy(out + o, s + i, used); /* a valid sequence re-encodes to itself */
            o += used;
            i += used;
            continue;
        }
        size_t beg = i;
        i++;
        c = s[i++];
        switch (c) {
        case '"':
        case '\'':
        case '\\':
        case '/':
            out[o++] = (char)c;
            break;
        case 'b':
            out[o++] = '\b';
            break;
        case 'f':
            out[o++] = '\f';
            break;
        case 'n':
            out[o++] = '\n';
            break;
        case 'r':
            out[o++] = '\r';
            break;
        case 't':
            out[o++] = '\t';
            break;
        case 'u': {
            long cp = hex4(s + i);
            i += 4; /* as QEMU: even past short input, which only affects the message */
            if (cp >= 0xD800 && cp <= 0xDBFF && s[i] == '\\' && s[i + 1] == 'u') {
                long trailing = hex4(s + i + 2);
                if (trailing >= 0xDC00 && trailing <= 0xDFFF) {
                    cp = 0x10000 + ((cp & 0x3FF) << 10) + (trailing & 0x3FF);
                    i += 6;
                } else {
                    cp = -1;
                }
            }
            if (!json_codepoint_valid(cp)) {
                /* "%.*s" stops at the NUL after the token, as in QEMU. */
                parse_error(p, "%.*s is not a valid Unicode character", (int)(i - beg),
                            (const char *)s + beg);
                goto fail;
            }
            o += json_utf8_encode(out + o, cp);
            break;
        }
        default:
            parse_fail(p, "invalid escape sequence in string");
            goto fail;
        }
    }

    out[o] = 0;
    json_value *v = json_block_alloc(sizeof(*v));
    memset(v, 0, sizeof(*v));
    v->kind = JSON_STRING;
    if (out == small) {
        out = json_block_strndup(small, o);
    } else if (len - o > 64) {
        out = json_block_realloc(out, len + 1, o + 1); /* escapes made it much shorter */
    }
    v->str.ptr = out;
    v->str.len = o;
    return v;

fail:
    if (out != small) {
        free(out);
    }
    return NULL;
}

/* ---- numbers and keywords ---- */

static json_value *parse_integer(const char *s)
{
    /* int64 if it fits, else uint64 (non-negative only), else double: QEMU's order. */
    bool neg = s[0] == '-';
    uint64_t mag = 0;
    bool overflow = false;
    for (const char *d = s + neg; *d; d++) {
        unsigned digit = (unsigned)(*d - '0');
        if (mag > (UINT64_MAX - digit) / 10) {
            overflow = true;
            break;
        }
        mag = mag * 10 + digit;
    }
    if (!overflow) {
        if (!neg && mag <= (uint64_t)INT64_MAX) {
            return json_int((int64_t)mag);
        }
        if (neg && mag <= (uint64_t)INT64_MAX + 1) {
            return json_int(mag == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)mag);
        }
        if (!neg) {
            return json_uint(mag);
        }
    }
    return json_double(strtod(s, NULL));
}

static json_value *parse_keyword(parser *p)
{
    const json_token *t = pop(p);
    const char *s = text(p, t);
    if (strcmp(s, "true") == 0) {
        return json_bool(true);
    }
    if (strcmp(s, "false") == 0) {
        return json_bool(false);
    }
    if (strcmp(s, "null") == 0) {
        return json_null();
    }
    parse_error(p, "invalid keyword '%s'", s);
    return NULL;
}

static json_value *parse_literal(parser *p)
{
    const json_token *t = pop(p);
    switch (t->type) {
    case TOK_STRING:
        return parse_string(p, t);
    case TOK_INTEGER:
        return parse_integer(text(p, t));
    default: /* TOK_FLOAT */
        return json_double(strtod(text(p, t), NULL));
    }
}

/* ---- objects and arrays ---- */

/* Open-addressing index of an object's keys, built once an object gets big, so duplicate
 * detection stays linear overall. Slots hold member index + 1. */
typedef struct key_index {
    uint32_t *slots;
    size_t mask;
} key_index;

static uint32_t key_hash(const char *k)
{
    uint32_t h = 2166136261u; /* FNV-1a: only for this private index, never for output */
    for (; *k; k++) {
        h = (h ^ (unsigned char)*k) * 16777619u;
    }
    return h;
}

static void index_insert(key_index *ix, const json_value *obj, size_t member)
{
    size_t h = key_hash(obj->obj.members[member].key) & ix->mask;
    while (ix->slots[h]) {
        h = (h + 1) & ix->mask;
    }
    ix->slots[h] = (uint32_t)member + 1;
}

static void index_rebuild(key_index *ix, const json_value *obj)
{
    size_t size = 64;
    while (size < obj->obj.len * 4) {
        size *= 2;
    }
    free(ix->slots);
    ix->slots = json_xmalloc(size * sizeof(*ix->slots));
    memset(ix->slots, 0, size * sizeof(*ix->slots));
    ix->mask = size - 1;
    for (size_t m = 0; m < obj->obj.len; m++) {
        index_insert(ix, obj, m);
    }
}

static bool has_key(key_index *ix, const json_value *obj, const char *key)
{
    if (obj->obj.len < 16) {
        return json_object_find(obj, key) >= 0;
    }
    if (!ix->slots || obj->obj.len * 2 > ix->mask + 1) {
        index_rebuild(ix, obj);
    }
    for (size_t h = key_hash(key) & ix->mask; ix->slots[h]; h = (h + 1) & ix->mask) {
        if (strcmp(obj->obj.members[ix->slots[h] - 1].key, key) == 0) {
            return true;
        }
    }
    return false;
}

static void append_member(key_index *ix, json_value *obj, json_value *key, json_value *value)
{
    if (obj->obj.len == obj->obj.cap) {
        size_t old = obj->obj.cap * sizeof(*obj->obj.members);
        obj->obj.cap = obj->obj.cap ? obj->obj.cap * 2 : 4;
        obj->obj.members =
            json_block_realloc(obj->obj.members, old, obj->obj.cap * sizeof(*obj->obj.members));
    }
    json_member *m = &obj->obj.members[obj->obj.len++];
    m->key = key->str.ptr; /* the string's bytes become the key: no NUL inside */
    m->value = value;
    key->str.ptr = NULL;
    if (ix->slots) {
        index_insert(ix, obj, obj->obj.len - 1);
    }
}

static bool parse_pair(parser *p, json_value *obj, key_index *ix)
{
    if (!peek(p)) {
        parse_fail(p, "premature EOI");
        return false;
    }
    json_value *key = parse_value(p);
    if (!key || key->kind != JSON_STRING) {
        parse_fail(p, "key is not a string in object");
        json_free(key);
        return false;
    }
    const json_token *t = pop(p);
    if (!t) {
        parse_fail(p, "premature EOI");
        json_free(key);
        return false;
    }
    if (t->type != TOK_COLON) {
        parse_fail(p, "missing : in object pair");
        json_free(key);
        return false;
    }
    json_value *value = parse_value(p);
    if (!value) {
        parse_fail(p, "Missing value in dict");
        json_free(key);
        return false;
    }
    if (has_key(ix, obj, key->str.ptr)) {
        parse_fail(p, "duplicate key");
        json_free(key);
        json_free(value);
        return false;
    }
    append_member(ix, obj, key, value);
    json_free(key);
    return true;
}

static json_value *parse_object(parser *p)
{
    pop(p); /* '{' */
    json_value *obj = json_object();
    key_index ix = {0};
    const json_token *t = peek(p);
    if (!t) {
        parse_fail(p, "premature EOI");
        goto fail;
    }
    if (t->type == TOK_RCURLY) {
        pop(p);
        return obj;
    }
    for (;;) {
        if (!parse_pair(p, obj, &ix)) {
            goto fail;
        }
        t = pop(p);
        if (!t) {
            parse_fail(p, "premature EOI");
            goto fail;
        }
        if (t->type == TOK_RCURLY) {
            break;
        }
        if (t->type != TOK_COMMA) {
            parse_fail(p, "expected separator in dict");
            goto fail;
        }
    }
    free(ix.slots);
    return obj;

fail:
    free(ix.slots);
    json_free(obj);
    return NULL;
}

static json_value *parse_array(parser *p)
{
    pop(p); /* '[' */
    json_value *arr = json_array();
    const json_token *t = peek(p);
    if (!t) {
        parse_fail(p, "premature EOI");
        goto fail;
    }
    if (t->type == TOK_RSQUARE) {
        pop(p);
        return arr;
    }
    for (;;) {
        json_value *item = parse_value(p);
        if (!item) {
            parse_fail(p, "expecting value");
            goto fail;
        }
        json_array_append(arr, item);
        t = pop(p);
        if (!t) {
            parse_fail(p, "premature EOI");
            goto fail;
        }
        if (t->type == TOK_RSQUARE) {
            break;
        }
        if (t->type != TOK_COMMA) {
            parse_fail(p, "expected separator in list");
            goto fail;
        }
    }
    return arr;

fail:
    json_free(arr);
    return NULL;
}

static json_value *parse_value(parser *p)
{
    const json_token *t = peek(p);
    if (!t) {
        parse_fail(p, "premature EOI");
        return NULL;
    }
    switch (t->type) {
    case TOK_LCURLY:
        return parse_object(p);
    case TOK_LSQUARE:
        return parse_array(p);
    case TOK_INTEGER:
    case TOK_FLOAT:
    case TOK_STRING:
        return parse_literal(p);
    case TOK_KEYWORD:
        return parse_keyword(p);
    default:
        parse_fail(p, "expecting value");
        return NULL;
    }
}

json_value *json_parse_tokens(const json_token *toks, size_t n, const char *arena, strbuf *err)
{
    parser p = {.toks = toks, .n = n, .arena = arena, .err = err};
    /* The streamer only hands over a queue that ends where a value balances, so a successful
     * parse always consumes every token (QEMU asserts as much). */
    return parse_value(&p);
}
