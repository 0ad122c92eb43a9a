/* Tests for QMP's JSON dialect (qmp/json_*.c): every expectation here is what QEMU 7.2 did
 * (qemu-system-riscv64 -qmp stdio, Debian 1:7.2+dfsg-7) or what its source does where QMP
 * cannot show it (flush, the one-shot parser). Must never assert emu-invented behaviour
 * without saying so (the documented difference: non-finite doubles are written as null). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "qmp/json.h"
#include "tests/test_json_util.h"

/* ---- transcripts ----
 * Each value or error the stream emits becomes one line, the projection the QEMU runs were
 * recorded in: "E:" + the error desc as written on the wire, "V:" + the request's "id" as
 * QEMU echoed it, "N" for a non-object (QEMU: "QMP input must be a JSON object"), "O" for an
 * object without "id". */
static void record(void *opaque, json_value *v, const char *error)
{
    strbuf *t = opaque;
    assert_true((v == NULL) != (error == NULL));
    if (error) {
        sb_puts(t, "E:");
        json_write_string(t, error, strlen(error));
    } else if (v->kind != JSON_OBJECT) {
        sb_putc(t, 'N');
    } else {
        json_value *id = json_object_get(v, "id");
        if (id) {
            sb_puts(t, "V:");
            json_write(t, id);
        } else {
            sb_putc(t, 'O');
        }
    }
    sb_putc(t, '\n');
    json_free(v);
}

/* Feeds in[0..len) in pieces of `chunk` bytes (0: all at once; SIZE_MAX: pseudo-random
 * sizes from `seed`), with empty feeds in between. */
static char *transcript(const char *in, size_t len, size_t chunk, unsigned seed)
{
    strbuf t;
    sb_init(&t);
    sb_puts(&t, "");
    json_stream *s = json_stream_new(record, &t);
    size_t i = 0;
    while (i < len) {
        size_t n = chunk ? chunk : len;
        if (chunk == SIZE_MAX) {
            seed = seed * 1103515245u + 12345u;
            n = 1 + (seed >> 16) % 9;
        }
        if (n > len - i) {
            n = len - i;
        }
        json_stream_feed(s, in + i, n);
        json_stream_feed(s, in + i, 0);
        i += n;
    }
    json_stream_free(s);
    return sb_detach(&t);
}

/* The QEMU runs sent every case followed by this, to show how the parser recovers. */
#define TRAILER     "\n\001\n"
#define TRAILER_LEN 3
#define STRAY_01    "E:\"JSON parse error, stray '\\u0001'\"\n"

static char *with_trailer(const char *in, size_t len)
{
    char *buf = malloc(len + TRAILER_LEN);
    assert_non_null(buf);
    memcpy(buf, in, len);
    memcpy(buf + len, TRAILER, TRAILER_LEN);
    return buf;
}

static void check_transcript(const char *in, size_t len, const char *expect, bool all_chunks)
{
    char *buf = with_trailer(in, len);
    static const size_t chunks[] = {0, 1, 2, 3, 7, 64, SIZE_MAX};
    size_t nchunks = all_chunks ? sizeof(chunks) / sizeof(chunks[0]) : 1;
    for (size_t c = 0; c < nchunks; c++) {
        char *got = transcript(buf, len + TRAILER_LEN, chunks[c], (unsigned)len);
        if (strcmp(got, expect) != 0) {
            print_error("input (%zu bytes, chunk %zu): %.200s\n", len, chunks[c], in);
        }
        assert_string_equal(got, expect);
        free(got);
    }
    free(buf);
}

#include "tests/test_json_qemu_cases.h"

static void test_qemu_table(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(qemu_cases) / sizeof(qemu_cases[0]); i++) {
        check_transcript(qemu_cases[i].in, qemu_cases[i].len, qemu_cases[i].expect, true);
    }
}

/* ---- limits ---- */

static void fill(strbuf *sb, char c, size_t n)
{
    sb_reserve(sb, n);
    memset(sb->buf + sb->len, c, n);
    sb->len += n;
    sb->buf[sb->len] = 0;
}

static char *repeat(strbuf *sb, const char *s, size_t n)
{
    if (strlen(s) == 1) {
        fill(sb, s[0], n);
        return sb->buf;
    }
    size_t len = strlen(s);
    sb_reserve(sb, len * n);
    for (size_t i = 0; i < n; i++) {
        sb_put(sb, s, len);
    }
    return sb->buf;
}

/* Builds input and expected transcript from alternating pieces. */
typedef struct built {
    strbuf in, expect;
} built;

static void built_init(built *b)
{
    sb_init(&b->in);
    sb_init(&b->expect);
}

static void built_check(built *b, bool all_chunks)
{
    sb_puts(&b->expect, STRAY_01);
    check_transcript(b->in.buf, b->in.len, b->expect.buf, all_chunks);
    sb_free(&b->in);
    sb_free(&b->expect);
}

#define E_NEST  "E:\"JSON nesting depth limit exceeded\"\n"
#define E_COUNT "E:\"JSON token count limit exceeded\"\n"
#define E_SIZE  "E:\"JSON token size limit exceeded\"\n"
#define E_VALUE "E:\"JSON parse error, expecting value\"\n"
#define MIB     ((size_t)1 << 20)

static void test_nesting_limit(void **state)
{
    (void)state;
    built b;

    /* Depth 1024 is fine, 1025 is refused; the error drops the queue and every stray closer
     * afterwards is its own "expecting value": 1 + 1025 responses. */
    built_init(&b);
    repeat(&b.in, "[", 1024);
    repeat(&b.in, "]", 1024);
    sb_puts(&b.expect, "N\n");
    built_check(&b, true);

    built_init(&b);
    repeat(&b.in, "[", 1025);
    repeat(&b.in, "]", 1025);
    sb_puts(&b.expect, E_NEST);
    repeat(&b.expect, E_VALUE, 1025);
    built_check(&b, true);

    /* Braces count the same; the limit is on brackets + braces together. */
    built_init(&b);
    repeat(&b.in, "{\"a\":", 1024);
    sb_puts(&b.in, "1");
    repeat(&b.in, "}", 1024);
    sb_puts(&b.expect, "O\n");
    built_check(&b, false);

    built_init(&b);
    repeat(&b.in, "{\"a\":", 1025);
    sb_puts(&b.in, "1");
    repeat(&b.in, "}", 1025);
    sb_puts(&b.expect, E_NEST "N\n" E_VALUE "N\n");
    repeat(&b.expect, E_VALUE, 1025);
    built_check(&b, false);

    built_init(&b);
    repeat(&b.in, "[", 1000);
    repeat(&b.in, "{\"a\":", 24);
    sb_puts(&b.in, "1");
    repeat(&b.in, "}", 24);
    repeat(&b.in, "]", 1000);
    sb_puts(&b.expect, "N\n");
    built_check(&b, false);

    built_init(&b);
    repeat(&b.in, "[", 1000);
    repeat(&b.in, "{\"a\":", 25);
    sb_puts(&b.in, "1");
    repeat(&b.in, "}", 25);
    repeat(&b.in, "]", 1000);
    sb_puts(&b.expect, E_NEST "N\n" E_VALUE "N\n");
    repeat(&b.expect, E_VALUE, 1025);
    built_check(&b, false);

    /* A limit error does not put the lexer into recovery: what follows is parsed afresh. */
    built_init(&b);
    repeat(&b.in, "[", 1025);
    sb_puts(&b.in, "1,2]");
    sb_puts(&b.expect, E_NEST "N\n" E_VALUE "N\n" E_VALUE);
    built_check(&b, true);

    built_init(&b);
    repeat(&b.in, "[", 1025);
    sb_puts(&b.in, "x]");
    sb_puts(&b.expect, E_NEST "E:\"JSON parse error, invalid keyword 'x'\"\n" E_VALUE);
    built_check(&b, true);
}

static void test_token_count_limit(void **state)
{
    (void)state;
    built b;

    /* 2^21 tokens are fine ("[" + 2^21-2 + "[" "]" "]"). */
    built_init(&b);
    sb_puts(&b.in, "[");
    repeat(&b.in, "0,", MIB - 2);
    sb_puts(&b.in, "[]]");
    sb_puts(&b.expect, "N\n");
    built_check(&b, false);

    /* Token 2^21 + 1 is refused before it is queued; the rest is parsed afresh. */
    built_init(&b);
    sb_puts(&b.in, "[");
    repeat(&b.in, "0,", MIB);
    sb_puts(&b.in, "0]");
    sb_puts(&b.expect, E_COUNT "N\n" E_VALUE);
    built_check(&b, false);

    built_init(&b);
    sb_puts(&b.in, "[");
    repeat(&b.in, "0,", MIB - 1);
    sb_puts(&b.in, "[]]");
    sb_puts(&b.expect, E_COUNT E_VALUE);
    built_check(&b, false);

    built_init(&b);
    sb_puts(&b.in, "[");
    repeat(&b.in, "0,", MIB - 1);
    sb_puts(&b.in, "0]");
    sb_puts(&b.expect, E_COUNT);
    built_check(&b, false);
}

/* A string token of `content` bytes of 'a', between `pre` and `post`. */
static void big_string(built *b, const char *pre, size_t content, const char *post)
{
    built_init(b);
    sb_puts(&b->in, pre);
    fill(&b->in, 'a', content);
    sb_puts(&b->in, post);
}

static void test_token_size_limit(void **state)
{
    (void)state;
    const size_t max = 64 * MIB;
    built b;
    clock_t t0 = clock();

    /* The sum of a message's token lengths plus one must stay <= 64 MiB. The prefix
     * {"execute":"x","id": is 20 bytes of tokens, the closing brace 1 more. */
    big_string(&b, "{\"execute\":\"x\",\"id\":\"", max - 24, "\"}");
    sb_puts(&b.expect, "V:\"");
    fill(&b.expect, 'a', max - 24);
    sb_puts(&b.expect, "\"\n");
    built_check(&b, false);

    big_string(&b, "{\"execute\":\"x\",\"id\":\"", max - 23, "\"}");
    sb_puts(&b.expect, E_SIZE);
    built_check(&b, false);

    big_string(&b, "\"", max - 3, "\"");
    sb_puts(&b.expect, "N\n");
    built_check(&b, false);

    big_string(&b, "\"", max - 2, "\"");
    sb_puts(&b.expect, E_SIZE);
    built_check(&b, false);

    big_string(&b, "\"", max - 1, "\"");
    sb_puts(&b.expect, E_SIZE);
    built_check(&b, false);

    /* The lexer cuts a token at 64 MiB + 1 bytes and starts afresh: the closing quote then
     * opens a new string that runs into the newline. */
    big_string(&b, "\"", max, "\"");
    sb_puts(&b.expect, E_SIZE "E:\"JSON parse error, stray '\\\"\\n'\"\n");
    built_check(&b, false);

    big_string(&b, "\"", 2 * max + 3, "{\"execute\":\"x\",\"id\":1}");
    sb_puts(&b.expect, E_SIZE E_SIZE "E:\"JSON parse error, invalid keyword 'aa'\"\nV:1\n");
    built_check(&b, false);

    built_init(&b);
    repeat(&b.in, "1", max + 1);
    sb_puts(&b.in, "2");
    sb_puts(&b.expect, E_SIZE "N\n");
    built_check(&b, false);

    built_init(&b);
    repeat(&b.in, "x", max + 1);
    sb_puts(&b.expect, E_SIZE);
    built_check(&b, false);

    print_message("token size tests: %.2f s CPU\n", (double)(clock() - t0) / CLOCKS_PER_SEC);
}

/* QEMU formats parser messages into a 1024-byte buffer: what follows "JSON parse error, " is
 * cut at 1023 bytes. Lexical ("stray") messages are not cut. */
static void test_message_lengths(void **state)
{
    (void)state;
    static const size_t lens[] = {1005, 1006, 1007, 2000};
    for (size_t k = 0; k < 4; k++) {
        built b;
        built_init(&b);
        repeat(&b.in, "a", lens[k]);
        sb_puts(&b.expect, "E:\"JSON parse error, invalid keyword '");
        repeat(&b.expect, "a", lens[k] < 1006 ? lens[k] : 1006);
        sb_puts(&b.expect, lens[k] < 1006 ? "'\"\n" : "\"\n");
        built_check(&b, false);
    }

    built b;
    built_init(&b);
    repeat(&b.in, "@", 3000);
    sb_puts(&b.in, "\001");
    sb_puts(&b.expect, "E:\"JSON parse error, stray '@'\"\n" STRAY_01);
    built_check(&b, true);

    built_init(&b);
    sb_puts(&b.in, "\"");
    repeat(&b.in, "\351", 3000);
    sb_puts(&b.in, "\001");
    sb_puts(&b.expect, "E:\"JSON parse error, stray '\\\"");
    repeat(&b.expect, "\\uFFFD", 3000);
    sb_puts(&b.expect, "\\u0001'\"\n");
    built_check(&b, false);
}

/* After every kind of error the next request is understood. */
static void test_recovery(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "@",
        "\377",
        "\001",
        "%d",
        "01",
        "-x",
        "\"abc",
        "'abc",
        "\"\\",
        "tru",
        "}",
        "]",
        ":",
        ",",
        "[1 2]",
        "{\"a\" 1}",
        "{\"a\":1 \"b\":2}",
        "{1:2}",
        "{\"a\":1,\"a\":2}",
        "\"\\q\"",
        "\"\\ud800\"",
        "\"\355\240\200\"",
        "[}",
        "{]",
        "{\"a\":[}]",
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        strbuf in;
        sb_init(&in);
        sb_puts(&in, bad[i]);
        sb_puts(&in, "\n{\"execute\":\"x\",\"id\":\"ok\"}");
        char *t = transcript(in.buf, in.len, 0, 0);
        const char *last = strrchr(t, 'V');
        assert_non_null(last);
        assert_string_equal(last, "V:\"ok\"\n");
        assert_true(strncmp(t, "E:\"JSON parse error, ", 21) == 0);
        free(t);
        sb_free(&in);
    }
}

/* ---- QDict order ---- */

static void test_values(void **state)
{
    (void)state;
    json_value *o = json_object();
    json_object_set_str(o, "s", "text");
    json_object_set_bool(o, "b", true);
    json_object_set(o, "n", json_null());
    json_object_set(o, "u", json_uint(UINT64_MAX));
    json_object_set(o, "d", json_double(2.5));
    json_object_set(o, "bin", json_string_len("a\0b", 3));
    json_value *inner = json_array();
    json_array_append(inner, json_int(-5));
    json_object_set(o, "arr", inner);

    assert_ptr_equal(json_object_get(o, "arr"), inner);
    assert_null(json_object_get(o, "missing"));
    assert_null(json_object_get(inner, "s"));
    assert_int_equal(json_object_get(o, "bin")->str.len, 3);

    json_value *c = json_clone(o);
    char *a = json_to_string(o);
    char *b = json_to_string(c);
    assert_string_equal(a, b);
    assert_string_equal(a,
                        "{\"d\": 2.5, \"n\": null, \"s\": \"text\", \"u\": 18446744073709551615, "
                        "\"b\": true, \"arr\": [-5], \"bin\": \"a\\u0000b\"}");
    assert_ptr_not_equal(json_object_get(c, "arr"), inner);
    free(a);
    free(b);
    json_free(c);
    json_free(o);
    json_free(NULL);
}

/* ---- one-shot parsing and end of input ---- */

static void want_parse(const char *in, const char *value, const char *error)
{
    char *err = (char *)1;
    json_value *v = json_parse(in, strlen(in), &err);
    if (value) {
        assert_non_null(v);
        assert_null(err);
        want_written(v, value);
    } else {
        assert_null(v);
        assert_non_null(err);
        assert_string_equal(err, error);
        free(err);
    }
}

static void test_parse_one(void **state)
{
    (void)state;
    want_parse(" {\"a\": [1, 2.5, \"x\", null]} ", "{\"a\": [1, 2.5, \"x\", null]}", NULL);
    want_parse("12", "12", NULL); /* end of input ends the number */
    want_parse("true", "true", NULL);
    want_parse("'\\u00e9'", "\"\\u00E9\"", NULL);
    want_parse("1 2", NULL, "Expecting at most one JSON value");
    want_parse("", NULL, "Expecting a JSON value");
    want_parse("  \n", NULL, "Expecting a JSON value");
    /* json_message_parser_flush: pending tokens are parsed and run out. */
    want_parse("{\"a\":1", NULL, "JSON parse error, premature EOI");
    want_parse("{\"a\":", NULL, "JSON parse error, premature EOI");
    want_parse("{\"a\"", NULL, "JSON parse error, premature EOI");
    want_parse("{", NULL, "JSON parse error, premature EOI");
    want_parse("[", NULL, "JSON parse error, premature EOI");
    want_parse("[1,", NULL, "JSON parse error, premature EOI");
    /* An unfinished token is a lexical error, without any further byte. */
    want_parse("\"abc", NULL, "JSON parse error, stray '\"abc'");
    want_parse("-", NULL, "JSON parse error, stray '-'");
    want_parse("1.", NULL, "JSON parse error, stray '1.'");
    want_parse("1e+", NULL, "JSON parse error, stray '1e+'");
    want_parse("tru", NULL, "JSON parse error, invalid keyword 'tru'");
    want_parse("@ 1", NULL, "JSON parse error, stray '@'");
    want_parse("1 @", NULL, "Expecting at most one JSON value");
}

static void test_stream_api(void **state)
{
    (void)state;
    strbuf t;
    sb_init(&t);
    sb_puts(&t, "");
    json_stream *s = json_stream_new(record, &t);
    assert_true(json_stream_idle(s));

    assert_int_equal(json_stream_feed(s, " \r\n\t ", 5), 5); /* whitespace: nothing */
    assert_true(json_stream_idle(s));
    json_stream_flush(s);
    assert_string_equal(t.buf, "");

    /* Idle means nothing held: neither a partial token nor a partial value. */
    assert_int_equal(json_stream_feed(s, "{\"a\":1", 6), 6);
    assert_false(json_stream_idle(s));
    json_stream_flush(s);
    assert_true(json_stream_idle(s));
    json_stream_feed(s, "\"ab", 3);
    assert_false(json_stream_idle(s));
    json_stream_reset(s);
    assert_true(json_stream_idle(s));
    json_stream_feed(s, "[", 1);
    assert_false(json_stream_idle(s));
    json_stream_reset(s);
    json_stream_feed(s, "@", 1); /* error recovery skips input: not fresh either */
    assert_false(json_stream_idle(s));
    json_stream_reset(s);
    t.len = 0;
    json_stream_feed(s, "{\"a\":1", 6);
    json_stream_flush(s);
    json_stream_feed(s, "2", 1);
    json_stream_flush(s);
    assert_string_equal(t.buf, "E:\"JSON parse error, premature EOI\"\nN\n");

    /* Reset forgets a half value and the error recovery state. */
    t.len = 0;
    json_stream_feed(s, "{\"a\":", 5);
    json_stream_reset(s);
    json_stream_feed(s, "3 @abc", 6);
    json_stream_reset(s);
    json_stream_feed(s, "{\"id\":4}", 8);
    t.buf[t.len] = 0;
    assert_string_equal(t.buf, "N\nE:\"JSON parse error, stray '@'\"\nV:4\n");

    /* Without the reset, recovery swallows the same bytes. */
    t.len = 0;
    json_stream_feed(s, "@abc{\"id\":4}", 12);
    t.buf[t.len] = 0;
    assert_string_equal(t.buf, "E:\"JSON parse error, stray '@'\"\nV:4\n");

    json_stream_free(s);
    sb_free(&t);
}

/* A callback may reset its stream (a monitor closing): the rest of that feed is dropped. */
typedef struct resetter {
    json_stream *s;
    strbuf t;
} resetter;

static void reset_on_value(void *opaque, json_value *v, const char *error)
{
    resetter *r = opaque;
    record(&r->t, v, error);
    json_stream_reset(r->s);
}

static void test_reset_in_callback(void **state)
{
    (void)state;
    static const char *const inputs[] = {"1 2", "12}", "[1] [2]", "@ 3", "\"a\"\"b\""};
    static const char *const expect[] = {"N\n", "N\n", "N\n", "E:\"JSON parse error, stray '@'\"\n",
                                         "N\n"};
    /* Bytes taken: up to the one that completed the value (a number ends at the byte after
     * it). */
    static const size_t taken[] = {2, 3, 3, 1, 3};
    for (size_t i = 0; i < 5; i++) {
        resetter r;
        sb_init(&r.t);
        sb_puts(&r.t, "");
        r.s = json_stream_new(reset_on_value, &r);
        assert_int_equal(json_stream_feed(r.s, inputs[i], strlen(inputs[i])), taken[i]);
        assert_string_equal(r.t.buf, expect[i]);
        assert_true(json_stream_idle(r.s));
        json_stream_feed(r.s, "7 ", 2); /* the next feed is parsed afresh */
        r.t.buf[r.t.len] = 0;
        assert_string_equal(r.t.buf + strlen(expect[i]), "N\n");
        json_stream_free(r.s);
        sb_free(&r.t);
    }
}

/* ---- speed ---- */

static void count_value(void *opaque, json_value *v, const char *error)
{
    assert_null(error);
    strbuf *out = opaque;
    json_value *rsp = json_object();
    json_value *ret = json_object();
    json_object_set_bool(ret, "running", false); /* StatusInfo's member order */
    json_object_set_bool(ret, "singlestep", false);
    json_object_set_str(ret, "status", "prelaunch");
    json_object_set(rsp, "return", ret);
    json_value *id = json_object_get(v, "id");
    if (id) {
        json_object_set(rsp, "id", json_clone(id));
    }
    out->len = 0;
    json_write(out, rsp);
    json_free(rsp);
    json_free(v);
}

static void test_speed(void **state)
{
    (void)state;
    static const char req[] = "{\"execute\":\"query-status\"}\n";
    strbuf out;
    sb_init(&out);
    json_stream *s = json_stream_new(count_value, &out);
    const int n = 200000;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (int i = 0; i < n; i++) {
        json_stream_feed(s, req, sizeof(req) - 1);
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double ns = ((double)(t1.tv_sec - t0.tv_sec) * 1e9 + (double)(t1.tv_nsec - t0.tv_nsec)) / n;
    print_message("parse + reply: %.0f ns per request\n", ns);
    assert_string_equal(out.buf, "{\"return\": {\"status\": \"prelaunch\", \"singlestep\": false, "
                                 "\"running\": false}}");
    json_stream_free(s);
    sb_free(&out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_qemu_table),
        cmocka_unit_test(test_nesting_limit),
        cmocka_unit_test(test_token_count_limit),
        cmocka_unit_test(test_token_size_limit),
        cmocka_unit_test(test_message_lengths),
        cmocka_unit_test(test_recovery),
        cmocka_unit_test(test_values),
        cmocka_unit_test(test_parse_one),
        cmocka_unit_test(test_stream_api),
        cmocka_unit_test(test_reset_in_callback),
        cmocka_unit_test(test_speed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
