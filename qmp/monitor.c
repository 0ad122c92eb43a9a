/* QMP sessions: greeting, negotiation state, parsing, dispatch, and the ordering rule of the
 * dialect between a command's return and the events its requests raise (spec §3.9).
 * Must never process input once emu is exiting, and never send events before negotiation. */
#include "qmp/monitor.h"

#include <stdlib.h>
#include <string.h>

#include "emu/dialect.h"
#include "emu/record.h"
#include "qmp/commands.h"
#include "qmp/dispatch.h"

monitor_env mon_env;
bool mon_exit_pending;
int mon_exit_status;

#define MAX_MONS 16
static monitor *mons[MAX_MONS];
static int nmons;

static void on_value(void *opaque, json_value *v, const char *error);

/* Requests waiting for the release of held input, in arrival order over all monitors. */
typedef struct held_req {
    monitor *m;
    json_value *v;
    char *error;
    struct held_req *next;
} held_req;
static held_req *held_head, **held_tail = &held_head;
static bool input_held;

static void drop_held(monitor *m)
{
    for (held_req **p = &held_head; *p;) {
        held_req *h = *p;
        if (m && h->m != m) {
            p = &h->next;
            continue;
        }
        *p = h->next;
        json_free(h->v);
        free(h->error);
        free(h);
    }
    held_tail = &held_head;
    while (*held_tail) {
        held_tail = &(*held_tail)->next;
    }
}

monitor *monitor_new(strbuf *out)
{
    if (nmons >= MAX_MONS) {
        return NULL;
    }
    monitor *m = calloc(1, sizeof(*m));
    m->out = out;
    m->parser = json_stream_new(on_value, m);
    m->index = nmons;
    mons[nmons++] = m;
    return m;
}

void monitor_free(monitor *m)
{
    json_stream_free(m->parser);
    free(m);
}

void monitor_free_all(void)
{
    drop_held(NULL);
    input_held = false;
    for (int i = 0; i < nmons; i++) {
        monitor_free(mons[i]);
        mons[i] = NULL;
    }
    nmons = 0;
}

int monitor_count(void)
{
    return nmons;
}

monitor *monitor_at(int i)
{
    return mons[i];
}

void monitor_send(monitor *m, const json_value *v)
{
    if (!m->open) {
        return;
    }
    size_t before = m->out->len;
    json_write(m->out, v);
    sb_put(m->out, "\r\n", 2);
    record_qmp_out(m->index, m->out->buf + before, m->out->len - before);
}

/* The greeting's bytes per dialect, written once: they depend on nothing but the dialect, and
 * a fuzz target opens a session for every input. */
static const strbuf *greeting_line(void)
{
    static strbuf lines[DIALECT__COUNT];
    strbuf *line = &lines[cur_dialect->id];
    if (line->len) {
        return line;
    }
    json_value *caps = json_array();
    if (cur_dialect->offers_oob) {
        json_array_append(caps, json_string("oob"));
    }
    json_value *inner = json_object();
    json_object_set(inner, "version", qmp_version_info());
    json_object_set(inner, "capabilities", caps);
    json_value *greeting = json_object();
    json_object_set(greeting, "QMP", inner);
    json_write(line, greeting);
    sb_put(line, "\r\n", 2);
    json_free(greeting);
    return line;
}

void monitor_opened(monitor *m)
{
    record_qmp_opened(m->index);
    m->open = true;
    m->sess.negotiated = false;
    m->sess.oob_enabled = false;
    m->sess.oob_offered = cur_dialect->offers_oob;
    json_stream_reset(m->parser);
    const strbuf *greeting = greeting_line();
    sb_put(m->out, greeting->buf, greeting->len);
    record_qmp_out(m->index, greeting->buf, greeting->len);
}

void monitor_closed(monitor *m)
{
    record_qmp_closed(m->index);
    drop_held(m); /* QEMU drops a client's queued requests when it goes */
    m->open = false;
    m->sess.negotiated = false;
    m->sess.oob_enabled = false;
    json_stream_reset(m->parser);
}

static void run_requests(void)
{
    int status = 0;
    if (!mon_exit_pending && mon_env.process_requests && mon_env.process_requests(&status)) {
        mon_exit_pending = true;
        mon_exit_status = status;
    }
}

static void send_reply(monitor *m, const qmp_reply *r)
{
    if (!m->open) {
        return;
    }
    size_t before = m->out->len;
    qmp_write_reply(m->out, r);
    sb_put(m->out, "\r\n", 2);
    record_qmp_out(m->index, m->out->buf + before, m->out->len - before);
}

void monitor_send_parse_error(monitor *m, const char *desc)
{
    qmp_reply r = {.err_class = ERROR_CLASS_GENERIC_ERROR, .err_desc = desc};
    send_reply(m, &r);
}

/* A request's reply, or a parse error's (error set); v (the request) lives until its reply,
 * which borrows its id, is sent. */
static void handle(monitor *m, json_value *v, const char *error)
{
    qmp_reply r = {.err_class = ERROR_CLASS_GENERIC_ERROR, .err_desc = error};
    if (!error) {
        qmp_dispatch_reply(&m->sess, v, &r);
    }
    if (cur_dialect->request_events_before_return) {
        run_requests();
    }
    send_reply(m, &r);
    if (!cur_dialect->request_events_before_return) {
        run_requests();
    }
    qmp_reply_free(&r);
    json_free(v);
    if (mon_env.hold_input && mon_env.hold_input()) {
        input_held = true;
    }
}

void (*monitor_parsed_tap)(const monitor *m, const json_value *v, const char *error);

static void on_value(void *opaque, json_value *v, const char *error)
{
    monitor *m = opaque;
    if (monitor_parsed_tap) {
        monitor_parsed_tap(m, v, error);
    }
    if (mon_exit_pending || !m->open) {
        json_free(v);
        return;
    }
    if (input_held || held_head) {
        held_req *h = calloc(1, sizeof(*h));
        if (!h) {
            abort();
        }
        h->m = m;
        h->v = v;
        h->error = error ? strdup(error) : NULL;
        *held_tail = h;
        held_tail = &h->next;
        return;
    }
    handle(m, v, error);
}

bool monitor_input_held(void)
{
    return input_held || held_head;
}

void monitor_release_input(void)
{
    input_held = false;
    while (held_head && !input_held && !mon_exit_pending) {
        held_req *h = held_head;
        held_head = h->next;
        if (!held_head) {
            held_tail = &held_head;
        }
        handle(h->m, h->v, h->error);
        free(h->error);
        free(h);
    }
    if (mon_exit_pending) {
        drop_held(NULL);
    }
}

size_t monitor_input(monitor *m, const char *buf, size_t len)
{
    record_qmp_in(m->index, buf, len);
    if (mon_exit_pending || !m->open) {
        return 0;
    }
    return json_stream_feed(m->parser, buf, len);
}

bool monitor_parser_idle(const monitor *m)
{
    return json_stream_idle(m->parser);
}

void monitor_broadcast_event(const json_value *ev)
{
    for (int i = 0; i < nmons; i++) {
        if (mons[i]->open && mons[i]->sess.negotiated) {
            monitor_send(mons[i], ev);
        }
    }
}
