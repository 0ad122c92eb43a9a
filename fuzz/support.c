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

/* Whether v may be written differently once read back: a double (-0 reads back as the
 * integer 0) or a container (members of one QDict bucket come back in the other order, as in
 * QEMU). Scalars are written exactly as they were read. */
static bool may_change_on_reread(const json_value *v)
{
    switch (v->kind) {
    case JSON_NULL:
    case JSON_BOOL:
    case JSON_INT:
    case JSON_UINT:
    case JSON_STRING:
        return false;
    default:
        return true;
    }
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
            /* Compare as the reply will read back: written, parsed, written again. */
            char *once = json_to_string(id);
            r->has_id = true;
            r->id_text = once;
            if (may_change_on_reread(id)) {
                json_value *back = json_parse(once, strlen(once), NULL);
                if (back) {
                    r->id_text = json_to_string(back);
                    free(once);
                    json_free(back);
                }
            }
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
 * passed are kept. This is where the oracle used to spend two thirds of an execution. The
 * tables are static: an allocation kept from one input to the next would make libFuzzer
 * suspect a leak and run the input again under LeakSanitizer. */
typedef struct line_verdict {
    uint64_t hash;
    size_t len; /* 0: empty slot (an output line is never empty) */
    bool is_event;
    bool has_id;
    char id_text[96]; /* a reply's id as emu's writer writes it */
} line_verdict;

/* Two two-way set-associative tables (a miss replaces the way not used last): short lines,
 * and a few long ones (query results such as the schema). A campaign meets thousands of
 * distinct short lines (a stray-byte error per byte value and context), and in a
 * direct-mapped table of 4096 the ones that collided were judged again at every meeting. The
 * bytes are compared in full: a hash proves nothing. */
#define SHORT_SETS 8192
#define SHORT_LINE 480
#define LONG_SETS  16
#define LONG_LINE  32768

static line_verdict short_verdicts[SHORT_SETS][2], long_verdicts[LONG_SETS][2];
static char short_lines[SHORT_SETS][2][SHORT_LINE], long_lines[LONG_SETS][2][LONG_LINE];
static uint8_t short_victim[SHORT_SETS], long_victim[LONG_SETS];

static void check_printable(const char *line, size_t len, size_t line_no)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)line[i];
        if (c < 0x20 || c > 0x7e) {
            fuzz_fail("output line %zu has byte 0x%02x", line_no, c);
        }
    }
}

/* Parses a line with emu's parser and jansson, checks what does not depend on the session
 * (printable ASCII only; one strict JSON object; an event has no id; a reply has exactly one
 * of return and error), and fills in v; false when the id is too long to keep (v is then
 * still right for this line). */
static bool judge_line(line_verdict *v, const char *line, size_t len, size_t line_no,
                       char **long_id)
{
    check_printable(line, len, line_no);
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
    v->has_id = id != NULL;
    v->id_text[0] = 0;
    bool keep = true;
    if (v->is_event) {
        if (id) {
            fuzz_fail("event with an id");
        }
    } else {
        if (!json_object_get(j, "return") == !json_object_get(j, "error")) {
            fuzz_fail("output line %zu has neither or both of return/error", line_no);
        }
        if (id) {
            char *text = json_to_string(id);
            if (strlen(text) < sizeof(v->id_text)) {
                strcpy(v->id_text, text);
                free(text);
            } else {
                *long_id = text;
                keep = false;
            }
        }
    }
    json_free(j);
    return keep;
}

/* The verdict on line[0..len): from a table, or judged now (and kept when it fits). *long_id
 * is set (the caller frees it) when the id did not fit in the verdict. */
static const line_verdict *line_verdict_of(const char *line, size_t len, size_t line_no,
                                           char **long_id)
{
    static line_verdict scratch;
    uint64_t h = XXH3_64bits(line, len);
    line_verdict *set = NULL;
    char *kept[2] = {NULL, NULL}; /* each way's bytes */
    uint8_t *victim = NULL;
    if (len <= SHORT_LINE) {
        set = short_verdicts[h % SHORT_SETS];
        kept[0] = short_lines[h % SHORT_SETS][0];
        kept[1] = short_lines[h % SHORT_SETS][1];
        victim = &short_victim[h % SHORT_SETS];
    } else if (len <= LONG_LINE) {
        set = long_verdicts[h % LONG_SETS];
        kept[0] = long_lines[h % LONG_SETS][0];
        kept[1] = long_lines[h % LONG_SETS][1];
        victim = &long_victim[h % LONG_SETS];
    }
    for (int way = 0; set && way < 2; way++) {
        if (len && set[way].len == len && set[way].hash == h && !memcmp(kept[way], line, len)) {
            *victim = (uint8_t)!way;
            return &set[way];
        }
    }
    *long_id = NULL;
    if (!judge_line(&scratch, line, len, line_no, long_id) || !set) {
        return &scratch;
    }
    int way = *victim;
    *victim = (uint8_t)!way;
    set[way] = scratch;
    set[way].hash = h;
    set[way].len = len;
    memcpy(kept[way], line, len);
    return &set[way];
}

void fuzz_check_output(const strbuf *out, const fuzz_expect *e, bool negotiated)
{
    (void)negotiated;
    size_t pos = 0, line_no = 0, replies = 0;
    while (pos < out->len) {
        const char *line = out->buf + pos;
        /* No output byte is a control character but the CRLF ending each line (checked
         * below), so the first CR ends the line. */
        const char *crlf = memchr(line, '\r', out->len - pos);
        if (!crlf || crlf + 1 == out->buf + out->len || crlf[1] != '\n') {
            fuzz_fail("output does not end in CRLF");
        }
        size_t len = (size_t)(crlf - line);
        if (line_no == 0) {
            check_printable(line, len, line_no);
            static const char prefix[] = "{\"QMP\": {\"version\": {\"qemu\": ";
            if (len < sizeof(prefix) - 1 || memcmp(line, prefix, sizeof(prefix) - 1) != 0) {
                fuzz_fail("first line is not the greeting");
            }
            pos += len + 2;
            line_no++;
            continue;
        }
        char *long_id = NULL;
        const line_verdict *v = line_verdict_of(line, len, line_no, &long_id);
        if (!v->is_event) {
            if (replies >= e->len) {
                fuzz_fail("more replies (%zu) than requests (%zu)", replies + 1, e->len);
            }
            const fuzz_reply *want = &e->items[replies];
            if (want->has_id != v->has_id) {
                fuzz_fail("reply %zu: id %s expected", replies, want->has_id ? "" : "not");
            }
            const char *id = long_id ? long_id : v->id_text;
            if (v->has_id && strcmp(id, want->id_text) != 0) {
                fuzz_fail("reply %zu: id %s, expected %s", replies, id, want->id_text);
            }
            replies++;
        }
        free(long_id);
        pos += len + 2;
        line_no++;
    }
    if (!mon_exit_pending && replies != e->len) {
        fuzz_fail("%zu requests but %zu replies", e->len, replies);
    }
}
