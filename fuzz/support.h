/* Shared machinery of the fuzz targets: failing loudly, an in-process monitor with no
 * transport, and the reply oracle. Must never be linked into emu itself. */
#ifndef FUZZ_SUPPORT_H
#define FUZZ_SUPPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "emu/strbuf.h"

_Noreturn void fuzz_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Fresh monitor state; the first call fixes the output buffer (out) for the campaign.
 * negotiated: skip capabilities negotiation. Fails unless the session's parser starts
 * fresh; from here on, every value and parse error it produces is an expected reply. */
void fuzz_monitor_setup(strbuf *out, bool negotiated);
/* The client's bytes; fails unless the parser takes every one. */
void fuzz_monitor_input(const uint8_t *in, size_t len);
strbuf *fuzz_monitor_output(void);
void fuzz_monitor_teardown(void);

/* Every line strict JSON (two parsers), greeting first, one reply per expected reply in
 * order with the right id (a prefix of them when emu exited midway). */
void fuzz_check_output(const strbuf *out);

/* True if line[0..len) is exactly one JSON value by an independent strict parser. */
bool fuzz_strict_json(const char *line, size_t len);

#endif
