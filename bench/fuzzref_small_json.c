/* The reference for the fuzz targets' speed (issue 5: "a small JSON target"): a libFuzzer
 * target that only parses its input with emu's JSON parser and frees the result, built with the
 * fuzz targets' sanitizers and instrumentation. bench/fuzz_bench.py runs it with libFuzzer's
 * defaults from an empty corpus. It has no oracle and must never be taken for a fuzz target:
 * it lives in bench/ and is built only by ./configure.py --fuzz. */
#include <stdint.h>
#include <stdlib.h>

#include "qmp/json.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *error = NULL;
    json_value *v = json_parse((const char *)data, size, &error);
    json_free(v);
    free(error);
    return 0;
}
