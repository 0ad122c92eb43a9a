/* Shared machinery of the fuzz targets: failing loudly, an in-process monitor with no
 * transport, and the reply oracle. Must never be linked into emu itself. */
#ifndef FUZZ_SUPPORT_H
#define FUZZ_SUPPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "emu/strbuf.h"

_Noreturn void fuzz_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* One expected reply: from a request value or a parse error. */
typedef struct fuzz_reply {
    bool has_id;
    char *id_text; /* the id as emu writes it */
} fuzz_reply;

typedef struct fuzz_expect {
    fuzz_reply *items;
    size_t len, cap;
} fuzz_expect;

/* Parses in with a fresh stream and records what each reply must carry. */
void fuzz_expect_collect(fuzz_expect *e, const uint8_t *in, size_t len);
void fuzz_expect_free(fuzz_expect *e);

/* Fresh monitor state; the first call fixes the output buffer (out) for the campaign.
 * negotiated: skip capabilities negotiation. */
void fuzz_monitor_setup(strbuf *out, bool negotiated);
strbuf *fuzz_monitor_output(void);
void fuzz_monitor_teardown(void);

/* Every line strict JSON (two parsers), greeting first, one reply per expected item in
 * order with the right id (a prefix of them when emu exited midway). */
void fuzz_check_output(const strbuf *out, const fuzz_expect *e, bool negotiated);

/* True if line[0..len) is exactly one JSON value by an independent strict parser. */
bool fuzz_strict_json(const char *line, size_t len);

#endif
