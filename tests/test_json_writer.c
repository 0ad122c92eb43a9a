/* Tests for QMP's JSON writer (qmp/json_writer.c): QEMU's compact form, its escapes and its
 * number formats, byte for byte. Must never assert emu-invented behaviour without saying so
 * (the documented difference: non-finite doubles are written as null). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qmp/json.h"
#include "tests/test_json_util.h"

/* ---- writer ---- */

static void test_write_numbers(void **state)
{
    (void)state;
    want_written(json_int(0), "0");
    want_written(json_int(-1), "-1");
    want_written(json_int(INT64_MIN), "-9223372036854775808");
    want_written(json_int(INT64_MAX), "9223372036854775807");
    want_written(json_uint(UINT64_MAX), "18446744073709551615");
    want_written(json_double(1500.0), "1500");
    want_written(json_double(0.1), "0.10000000000000001");
    want_written(json_double(-0.0), "-0");
    want_written(json_double(1e16), "10000000000000000");
    want_written(json_double(1e17), "1e+17");
    want_written(json_double(1e21), "1e+21");
    want_written(json_double(9.9999999999999995e-07), "9.9999999999999995e-07");
    want_written(json_double(5e-324), "4.9406564584124654e-324");
    want_written(json_double(1.7976931348623157e308), "1.7976931348623157e+308");
    /* QEMU prints inf / -inf / nan, which is not JSON; emu writes null (json.h). */
    want_written(json_double(INFINITY), "null");
    want_written(json_double(-INFINITY), "null");
    want_written(json_double(NAN), "null");
    want_written(json_null(), "null");
    want_written(json_bool(true), "true");
    want_written(json_bool(false), "false");
}

static void want_string(const char *s, size_t len, const char *expect)
{
    strbuf out;
    sb_init(&out);
    json_write_string(&out, s, len);
    assert_string_equal(out.buf, expect);
    sb_free(&out);
}

#define WANT_STRING(lit, expect) want_string(lit, sizeof(lit) - 1, expect)

static void test_write_strings(void **state)
{
    (void)state;
    WANT_STRING("", "\"\"");
    WANT_STRING("abc ~", "\"abc ~\"");
    WANT_STRING("\"\\/'", "\"\\\"\\\\/'\""); /* '/' is not escaped */
    WANT_STRING("\b\f\n\r\t", "\"\\b\\f\\n\\r\\t\"");
    WANT_STRING("\001\037\177", "\"\\u0001\\u001F\\u007F\"");
    WANT_STRING("\303\251\342\202\254", "\"\\u00E9\\u20AC\"");
    WANT_STRING("\360\237\230\200", "\"\\uD83D\\uDE00\"");
    WANT_STRING("\364\217\277\275", "\"\\uDBFF\\uDFFD\"");
    WANT_STRING("\300\200", "\"\\u0000\""); /* modified UTF-8 U+0000 */
    WANT_STRING("a\0b", "\"a\\u0000b\"");   /* raw NUL: emu's choice, QEMU has none */
    /* One U+FFFD per invalid sequence, sequences ending where QEMU's decoder stops. */
    WANT_STRING("\377", "\"\\uFFFD\"");
    WANT_STRING("\376", "\"\\uFFFD\"");
    WANT_STRING("\200\200", "\"\\uFFFD\\uFFFD\"");
    WANT_STRING("\342\202A", "\"\\uFFFDA\"");
    WANT_STRING("\360\237\230", "\"\\uFFFD\"");
    WANT_STRING("\360\237\230x", "\"\\uFFFDx\"");
    WANT_STRING("\351\351\351", "\"\\uFFFD\\uFFFD\\uFFFD\"");
    WANT_STRING("\355\240\200", "\"\\uFFFD\"");         /* surrogate */
    WANT_STRING("\357\277\277", "\"\\uFFFD\"");         /* noncharacter U+FFFF */
    WANT_STRING("\357\267\220", "\"\\uFFFD\"");         /* noncharacter U+FDD0 */
    WANT_STRING("\301\201", "\"\\uFFFD\"");             /* overlong */
    WANT_STRING("\340\200\200", "\"\\uFFFD\"");         /* overlong */
    WANT_STRING("\364\220\200\200", "\"\\uFFFD\"");     /* beyond U+10FFFF */
    WANT_STRING("\370\210\200\200\200", "\"\\uFFFD\""); /* 5-byte form */
    WANT_STRING("\303", "\"\\uFFFD\"");
}

/* The writer tests eight bytes at a time: each byte that must be escaped, at every place in
 * and around a word, among plain bytes, is escaped, and the plain bytes are kept. */
static void test_write_string_every_place(void **state)
{
    (void)state;
    static const struct {
        unsigned char byte;
        const char *escaped;
    } specials[] = {
        {0x00, "\\u0000"}, {0x01, "\\u0001"}, {'\t', "\\t"},     {'\n', "\\n"},
        {0x1f, "\\u001F"}, {'"', "\\\""},     {'\\', "\\\\"},    {0x7f, "\\u007F"},
        {0x80, "\\uFFFD"}, {0xfe, "\\uFFFD"}, {0xff, "\\uFFFD"},
    };
    for (size_t k = 0; k < sizeof(specials) / sizeof(specials[0]); k++) {
        for (size_t len = 1; len <= 26; len++) {
            for (size_t at = 0; at < len; at++) {
                char in[32], want[64];
                size_t w = 0;
                want[w++] = '"';
                for (size_t i = 0; i < len; i++) {
                    in[i] = (char)(' ' + (i * 7 + len) % 94); /* printable, never '"' or '\\' */
                    if (in[i] == '"' || in[i] == '\\') {
                        in[i] = 'q';
                    }
                    if (i == at) {
                        in[i] = (char)specials[k].byte;
                        strcpy(want + w, specials[k].escaped);
                        w += strlen(specials[k].escaped);
                    } else {
                        want[w++] = in[i];
                    }
                }
                want[w++] = '"';
                want[w] = 0;
                want_string(in, len, want);
            }
        }
    }
    /* Plain bytes at both ends of the printable range, a whole word of each. */
    WANT_STRING("        ~~~~~~~~!!!!!!!!", "\"        ~~~~~~~~!!!!!!!!\"");
}

static void test_write_containers(void **state)
{
    (void)state;
    want_written(json_object(), "{}");
    want_written(json_array(), "[]");
    json_value *a = json_array();
    json_array_append(a, json_int(1));
    json_array_append(a, json_array());
    json_array_append(a, json_object());
    json_array_append(a, json_string("x"));
    json_value *o = json_object();
    json_object_set(o, "b", a);
    json_object_set_int(o, "a", 1);
    want_written(o, "{\"a\": 1, \"b\": [1, [], {}, \"x\"]}");
}

static void test_qdict_buckets(void **state)
{
    (void)state;
    static const struct {
        const char *key;
        unsigned bucket;
    } b[] = {
        {"return", 401},   {"id", 486},         {"error", 489},
        {"timestamp", 26}, {"event", 361},      {"data", 505},
        {"micro", 225},    {"minor", 225},      {"major", 481},
        {"status", 202},   {"singlestep", 202}, {"running", 246},
        {"execute", 299},  {"arguments", 447},  {"", 57},
        {"\303\251", 100}, {"a", 233},          {"rb", 233},
        {"rr", 233},
    };
    for (size_t i = 0; i < sizeof(b) / sizeof(b[0]); i++) {
        assert_int_equal(json_qdict_bucket(b[i].key), b[i].bucket);
    }
}

static json_value *object_of(const char *const *keys, size_t n)
{
    json_value *o = json_object();
    for (size_t i = 0; i < n; i++) {
        json_object_set_int(o, keys[i], (int64_t)i);
    }
    return o;
}

#define OBJECT_OF(...)                                                                             \
    object_of((const char *const[]){__VA_ARGS__},                                                  \
              sizeof((const char *const[]){__VA_ARGS__}) / sizeof(const char *))

static void test_qdict_order(void **state)
{
    (void)state;
    /* The orders seen on the wire from QEMU 7.2. */
    want_written(OBJECT_OF("return", "id"), "{\"return\": 0, \"id\": 1}");
    want_written(OBJECT_OF("id", "return"), "{\"return\": 1, \"id\": 0}");
    want_written(OBJECT_OF("error", "id"), "{\"id\": 1, \"error\": 0}");
    want_written(OBJECT_OF("data", "event", "timestamp"),
                 "{\"timestamp\": 2, \"event\": 1, \"data\": 0}");
    /* Same bucket: the newest key comes first. */
    want_written(OBJECT_OF("major", "minor", "micro"),
                 "{\"micro\": 2, \"minor\": 1, \"major\": 0}");
    want_written(OBJECT_OF("micro", "minor", "major"),
                 "{\"minor\": 1, \"micro\": 0, \"major\": 2}");
    want_written(OBJECT_OF("running", "singlestep", "status"),
                 "{\"status\": 2, \"singlestep\": 1, \"running\": 0}");
    want_written(OBJECT_OF("a", "rb", "rr"), "{\"rr\": 2, \"rb\": 1, \"a\": 0}");
    /* Replacing a value keeps the key's place, as qdict_put_obj does. */
    json_value *o = OBJECT_OF("a", "rb", "rr");
    json_object_set_str(o, "a", "new");
    assert_int_equal(o->obj.len, 3);
    want_written(o, "{\"rr\": 2, \"rb\": 1, \"a\": \"new\"}");

    /* Big objects (counting sort) follow the same rule as small ones. */
    json_value *big = json_object();
    char key[16];
    for (int i = 0; i < 700; i++) {
        snprintf(key, sizeof(key), "k%d", i);
        json_object_set_int(big, key, i);
    }
    size_t order[700];
    json_object_qdict_order(big, order);
    for (size_t k = 1; k < 700; k++) {
        unsigned b0 = json_qdict_bucket(big->obj.members[order[k - 1]].key);
        unsigned b1 = json_qdict_bucket(big->obj.members[order[k]].key);
        assert_true(b0 < b1 || (b0 == b1 && order[k - 1] > order[k]));
    }
    json_free(big);
}

/* ---- values ---- */

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_write_numbers),
        cmocka_unit_test(test_write_strings),
        cmocka_unit_test(test_write_string_every_place),
        cmocka_unit_test(test_write_containers),
        cmocka_unit_test(test_qdict_buckets),
        cmocka_unit_test(test_qdict_order),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
