/* `emu trace info|dump|verify|diff` (replay/trace_tool.c) and the JSON form of a trace's
 * header and events (replay/trace_json.c) that dump and diff print. The tools only read
 * traces; they must never modify one, and never crash on one, whatever its bytes.
 *
 * Exit statuses, the same for every tool:
 *   0  ok (verify: every check passed and the trace closed cleanly; diff: identical)
 *   1  diff: the traces differ
 *   2  the trace is truncated or was not closed cleanly
 *   3  a chunk is corrupt
 *   4  not a trace, an unknown format version, or a chunk or event kind unknown to this emu
 *   5  verify: written by another emu version (--any-version accepts it)
 *  64  usage error;  66  the file cannot be opened or read
 * info and dump print everything they can read before the fault, then exit as above.
 *
 * JSON form of an event (one line, keys in this order):
 *   {"seq":N,"icount":N,"kind":"qmp-in","mon":0,"data":"..."}
 *   mon (qmp-*) or port (serial-*); data: the bytes as a JSON string when they are valid
 *   UTF-8 (escaped as JSON requires, non-ASCII as \uXXXX), else "data_b64" with the bytes in
 *   base64 (RFC 4648, padded); *-hash: "len", "xxh3"; host-time: "clock", "ns"; signal:
 *   "signo"; exit: "status"; digest: "harts" (array), "ram", "devices". Hashes are strings of
 *   16 lower-case hex digits (JSON numbers cannot hold 64 bits exactly). */
#ifndef REPLAY_TRACE_TOOL_H
#define REPLAY_TRACE_TOOL_H

#include "emu/strbuf.h"
#include "replay/trace.h"

enum {
    TRACE_EXIT_OK = 0,
    TRACE_EXIT_DIFFER = 1,
    TRACE_EXIT_TRUNCATED = 2,
    TRACE_EXIT_CORRUPT = 3,
    TRACE_EXIT_UNSUPPORTED = 4,
    TRACE_EXIT_OTHER_EMU = 5,
    TRACE_EXIT_USAGE = 64,
    TRACE_EXIT_IO = 66,
};

/* argv[0] is "trace"; returns the exit status. */
int trace_tool_main(int argc, char **argv);

/* The exit status for how reading a trace ended. */
int trace_exit_status(trace_status st);

/* Appends the JSON form of an event / of the header (one line, no newline). */
void trace_event_json(strbuf *out, const trace_event *ev);
void trace_header_json(strbuf *out, const trace_header *h);
/* One header field as JSON ("argv" etc., the keys of trace_format.h); false if unknown. */
bool trace_header_field_json(strbuf *out, const trace_header *h, const char *field);
/* The header's fields, NULL-terminated, in the order they are written. */
extern const char *const trace_header_fields[];

#endif
