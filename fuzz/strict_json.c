/* The independent JSON check of the fuzz oracles: jansson, in strict mode, must accept each
 * line emu writes as exactly one value. Kept apart because jansson's names clash with
 * qmp/json.h. Must never be linked into emu. */
#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

bool fuzz_strict_json(const char *line, size_t len);

bool fuzz_strict_json(const char *line, size_t len)
{
    json_error_t err;
    json_t *j = json_loadb(
        line, len,
        JSON_DECODE_ANY | JSON_ALLOW_NUL | JSON_REJECT_DUPLICATES | JSON_DECODE_INT_AS_REAL, &err);
    if (!j) {
        /* JSON allows U+0000 in member names; jansson cannot store it. Not our error. */
        return strstr(err.text, "NUL byte in object key") != NULL;
    }
    json_decref(j);
    return true;
}
