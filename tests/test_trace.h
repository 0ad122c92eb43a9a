/* Shared helpers of the trace tests (tests/test_trace.c, tests/test_trace_hostile.c): a
 * temporary directory, the sample run every test writes, reading a whole trace. Header-only
 * (each test binary is one .c file); it must never hold a test of its own. */
#ifndef TESTS_TEST_TRACE_H
#define TESTS_TEST_TRACE_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <msgpack.h>
#include <xxhash.h>

#include "emu/strbuf.h"
#include "replay/trace.h"
#include "replay/trace_frame.h"
#include "replay/trace_mp.h"
#include "replay/trace_tool.h"

static char tmpdir[256];

static inline const char *tmp_path(const char *name)
{
    static char path[2][512];
    static int which;
    which ^= 1;
    snprintf(path[which], sizeof path[which], "%s/%s", tmpdir, name);
    return path[which];
}

static inline uint8_t *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    uint8_t *b = malloc((size_t)n + 1);
    assert_int_equal(fread(b, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    *len = (size_t)n;
    return b;
}

/* ---- the sample run ---- */
#define S(x) .data = (const uint8_t *)(x), .len = sizeof(x) - 1
static const uint8_t image[] = "\x13\x05\x00\x00 a guest image \x00\x01\xff";
static const uint64_t two_harts[2] = {0x0123456789abcdefull, 0xfedcba9876543210ull};
static const char *const sample_argv[] = {"emu",       "-M",        "virt",  "-qmp",
                                          "stdio",     "-serial",   "stdio", "-kernel",
                                          "guest.elf", "--dialect", "7.2"};
static const trace_event sample_events[] = {
    {.kind = TRACE_EV_QMP_CONNECT, .icount = 0, .dev = 0},
    {.kind = TRACE_EV_QMP_OUT, .icount = 0, S("{\"QMP\": {\"version\": {}}}\r\n")},
    {.kind = TRACE_EV_QMP_IN, .icount = 0, S("{\"execute\":\"qmp_capabilities\"}\n")},
    {.kind = TRACE_EV_QMP_OUT, .icount = 0, S("{\"return\": {}}\r\n")},
    {.kind = TRACE_EV_HOST_TIME, .icount = 1000, .clock = 0, .value = 1700000000123456789},
    {.kind = TRACE_EV_HOST_TIME, .icount = 1001, .clock = 1, .value = -5},
    {.kind = TRACE_EV_SERIAL_OUT, .icount = 5000, .dev = 0, S("Hello \"world\"\n")},
    {.kind = TRACE_EV_SERIAL_OUT, .icount = 5100, .dev = 0, S("\xff\xfe\x00 bin")},
    {.kind = TRACE_EV_SERIAL_IN, .icount = 6000, .dev = 0, S("x")},
    {.kind = TRACE_EV_DIGEST,
     .icount = 1ull << 26,
     .harts = two_harts,
     .nharts = 2,
     .ram = 0x1111222233334444ull,
     .devices = 0x5555666677778888ull},
    {.kind = TRACE_EV_QMP_IN, .icount = 70000000, .dev = 0, S("{\"execute\":\"query-status\"}\n")},
    {.kind = TRACE_EV_QMP_OUT,
     .icount = 70000000,
     .dev = 0,
     S("{\"return\": {\"status\": \"running\", \"singlestep\": false, \"running\": true}}\r\n")},
    {.kind = TRACE_EV_QMP_OUT_HASH, .icount = 70000001, .dev = 1, .len = 77, .hash = 42},
    {.kind = TRACE_EV_SERIAL_OUT_HASH, .icount = 70000002, .dev = 1, .len = 3, .hash = ~0ull},
    {.kind = TRACE_EV_SIGNAL, .icount = 80000000, .value = 15},
    {.kind = TRACE_EV_QMP_DISCONNECT, .icount = 80000000, .dev = 0},
    {.kind = TRACE_EV_QMP_CONNECT, .icount = 80000001, .dev = 1},
    {.kind = TRACE_EV_DIGEST, .icount = 1ull << 27, .harts = two_harts, .nharts = 1},
};
#define NSAMPLE           (sizeof sample_events / sizeof sample_events[0])
#define SAMPLE_END_ICOUNT ((1ull << 27) + 5)

static inline void sample_header(trace_header *h, uint64_t features, const char *emu)
{
    static const trace_image images[] = {
        {.path = "guest.elf", .data = image, .size = sizeof image}};
    static const trace_kv start[] = {{.key = "machine", .str = "virt"},
                                     {.key = "runstate", .str = "prelaunch"},
                                     {.key = "smp", .num = 2}};
    *h = (trace_header){.features = features,
                        .emu_version = emu,
                        .argv = sample_argv,
                        .argc = sizeof sample_argv / sizeof sample_argv[0],
                        .dialect = "7.2",
                        .epoch_ns = 946684800000000000,
                        .icount_shift = 0,
                        .digest_interval = TRACE_DIGEST_INTERVAL,
                        .images = images,
                        .nimages = 1,
                        .start = start,
                        .nstart = 3};
}

/* Writes the sample run; changed: the index of an event whose bytes are altered (or -1);
 * upto: how many events (then abandoned unless closed). */
static inline void write_sample(const char *path, uint64_t features, const char *emu, int changed,
                                size_t upto, bool closed)
{
    trace_header h;
    trace_error e;
    sample_header(&h, features, emu);
    trace_writer *w = trace_writer_open(path, &h, &e);
    assert_non_null(w);
    for (size_t i = 0; i < upto && i < NSAMPLE; i++) {
        trace_event ev = sample_events[i];
        if ((int)i == changed) {
            ev.data = (const uint8_t *)"{\"return\": {\"status\": \"paused\"}}\r\n";
            ev.len = strlen((const char *)ev.data);
        }
        assert_int_equal(trace_write_event(w, &ev), 0);
    }
    if (closed) {
        assert_int_equal(trace_writer_close(w, SAMPLE_END_ICOUNT, 3, &e), 0);
    } else {
        trace_writer_flush(w);
        trace_writer_abandon(w);
    }
}

static inline void assert_same_event(const trace_event *got, const trace_event *want,
                                     uint64_t features)
{
    uint32_t kind = want->kind;
    bool hashed = features & TRACE_F_OUTPUT_HASHED;
    if (hashed && kind == TRACE_EV_QMP_OUT) {
        kind = TRACE_EV_QMP_OUT_HASH;
    } else if (hashed && kind == TRACE_EV_SERIAL_OUT) {
        kind = TRACE_EV_SERIAL_OUT_HASH;
    }
    assert_int_equal(got->kind, kind);
    assert_int_equal(got->icount, want->icount);
    assert_int_equal(got->dev, want->dev);
    assert_int_equal(got->len, want->len);
    assert_int_equal(got->value, want->value);
    assert_int_equal(got->clock, want->clock);
    if (kind != want->kind) {
        assert_null(got->data);
        assert_int_equal(got->hash, XXH3_64bits(want->data, want->len));
    } else if (want->data) {
        assert_memory_equal(got->data, want->data, want->len);
    } else {
        assert_int_equal(got->hash, want->hash);
    }
    assert_int_equal(got->nharts, want->nharts);
    for (uint32_t i = 0; i < want->nharts; i++) {
        assert_int_equal(got->harts[i], want->harts[i]);
    }
    assert_int_equal(got->ram, want->ram);
    assert_int_equal(got->devices, want->devices);
}

/* Reads everything; returns how it ended, the events as JSON lines in *lines (if given). */
static inline trace_status read_all(const uint8_t *buf, size_t len, unsigned flags, size_t *nevents,
                                    trace_error *e, strbuf *lines)
{
    trace_reader *r;
    *nevents = 0;
    trace_status st = trace_reader_open_mem(buf, len, flags, &r, e);
    if (st != TRACE_OK) {
        assert_null(r);
        assert_int_equal(e->status, st);
        return st;
    }
    trace_event ev;
    while ((st = trace_next_event(r, &ev, e)) == TRACE_OK) {
        (*nevents)++;
        if (lines) {
            trace_event_json(lines, &ev);
            sb_putc(lines, '\n');
        }
    }
    assert_int_equal(e->status, st);
    trace_reader_close(r);
    return st;
}

/* The frame offsets of every chunk of a well-formed trace, and the file end. */
static inline size_t chunk_starts(const uint8_t *buf, size_t len, size_t *starts, size_t max)
{
    size_t n = 0;
    for (size_t off = TRACE_PREAMBLE_LEN; off < len;
         off += TRACE_FRAME_LEN + trace_get_le(buf + off, 4)) {
        assert_true(n < max);
        starts[n++] = off;
    }
    assert_true(n < max);
    starts[n] = len;
    return n;
}

static inline trace_writer *sample_writer(const char *path)
{
    trace_header h;
    trace_error e;
    sample_header(&h, 0, NULL);
    trace_writer *w = trace_writer_open(path, &h, &e);
    assert_non_null(w);
    return w;
}

static inline int make_tmpdir(void **state)
{
    (void)state;
    const char *base = getenv("TMPDIR");
    snprintf(tmpdir, sizeof tmpdir, "%s/emu-trace-XXXXXX", base && *base ? base : "/tmp");
    return mkdtemp(tmpdir) ? 0 : -1;
}

/* Removes the directory and what a failed test left in it. */
static inline int remove_tmpdir(void **state)
{
    (void)state;
    DIR *d = opendir(tmpdir);
    struct dirent *de;
    while (d && (de = readdir(d))) {
        if (de->d_name[0] != '.') {
            unlink(tmp_path(de->d_name));
        }
    }
    if (d) {
        closedir(d);
    }
    return rmdir(tmpdir);
}

#endif
