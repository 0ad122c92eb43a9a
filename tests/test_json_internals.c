/* Tests for the parts of the JSON layer that are emu's own, not QEMU's: raw values (text
 * written as it is) and the block cache under the values (qmp/json_block.c: reuse order,
 * moves between size classes, the per-class bound, no drift between classes). Must never
 * depend on malloc's addresses beyond "the block that was freed is the one handed out again". */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "qmp/json.h"
#include "qmp/json_internal.h"

static void test_write_raw(void **state)
{
    (void)state;
    static const char schema[] = "[{\"name\": \"quit\"}]";
    json_value *o = json_object();
    json_object_set(o, "return", json_raw(schema, sizeof(schema) - 1));
    json_object_set_str(o, "id", "x");
    json_value *c = json_clone(o);
    assert_ptr_equal(json_object_get(c, "return")->raw.text, schema);   /* borrowed, not copied */
    assert_null(json_object_get(json_object_get(c, "return"), "name")); /* not readable back */
    json_value *both[2] = {o, c};
    for (int i = 0; i < 2; i++) {
        char *got = json_to_string(both[i]);
        assert_string_equal(got, "{\"return\": [{\"name\": \"quit\"}], \"id\": \"x\"}");
        free(got);
        json_free(both[i]);
    }
}

static void test_block_reuse(void **state)
{
    (void)state;
    json_block_drain();
    /* 20 and 30 bytes share the 32-byte class; first freed, first reused. */
    void *a = json_block_alloc(20), *b = json_block_alloc(30);
    json_block_free(a, 20);
    json_block_free(b, 30);
    assert_int_equal(json_block_cached(17), 2);
    assert_int_equal(json_block_cached(16), 0);
    assert_ptr_equal(json_block_alloc(32), a);
    assert_ptr_equal(json_block_alloc(17), b);
    assert_int_equal(json_block_cached(32), 0);
    json_block_free(a, 32);
    json_block_free(b, 17);
    /* Growing and shrinking across classes, and past the largest, keeps the bytes. */
    char *p = json_block_alloc(10);
    memcpy(p, "abcdefghi", 10);
    p = json_block_realloc(p, 10, 100);
    assert_string_equal(p, "abcdefghi");
    p = json_block_realloc(p, 100, JSON_BLOCK_MAX + 100);
    assert_string_equal(p, "abcdefghi");
    p = json_block_realloc(p, JSON_BLOCK_MAX + 100, 10);
    assert_string_equal(p, "abcdefghi");
    json_block_free(p, 10);
    /* A class keeps at most JSON_BLOCK_KEEP blocks; the rest go back to malloc. */
    json_block_drain();
    static void *many[JSON_BLOCK_KEEP + 10];
    for (size_t i = 0; i < JSON_BLOCK_KEEP + 10; i++) {
        many[i] = json_block_alloc(48);
    }
    for (size_t i = 0; i < JSON_BLOCK_KEEP + 10; i++) {
        json_block_free(many[i], 48);
    }
    assert_int_equal(json_block_cached(48), JSON_BLOCK_KEEP);
    json_block_drain();
    assert_int_equal(json_block_cached(48), 0);
}

/* Parsing and freeing the same text again and again takes every block from the cache and
 * gives it back to the class it came from: nothing drifts between classes (a string whose
 * escapes make it shorter than its token must not leave a big class for a small one). */
static void test_block_steady(void **state)
{
    (void)state;
    static const char text[] =
        "{\"execute\": \"\\u0071\\u0075\\u0069\\u0074\", \"arguments\": {\"k\": [1, \"\\u00e9\", "
        "{\"a\": null}], \"long\": \"0123456789012345678901234567890123456789\"}, \"id\": 7}";
    json_free(json_parse(text, sizeof(text) - 1, NULL));
    size_t before[JSON_BLOCK_MAX / 16 + 1];
    for (size_t k = 1; k <= JSON_BLOCK_MAX / 16; k++) {
        before[k] = json_block_cached(k * 16);
    }
    for (int i = 0; i < 100; i++) {
        json_value *v = json_parse(text, sizeof(text) - 1, NULL);
        assert_non_null(v);
        assert_string_equal(json_object_get(v, "execute")->str.ptr, "quit");
        json_free(v);
    }
    for (size_t k = 1; k <= JSON_BLOCK_MAX / 16; k++) {
        assert_int_equal(json_block_cached(k * 16), before[k]);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_write_raw),
        cmocka_unit_test(test_block_reuse),
        cmocka_unit_test(test_block_steady),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
