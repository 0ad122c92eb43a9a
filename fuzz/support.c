/* Fuzz-target support: the in-process monitor, the expected-reply pass and the output oracle.
 * Must never be linked into emu. */
#include "fuzz/support.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

void fuzz_expect_collect(fuzz_expect *e, const uint8_t *in, size_t len)
{
    memset(e, 0, sizeof(*e));
    json_stream *s = json_stream_new(collect_one, e);
    json_stream_feed(s, (const char *)in, len);
    json_stream_free(s);
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
        char *err = NULL;
        json_value *v = json_parse(line, len, &err);
        if (!v) {
            fuzz_fail("output line %zu is not one JSON value for emu's parser: %s", line_no, err);
        }
        if (!fuzz_strict_json(line, len)) {
            fuzz_fail("output line %zu is not strict JSON: %.*s", line_no, (int)len, line);
        }
        if (v->kind != JSON_OBJECT) {
            fuzz_fail("output line %zu is not an object", line_no);
        }
        if (json_object_get(v, "event")) {
            /* events carry no id */
            if (json_object_get(v, "id")) {
                fuzz_fail("event with an id");
            }
        } else {
            if (!json_object_get(v, "return") == !json_object_get(v, "error")) {
                fuzz_fail("reply %zu has neither or both of return/error", replies);
            }
            if (replies >= e->len) {
                fuzz_fail("more replies (%zu) than requests (%zu)", replies + 1, e->len);
            }
            const fuzz_reply *want = &e->items[replies];
            const json_value *id = json_object_get(v, "id");
            if (want->has_id != (id != NULL)) {
                fuzz_fail("reply %zu: id %s expected", replies, want->has_id ? "" : "not");
            }
            if (id) {
                char *got = json_to_string(id);
                if (strcmp(got, want->id_text) != 0) {
                    fuzz_fail("reply %zu: id %s, expected %s", replies, got, want->id_text);
                }
                free(got);
            }
            replies++;
        }
        json_free(v);
        pos += len + 2;
        line_no++;
    }
    if (!mon_exit_pending && replies != e->len) {
        fuzz_fail("%zu requests but %zu replies", e->len, replies);
    }
}
