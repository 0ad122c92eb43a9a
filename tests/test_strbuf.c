/* Unit tests of emu/strbuf.c's formatting: sb_printf writes into the room it has and formats
 * a second time only when the text did not fit; the bytes must be the same either way, at every
 * length around the boundary, appended to any existing text. Must never touch the file
 * system. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "emu/strbuf.h"

static void test_printf_every_length(void **state)
{
    (void)state;
    char want[1500], pad[1100];
    memset(pad, 'x', sizeof(pad) - 1);
    pad[sizeof(pad) - 1] = 0;
    for (size_t prefix = 0; prefix < 300; prefix += 37) {
        for (int len = 0; len < 1000; len++) {
            strbuf sb;
            sb_init(&sb);
            sb_put(&sb, pad, prefix);
            sb_printf(&sb, "<%.*s|%d>", len, pad, len);
            int n = snprintf(want, sizeof(want), "%.*s<%.*s|%d>", (int)prefix, pad, len, pad, len);
            assert_int_equal(sb.len, (size_t)n);
            assert_memory_equal(sb.buf, want, (size_t)n + 1); /* with its NUL */
            sb_free(&sb);
        }
    }
}

static void test_printf_appends(void **state)
{
    (void)state;
    strbuf sb;
    sb_init(&sb);
    for (int i = 0; i < 200; i++) {
        sb_printf(&sb, "%d,", i);
    }
    char want[1024];
    size_t n = 0;
    for (int i = 0; i < 200; i++) {
        n += (size_t)snprintf(want + n, sizeof(want) - n, "%d,", i);
    }
    assert_int_equal(sb.len, n);
    assert_string_equal(sb.buf, want);
    sb_free(&sb);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_printf_every_length),
        cmocka_unit_test(test_printf_appends),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
