/* libFuzzer target for the trace reader (replay/trace_reader.c) and the JSON form of traces
 * (replay/trace_json.c): arbitrary bytes read as a trace must never crash, overread or
 * over-allocate; events come in sequence with instruction counts that never go back; a
 * status other than TRACE_OK sticks; every header and event line `emu trace dump` would print
 * is strict JSON. Each input is read as it is, then again with every whole chunk's frame
 * check and checksum made right, so that mutations reach the msgpack decoding behind them.
 * Seeds: `build/tests/test_trace --write-samples DIR`.
 * Must never keep state between inputs. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz/support.h"
#include "replay/trace_frame.h"
#include "replay/trace_tool.h"

static void check_json(strbuf *sb, const char *what)
{
    if (!fuzz_strict_json(sb->buf, sb->len)) {
        fuzz_fail("%s is not strict JSON: %s", what, sb->buf);
    }
    sb_clear(sb);
}

static void read_one(const uint8_t *data, size_t size)
{
    trace_reader *r;
    trace_error e;
    trace_status st = trace_reader_open_mem(data, size, TRACE_READ_ANY_EMU, &r, &e);
    if (st != TRACE_OK) {
        if (r || e.status != st || !e.msg[0]) {
            fuzz_fail("open failed (%d) without a reader-less report", st);
        }
        return;
    }
    strbuf sb;
    sb_init(&sb);
    sb_puts(&sb, "");
    trace_header_json(&sb, trace_read_header(r));
    check_json(&sb, "the header");
    trace_event ev;
    uint64_t n = 0, icount = 0;
    while ((st = trace_next_event(r, &ev, &e)) == TRACE_OK) {
        if (ev.seq != n || ev.icount < icount || ev.encoded == 0 || ev.encoded > size) {
            fuzz_fail("event %llu: seq %llu, icount %llu after %llu, %zu bytes",
                      (unsigned long long)n, (unsigned long long)ev.seq,
                      (unsigned long long)ev.icount, (unsigned long long)icount, ev.encoded);
        }
        if (ev.data && (ev.data < data || ev.data + ev.len > data + size)) {
            fuzz_fail("event %llu: its bytes are outside the input", (unsigned long long)n);
        }
        n++;
        icount = ev.icount;
        trace_event_json(&sb, &ev);
        check_json(&sb, "an event line");
    }
    if (e.status != st || !e.msg[0] || e.offset > size) {
        fuzz_fail("ended with %d without a proper report (offset %llu)", st,
                  (unsigned long long)e.offset);
    }
    if (trace_next_event(r, &ev, &e) != st) {
        fuzz_fail("status %d did not stick", st);
    }
    const trace_stats *s = trace_reader_stats(r);
    if (s->events != n || (st == TRACE_END) != s->closed) {
        fuzz_fail("stats disagree: %llu events, closed %d", (unsigned long long)s->events,
                  s->closed);
    }
    sb_free(&sb);
    trace_reader_close(r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    read_one(data, size);
    uint8_t *copy = malloc(size ? size : 1);
    memcpy(copy, data, size);
    size_t pos = TRACE_PREAMBLE_LEN;
    while (size >= TRACE_FRAME_LEN && pos <= size - TRACE_FRAME_LEN) {
        uint8_t *f = copy + pos;
        uint32_t len = (uint32_t)trace_get_le(f, 4);
        if (len > size - pos - TRACE_FRAME_LEN) {
            break;
        }
        trace_frame_encode(f, f[4], f[5], f + TRACE_FRAME_LEN, len);
        pos += TRACE_FRAME_LEN + (size_t)len;
    }
    read_one(copy, size);
    free(copy);
    return 0;
}
