/* QMP's JSON dialect: values, the streaming parser and the writer, with QEMU's exact limits,
 * error texts and output bytes (spec §3.1, §3.5, §9).
 * Must never depend on pointer values or hash seeds: object member order on output is
 * QEMU's QDict order, a pure function of the keys and their insertion order. */
#ifndef QMP_JSON_H
#define QMP_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "emu/strbuf.h"

typedef enum json_kind {
    JSON_NULL,
    JSON_BOOL,
    JSON_INT,    /* fits int64 */
    JSON_UINT,   /* > INT64_MAX, fits uint64 */
    JSON_DOUBLE, /* anything else numeric */
    JSON_STRING,
    JSON_ARRAY,
    JSON_OBJECT,
    JSON_RAW, /* output only: text written as it is (see json_raw) */
} json_kind;

typedef struct json_value json_value;

typedef struct json_member {
    char *key; /* NUL-terminated; QEMU keys are C strings */
    json_value *value;
} json_member;

/* Strings are stored as QEMU stores them: "modified UTF-8", so U+0000 is the pair C0 80
 * and the bytes never contain NUL; len is the byte length. */
struct json_value {
    json_kind kind;
    union {
        bool b;
        int64_t i;
        uint64_t u;
        double d;
        struct {
            char *ptr;
            size_t len;
        } str;
        struct {
            json_value **items;
            size_t len, cap;
        } arr;
        struct {
            json_member *members; /* insertion order */
            size_t len, cap;
        } obj;
        struct {
            const char *text; /* borrowed */
            size_t len;
        } raw;
    };
};

/* Constructors return owned values; allocation failure aborts. */
json_value *json_null(void);
json_value *json_bool(bool b);
json_value *json_int(int64_t i);
json_value *json_uint(uint64_t u);
json_value *json_double(double d);
json_value *json_string(const char *s);
json_value *json_string_len(const char *s, size_t len);
json_value *json_array(void);
json_value *json_object(void);
/* A value that json_write writes as text[0..len), which must be one JSON value as emu's writer
 * would write it and must outlive every copy of the value (it is borrowed, never freed). For
 * large constant replies (the QMP schema) written again and again. Nothing reads it back:
 * json_object_get and friends see a value that is neither object nor array. */
json_value *json_raw(const char *text, size_t len);
void json_free(json_value *v);
json_value *json_clone(const json_value *v);

/* Takes ownership of item. */
void json_array_append(json_value *arr, json_value *item);
/* Takes ownership of v; replaces (and frees) an existing member of that key in place. */
void json_object_set(json_value *obj, const char *key, json_value *v);
/* Borrowed pointer, or NULL. */
json_value *json_object_get(const json_value *obj, const char *key);
/* Convenience: set obj[key] to a new string/int/bool. */
void json_object_set_str(json_value *obj, const char *key, const char *s);
void json_object_set_int(json_value *obj, const char *key, int64_t i);
void json_object_set_bool(json_value *obj, const char *key, bool b);

/* QEMU's QDict iteration order: buckets by tdb_hash(key) % 512 ascending, newest insertion
 * first within a bucket (spec §9.3). Fills order[0..len) with member indices. */
void json_object_qdict_order(const json_value *obj, size_t *order);
unsigned json_qdict_bucket(const char *key);

/* ---- streaming parser (QEMU's json-lexer + json-streamer + json-parser) ----
 * Bytes go in as they arrive; each complete top-level value, or each error, is handed to
 * emit() in input order. Exactly one of value/error is non-NULL. value is owned by the
 * callee; error is the full desc text (e.g. "JSON parse error, stray '@'") and is only
 * valid during the call. */
typedef void (*json_emit_fn)(void *opaque, json_value *value, const char *error);

typedef struct json_stream json_stream;

json_stream *json_stream_new(json_emit_fn emit, void *opaque);
/* Returns how many bytes it took: all of them, unless emit() reset the stream midway. */
size_t json_stream_feed(json_stream *s, const char *buf, size_t len);
/* True when nothing is buffered (no partial token, no queued tokens): a fresh stream. */
bool json_stream_idle(const json_stream *s);
/* End of input: what QEMU does on json_message_parser_flush (an incomplete value is
 * reported as an error, pending tokens dropped). */
void json_stream_flush(json_stream *s);
/* Forget everything buffered (a new connection on the same monitor). */
void json_stream_reset(json_stream *s);
void json_stream_free(json_stream *s);

/* Parses buf as exactly one value (tests and tools). Returns NULL and sets *error (malloc'd)
 * on any error, or if buf holds more than one value. */
json_value *json_parse(const char *buf, size_t len, char **error);

/* ---- writer ----
 * QEMU's compact form: ", " and ": " separators, object members in QDict order, pure ASCII
 * with upper-case \uXXXX escapes, invalid UTF-8 as \uFFFD, integers as printed by PRId64 /
 * PRIu64, doubles with %.17g. Non-finite doubles (QEMU prints a bare inf/nan, which is not
 * JSON) are written as null: a deliberate, documented difference. No line terminator. */
void json_write(strbuf *out, const json_value *v);
/* Writes s (len bytes, modified UTF-8) as a quoted JSON string. */
void json_write_string(strbuf *out, const char *s, size_t len);
/* Returns a malloc'd compact string (tests, tools). */
char *json_to_string(const json_value *v);

#endif
