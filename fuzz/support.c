/* Fuzz-target support: the in-process monitor, the count of expected replies and the output oracle.
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

/* The replies the input must draw: one per value or parse error the session's parser
 * produced, in input order, seen through monitor_parsed_tap. Kept for the whole campaign
 * (ids as text in one buffer) so that counting costs no allocation per input. */
typedef struct expected_reply {
    bool has_id;
    size_t id_off, id_len; /* into expected_ids: the id as emu writes it */
} expected_reply;

/* One monitor for the whole campaign: reopening it resets the session and its parser, as a
 * new client connection does, without reallocating anything. */
static monitor *fuzz_mon;
static strbuf *fuzz_out;

/* FUZZ_QMP_SELFTEST (tests/check_fuzz.py only) breaks the session on purpose to show that
 * each check of the reply count fires: 1 loses the last output line; 2 leaves a byte in the
 * parser before the session starts; 3 resets the parser at its first value, so it drops the
 * rest of the input. */
static int selftest = -1;

static expected_reply *expected;
static size_t expected_len, expected_cap;
static strbuf expected_ids;

static void expect_reply(const monitor *m, const json_value *v, const char *error)
{
    (void)m;
    if (expected_len == expected_cap) {
        expected_cap = expected_cap ? 2 * expected_cap : 64;
        expected = realloc(expected, expected_cap * sizeof(*expected));
        if (!expected) {
            fuzz_fail("out of memory");
        }
    }
    expected_reply *r = &expected[expected_len++];
    if (selftest == 3 && expected_len == 1) {
        json_stream_reset(fuzz_mon->parser);
    }
    r->has_id = false;
    r->id_off = r->id_len = 0;
    const json_value *id = !error && v->kind == JSON_OBJECT ? json_object_get(v, "id") : NULL;
    if (!id) {
        return;
    }
    /* Compare as the reply will read back: written, parsed, written again. */
    r->has_id = true;
    r->id_off = expected_ids.len;
    json_write(&expected_ids, id);
    if (may_change_on_reread(id)) {
        json_value *back =
            json_parse(expected_ids.buf + r->id_off, expected_ids.len - r->id_off, NULL);
        if (back) {
            expected_ids.len = r->id_off;
            json_write(&expected_ids, back);
            json_free(back);
        }
    }
    r->id_len = expected_ids.len - r->id_off;
}

static bool leave_preconfig(void)
{
    return machine_create_and_start();
}

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
    if (selftest < 0) {
        const char *t = getenv("FUZZ_QMP_SELFTEST");
        selftest = t ? atoi(t) : 0;
    }
    sb_clear(fuzz_out);
    monitor_opened(fuzz_mon);
    fuzz_mon->sess.negotiated = negotiated;
    if (selftest == 2) {
        json_stream_feed(fuzz_mon->parser, "[", 1);
    }
    /* A parser that kept anything from the last input would split this one differently
     * from a fresh connection, and the counts below would not show it. */
    if (!monitor_parser_idle(fuzz_mon)) {
        fuzz_fail("the session's parser is not fresh at the start of a session");
    }
    expected_len = 0;
    sb_clear(&expected_ids);
    monitor_parsed_tap = expect_reply;
}

void fuzz_monitor_input(const uint8_t *in, size_t len)
{
    size_t taken = monitor_input(fuzz_mon, (const char *)in, len);
    if (taken != len) {
        fuzz_fail("the session's parser took %zu of %zu input bytes", taken, len);
    }
}

strbuf *fuzz_monitor_output(void)
{
    return fuzz_out;
}

void fuzz_monitor_teardown(void)
{
    monitor_parsed_tap = NULL;
    monitor_closed(fuzz_mon);
    machine_reset_state();
}

/* The verdict on one output line, remembered by the line's length and 128-bit XXH3 hash. Both
 * parsers are pure functions of the line, so a line seen before (most lines are: parse
 * errors, the greeting, query results) gets the verdict it got then without being parsed
 * again; a line that fails aborts the first time it is seen, so a crash input reproduces on
 * its own. Only lines that passed are kept. Two different lines of one length share a 128-bit
 * hash by chance with odds near 2^-128, far below any other way this oracle can be wrong;
 * keeping every line's bytes to compare them cost a tenth of an execution. The table is
 * static: an allocation kept from one input to the next would make libFuzzer suspect a leak
 * and run the input again under LeakSanitizer. */
typedef struct line_verdict {
    XXH128_hash_t hash;
    size_t len; /* 0: empty slot (an output line is never empty) */
    bool is_event;
    bool has_id;
    char id_text[96]; /* a reply's id as emu's writer writes it */
} line_verdict;

/* Two-way set-associative (a miss replaces the way not used last): a campaign meets thousands
 * of distinct lines (a stray-byte error per byte value and context), and in a direct-mapped
 * table the ones that collided were judged again at every meeting. */
#define VERDICT_SETS 8192

static line_verdict verdicts[VERDICT_SETS][2];
static uint8_t verdict_victim[VERDICT_SETS];

/* memcmp() == 0 without libc: under the fuzzer, memcmp and strcmp reach libFuzzer's hooks,
 * which would fill its table of interesting values with the oracle's own output lines (and
 * ASan's interceptor checks both ranges first, which costs more than comparing a line). */
static bool same_bytes(const char *a, const char *b, size_t n)
{
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t x, y;
        memcpy(&x, a + i, 8);
        memcpy(&y, b + i, 8);
        if (x != y) {
            return false;
        }
    }
    for (; i < n; i++) {
        if (a[i] != b[i]) {
            return false;
        }
    }
    return true;
}

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

/* The verdict on line[0..len): from the table, or judged now (and kept when the id fits).
 * *long_id is set (the caller frees it) when the id did not fit in the verdict. */
static const line_verdict *line_verdict_of(const char *line, size_t len, size_t line_no,
                                           char **long_id)
{
    static line_verdict scratch;
    XXH128_hash_t h = XXH3_128bits(line, len);
    size_t set_no = (size_t)(h.low64 % VERDICT_SETS);
    line_verdict *set = verdicts[set_no];
    for (int way = 0; way < 2; way++) {
        if (set[way].len == len && XXH128_isEqual(set[way].hash, h)) {
            verdict_victim[set_no] = (uint8_t)!way;
            return &set[way];
        }
    }
    *long_id = NULL;
    if (!judge_line(&scratch, line, len, line_no, long_id)) {
        return &scratch;
    }
    int way = verdict_victim[set_no];
    verdict_victim[set_no] = (uint8_t)!way;
    set[way] = scratch;
    set[way].hash = h;
    set[way].len = len;
    return &set[way];
}

void fuzz_check_output(const strbuf *out_bytes)
{
    strbuf lost; /* self-test 1: the output without its last line */
    const strbuf *out = out_bytes;
    if (selftest == 1 && out_bytes->len > 2) {
        lost = *out_bytes;
        while (lost.len > 2 && lost.buf[lost.len - 3] != '\n') {
            lost.len--;
        }
        lost.len -= 2;
        out = &lost;
    }
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
            if (len < sizeof(prefix) - 1 || !same_bytes(line, prefix, sizeof(prefix) - 1)) {
                fuzz_fail("first line is not the greeting");
            }
            pos += len + 2;
            line_no++;
            continue;
        }
        char *long_id = NULL;
        const line_verdict *v = line_verdict_of(line, len, line_no, &long_id);
        if (!v->is_event) {
            if (replies >= expected_len) {
                fuzz_fail("more replies (%zu) than requests (%zu)", replies + 1, expected_len);
            }
            const expected_reply *want = &expected[replies];
            if (want->has_id != v->has_id) {
                fuzz_fail("reply %zu: id %s expected", replies, want->has_id ? "" : "not");
            }
            if (v->has_id) {
                const char *id = long_id ? long_id : v->id_text;
                const char *want_id = expected_ids.buf + want->id_off;
                if (strlen(id) != want->id_len || !same_bytes(id, want_id, want->id_len)) {
                    fuzz_fail("reply %zu: id %s, expected %.*s", replies, id, (int)want->id_len,
                              want_id);
                }
            }
            replies++;
        }
        free(long_id);
        pos += len + 2;
        line_no++;
    }
    if (!mon_exit_pending && replies != expected_len) {
        fuzz_fail("%zu requests but %zu replies", expected_len, replies);
    }
}
