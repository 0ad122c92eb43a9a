/* QMP monitors: one session per connection (greeting, negotiation, the JSON stream, ordered
 * output), events to every negotiated session. Input arrives only through monitor_opened,
 * monitor_input and monitor_closed: the narrow boundary the recorder sits on.
 * Must never write a byte that did not come from a response, an event or the greeting. */
#ifndef QMP_MONITOR_H
#define QMP_MONITOR_H

#include <stdbool.h>
#include <stddef.h>

#include "qmp/json.h"
#include "qmp/schema.h"

typedef struct monitor {
    strbuf *out; /* where this session's bytes go (owned by the transport) */
    qmp_session sess;
    json_stream *parser;
    bool open;
    int index;
} monitor;

/* What the monitor layer asks of the rest of emu (set by main). */
typedef struct monitor_env {
    /* Runs pending runstate requests; returns true (with status) when emu must exit. */
    bool (*process_requests)(int *status);
    /* After each request: true when the rest of the input must wait for
     * monitor_release_input() (the request started the guest; see main_loop_hold_input). */
    bool (*hold_input)(void);
} monitor_env;
extern monitor_env mon_env;

/* Set once emu must exit: no further input is processed. */
extern bool mon_exit_pending;
extern int mon_exit_status;

/* A monitor writing to out (a transport's buffer, or a test's). */
monitor *monitor_new(strbuf *out);
void monitor_free(monitor *m);
/* A client connected: greeting, fresh negotiation, fresh parser. */
void monitor_opened(monitor *m);
/* Bytes from the client. Returns how many the parser took: none once emu is exiting or the
 * session is closed, otherwise all of them. */
size_t monitor_input(monitor *m, const char *buf, size_t len);
/* True when the session's parser holds nothing: no partial token, no queued tokens. */
bool monitor_parser_idle(const monitor *m);
/* When set, sees every value and every parse error the session's parser produces, in input
 * order, before the monitor decides what to do with it (the fuzz oracle counts requests with
 * it). It must not keep v. */
extern void (*monitor_parsed_tap)(const monitor *m, const json_value *v, const char *error);
/* The client went away: partial input is dropped, the session resets. */
void monitor_closed(monitor *m);
/* Requests parsed while input is held wait, in arrival order, for the release (at the next
 * slice boundary); it processes them until one holds the input again. monitor_input_held():
 * held since the last release, or requests waiting. */
bool monitor_input_held(void);
void monitor_release_input(void);
/* Sends one value as a line (CRLF). */
void monitor_send(monitor *m, const json_value *v);
/* Sends the reply to input that is not a request (a JSON parse error): the bytes
 * monitor_send(qmp_error_response(ERROR_CLASS_GENERIC_ERROR, desc)) would send, written
 * without building that value. */
void monitor_send_parse_error(monitor *m, const char *desc);
/* Event sink for qmp/events.c: every open, negotiated monitor. */
void monitor_broadcast_event(const json_value *ev);
/* Number of monitors, and each (for tests and the chardev layer). */
int monitor_count(void);
monitor *monitor_at(int i);
void monitor_free_all(void);

#endif
