/* libFuzzer target for the JSON dialect: the same bytes fed whole and in fuzzer-chosen chunks
 * must give the same values and errors; every value written and parsed again must write the
 * same bytes; every written value must be strict JSON for an independent parser.
 * Must never keep state between inputs. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz/support.h"
#include "qmp/json.h"

typedef struct transcript {
    strbuf text; /* one line per value or error */
} transcript;

static json_value *reparse(const char *text, size_t len)
{
    char *err = NULL;
    json_value *v = json_parse(text, len, &err);
    if (!v) {
        fuzz_fail("writer output does not parse again: %s: %s", text, err);
    }
    return v;
}

/* Structural equality, objects compared by key (member order is not part of a value). */
static bool same_value(const json_value *a, const json_value *b)
{
    if (a->kind != b->kind) {
        return false;
    }
    switch (a->kind) {
    case JSON_NULL:
        return true;
    case JSON_BOOL:
        return a->b == b->b;
    case JSON_INT:
        return a->i == b->i;
    case JSON_UINT:
        return a->u == b->u;
    case JSON_DOUBLE:
        return memcmp(&a->d, &b->d, sizeof(double)) == 0;
    case JSON_STRING:
        return a->str.len == b->str.len && !memcmp(a->str.ptr, b->str.ptr, a->str.len);
    case JSON_RAW: /* never parsed: only replies hold one */
        return a->raw.len == b->raw.len && !memcmp(a->raw.text, b->raw.text, a->raw.len);
    case JSON_ARRAY:
        if (a->arr.len != b->arr.len) {
            return false;
        }
        for (size_t i = 0; i < a->arr.len; i++) {
            if (!same_value(a->arr.items[i], b->arr.items[i])) {
                return false;
            }
        }
        return true;
    case JSON_OBJECT:
        if (a->obj.len != b->obj.len) {
            return false;
        }
        for (size_t i = 0; i < a->obj.len; i++) {
            const json_value *bv = json_object_get(b, a->obj.members[i].key);
            if (!bv || !same_value(a->obj.members[i].value, bv)) {
                return false;
            }
        }
        return true;
    }
    return false;
}

static void record(void *opaque, json_value *v, const char *error)
{
    transcript *t = opaque;
    if (error) {
        sb_puts(&t->text, "E ");
        sb_puts(&t->text, error);
    } else {
        strbuf w;
        sb_init(&w);
        json_write(&w, v);
        if (!fuzz_strict_json(w.buf, w.len)) {
            fuzz_fail("writer output is not strict JSON: %s", w.buf);
        }
        /* Written text reads back as the same value, up to what QEMU's writer itself changes:
         * member order (QDict order flips keys sharing a bucket) and number spelling (a
         * double -0 is written "-0", which reads back as the integer 0). So: compare the
         * value read from the text with the value read from that value's own text. */
        json_value *r1 = reparse(w.buf, w.len);
        char *w2 = json_to_string(r1);
        json_value *r2 = reparse(w2, strlen(w2));
        if (!same_value(r1, r2)) {
            fuzz_fail("written text does not read back the same: %s -> %s", w.buf, w2);
        }
        free(w2);
        json_free(r1);
        json_free(r2);
        sb_puts(&t->text, "V ");
        sb_put(&t->text, w.buf, w.len);
        sb_free(&w);
        json_free(v);
    }
    sb_putc(&t->text, '\n');
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1) {
        return 0;
    }
    /* First byte: chunk size pattern seed; the rest: the byte stream. */
    unsigned seed = data[0];
    const char *in = (const char *)data + 1;
    size_t len = size - 1;

    transcript whole, chunked;
    sb_init(&whole.text);
    sb_init(&chunked.text);
    json_stream *s = json_stream_new(record, &whole);
    json_stream_feed(s, in, len);
    json_stream_free(s);

    s = json_stream_new(record, &chunked);
    size_t pos = 0;
    while (pos < len) {
        size_t n = 1 + (seed % 7);
        seed = seed * 1103515245u + 12345u;
        if (n > len - pos) {
            n = len - pos;
        }
        json_stream_feed(s, in + pos, n);
        pos += n;
    }
    json_stream_free(s);
    if (whole.text.len != chunked.text.len ||
        (whole.text.len && memcmp(whole.text.buf, chunked.text.buf, whole.text.len) != 0)) {
        fuzz_fail("chunking changed the result:\n--- whole\n%s--- chunked\n%s",
                  whole.text.buf ? whole.text.buf : "", chunked.text.buf ? chunked.text.buf : "");
    }
    sb_free(&whole.text);
    sb_free(&chunked.text);
    return 0;
}
