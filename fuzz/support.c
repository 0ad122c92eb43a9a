/* Fuzz-target support: the in-process monitor, the expected-reply pass and the output oracle.
 * Must never be linked into emu. */
#include "fuzz/support.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "emu/machine.h"
#include "emu/runstate.h"
#include "qmp/events.h"
#include "qmp/json.h"
#include "qmp/monitor.h"

void fuzz_fail(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("FUZZ ORACLE: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    abort();
}

static void collect_one(void *opaque, json_value *v, const char *error)
{
    fuzz_expect *e = opaque;
    if (e->len == e->cap) {
        e->cap = e->cap ? 2 * e->cap : 16;
        e->items = realloc(e->items, e->cap * sizeof(*e->items));
    }
    fuzz_reply *r = &e->items[e->len++];
    r->has_id = false;
    r->id_text = NULL;
    if (!error && v->kind == JSON_OBJECT) {
        const json_value *id = json_object_get(v, "id");
        if (id) {
            /* Compare as the reply will read back: written, parsed, written again (a double
             * -0 is written "-0", which reads back as the integer 0). */
            char *once = json_to_string(id);
            char *err = NULL;
            json_value *back = json_parse(once, strlen(once), &err);
            r->has_id = true;
            r->id_text = back ? json_to_string(back) : once;
            if (back) {
                free(once);
                json_free(back);
            }
            free(err);
        }
    }
    json_free(v);
}

/* One stream for the campaign, reset before each input as a fresh one would be: creating
 * it per input cost more than parsing a short session. */
static json_stream *expect_stream;
static fuzz_expect *collecting;

static void collect_into(void *opaque, json_value *v, const char *error)
{
    (void)opaque;
    collect_one(collecting, v, error);
}

void fuzz_expect_collect(fuzz_expect *e, const uint8_t *in, size_t len)
{
    memset(e, 0, sizeof(*e));
    if (!expect_stream) {
        expect_stream = json_stream_new(collect_into, NULL);
    }
    json_stream_reset(expect_stream);
    collecting = e;
    json_stream_feed(expect_stream, (const char *)in, len);
    collecting = NULL;
}

void fuzz_expect_free(fuzz_expect *e)
{
    for (size_t i = 0; i < e->len; i++) {
        free(e->items[i].id_text);
    }
    free(e->items);
}

static bool leave_preconfig(void)
{
    return machine_create_and_start();
}

/* One monitor for the whole campaign: reopening it resets the session and its parser, as a
 * new client connection does, without reallocating anything. */
static monitor *fuzz_mon;
static strbuf *fuzz_out;

void fuzz_monitor_setup(strbuf *out, bool negotiated)
{
    mon_exit_pending = false;
    mon_exit_status = 0;
    event_sink = monitor_broadcast_event;
    mon_env.process_requests = runstate_process_requests;
    rs_hooks = (runstate_hooks){.leave_preconfig = leave_preconfig};
    if (!fuzz_mon) {
        fuzz_out = out;
        fuzz_mon = monitor_new(fuzz_out);
    }
    sb_clear(fuzz_out);
    monitor_opened(fuzz_mon);
    fuzz_mon->sess.negotiated = negotiated;
}

strbuf *fuzz_monitor_output(void)
{
    return fuzz_out;
}

void fuzz_monitor_teardown(void)
{
    monitor_closed(fuzz_mon);
    machine_reset_state();
}

/* The verdict on one output line, remembered by its exact bytes. Both parsers are pure
 * functions of the line, so a line seen before (most lines are: parse errors, the greeting,
 * query results) gets the verdict it got then without being parsed again; a line that fails
 * aborts the first time it is seen, so a crash input reproduces on its own. Only lines that
 * passed are kept. This is where the oracle used to spend two thirds of an execution. */
typedef struct line_verdict {
    uint64_t hash;
    char *line; /* the exact bytes, compared in full: a hash match alone proves nothing */
    size_t len;
    bool is_event;
    char *id_text; /* a reply's id as emu's writer writes it, or NULL */
} line_verdict;

#define VERDICT_SLOTS    4096 /* direct-mapped by hash; a collision replaces the slot */
#define VERDICT_MAX_LINE 16384

static line_verdict verdicts[VERDICT_SLOTS];

/* Parses a line that is not in the table with emu's parser and jansson, checks what does not
 * depend on the session (one strict JSON object; an event has no id; a reply has exactly one
 * of return and error), and fills in v. */
static void judge_line(line_verdict *v, const char *line, size_t len, size_t line_no)
{
    char *err = NULL;
    json_value *j = json_parse(line, len, &err);
    if (!j) {
        fuzz_fail("output line %zu is not one JSON value for emu's parser: %s", line_no, err);
    }
    if (!fuzz_strict_json(line, len)) {
        fuzz_fail("output line %zu is not strict JSON: %.*s", line_no, (int)len, line);
    }
    if (j->kind != JSON_OBJECT) {
        fuzz_fail("output line %zu is not an object", line_no);
    }
    const json_value *id = json_object_get(j, "id");
    v->is_event = json_object_get(j, "event") != NULL;
    v->id_text = NULL;
    if (v->is_event) {
        if (id) {
            fuzz_fail("event with an id");
        }
    } else {
        if (!json_object_get(j, "return") == !json_object_get(j, "error")) {
            fuzz_fail("output line %zu has neither or both of return/error", line_no);
        }
        if (id) {
            v->id_text = json_to_string(id);
        }
    }
    json_free(j);
}

/* The verdict on line[0..len): from the table, or judged now (and kept when small enough). */
static const line_verdict *line_verdict_of(const char *line, size_t len, size_t line_no)
{
    static line_verdict scratch;
    uint64_t h = XXH3_64bits(line, len);
    line_verdict *slot = &verdicts[h % VERDICT_SLOTS];
    if (slot->line && slot->hash == h && slot->len == len && !memcmp(slot->line, line, len)) {
        return slot;
    }
    line_verdict *v = len <= VERDICT_MAX_LINE ? slot : &scratch;
    free(v->line);
    free(v->id_text);
    v->line = NULL;
    judge_line(v, line, len, line_no);
    if (v == slot) {
        v->hash = h;
        v->len = len;
        v->line = malloc(len ? len : 1);
        memcpy(v->line, line, len);
    }
    return v;
}

void fuzz_check_output(const strbuf *out, const fuzz_expect *e, bool negotiated)
{
    (void)negotiated;
    size_t pos = 0, line_no = 0, replies = 0;
    while (pos < out->len) {
        const char *line = out->buf + pos;
        const char *crlf = memmem(line, out->len - pos, "\r\n", 2);
        if (!crlf) {
            fuzz_fail("output does not end in CRLF");
        }
        size_t len = (size_t)(crlf - line);
        for (size_t i = 0; i < len; i++) {
            unsigned char c = (unsigned char)line[i];
            if (c < 0x20 || c > 0x7e) {
                fuzz_fail("output line %zu has byte 0x%02x", line_no, c);
            }
        }
        if (line_no == 0) {
            static const char prefix[] = "{\"QMP\": {\"version\": {\"qemu\": ";
            if (len < sizeof(prefix) - 1 || memcmp(line, prefix, sizeof(prefix) - 1) != 0) {
                fuzz_fail("first line is not the greeting");
            }
            pos += len + 2;
            line_no++;
            continue;
        }
        const line_verdict *v = line_verdict_of(line, len, line_no);
        if (!v->is_event) {
            if (replies >= e->len) {
                fuzz_fail("more replies (%zu) than requests (%zu)", replies + 1, e->len);
            }
            const fuzz_reply *want = &e->items[replies];
            if (want->has_id != (v->id_text != NULL)) {
                fuzz_fail("reply %zu: id %s expected", replies, want->has_id ? "" : "not");
            }
            if (v->id_text && strcmp(v->id_text, want->id_text) != 0) {
                fuzz_fail("reply %zu: id %s, expected %s", replies, v->id_text, want->id_text);
            }
            replies++;
        }
        pos += len + 2;
        line_no++;
    }
    if (!mon_exit_pending && replies != e->len) {
        fuzz_fail("%zu requests but %zu replies", e->len, replies);
    }
}
