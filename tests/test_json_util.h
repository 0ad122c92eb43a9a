/* What the JSON test programs share: a value written must read exactly as expected.
 * Include after cmocka.h. Must never hold a test of its own. */
#ifndef TESTS_TEST_JSON_UTIL_H
#define TESTS_TEST_JSON_UTIL_H

#include <stdlib.h>

#include "qmp/json.h"

/* Writes v (then frees it) and compares the text with expect. */
static inline void want_written(json_value *v, const char *expect)
{
    char *s = json_to_string(v);
    assert_string_equal(s, expect);
    free(s);
    json_free(v);
}

#endif
