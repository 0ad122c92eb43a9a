/* Tests for the trace format, writer and reader (replay/trace*.c): round trips of every event
 * kind, truncation at every byte, single-byte corruption, version checks, hostile msgpack,
 * the size figures of issue 4 and byte-identical output. With `--write-samples DIR` it writes
 * the sample traces tests/check_trace_tools.py runs the tools on, instead of testing.
 * It must never leave files behind outside its temporary directory. */
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

static const char *tmp_path(const char *name)
{
    static char path[2][512];
    static int which;
    which ^= 1;
    snprintf(path[which], sizeof path[which], "%s/%s", tmpdir, name);
    return path[which];
}

static uint8_t *slurp(const char *path, size_t *len)
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

static void sample_header(trace_header *h, uint64_t features, const char *emu)
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
static void write_sample(const char *path, uint64_t features, const char *emu, int changed,
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

static void assert_same_event(const trace_event *got, const trace_event *want, uint64_t features)
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

static void check_round_trip(uint64_t features)
{
    const char *path = tmp_path("rt.mp");
    write_sample(path, features, NULL, -1, NSAMPLE, true);
    trace_reader *r;
    trace_error e;
    assert_int_equal(trace_reader_open(path, 0, &r, &e), TRACE_OK);
    const trace_header *h = trace_read_header(r);
    assert_int_equal(h->format, TRACE_FORMAT_VERSION);
    assert_int_equal(h->features, features);
    assert_string_equal(h->emu_version, trace_emu_version());
    assert_int_equal(h->argc, sizeof sample_argv / sizeof sample_argv[0]);
    for (size_t i = 0; i < h->argc; i++) {
        assert_string_equal(h->argv[i], sample_argv[i]);
    }
    assert_string_equal(h->dialect, "7.2");
    assert_int_equal(h->epoch_ns, 946684800000000000);
    assert_int_equal(h->icount_shift, 0);
    assert_int_equal(h->digest_interval, TRACE_DIGEST_INTERVAL);
    assert_int_equal(h->nimages, 1);
    assert_string_equal(h->images[0].path, "guest.elf");
    assert_int_equal(h->images[0].size, sizeof image);
    assert_int_equal(h->images[0].xxh3, XXH3_64bits(image, sizeof image));
    if (features & TRACE_F_IMAGES_OMITTED) {
        assert_null(h->images[0].data);
    } else {
        assert_memory_equal(h->images[0].data, image, sizeof image);
    }
    assert_int_equal(h->nstart, 3);
    assert_string_equal(h->start[1].key, "runstate");
    assert_string_equal(h->start[1].str, "prelaunch");
    assert_null(h->start[2].str);
    assert_int_equal(h->start[2].num, 2);

    trace_event ev;
    for (size_t i = 0; i < NSAMPLE; i++) {
        assert_int_equal(trace_next_event(r, &ev, &e), TRACE_OK);
        assert_int_equal(ev.seq, i);
        assert_same_event(&ev, &sample_events[i], features);
    }
    assert_int_equal(trace_next_event(r, &ev, &e), TRACE_OK);
    assert_same_event(
        &ev, &(trace_event){.kind = TRACE_EV_EXIT, .icount = SAMPLE_END_ICOUNT, .value = 3},
        features);
    assert_int_equal(trace_next_event(r, &ev, &e), TRACE_END);
    assert_int_equal(trace_next_event(r, &ev, &e), TRACE_END); /* sticky */
    const trace_stats *s = trace_reader_stats(r);
    assert_true(s->closed);
    assert_int_equal(s->exit_status, 3);
    assert_int_equal(s->events, NSAMPLE + 1);
    assert_int_equal(s->end_events, NSAMPLE + 1);
    assert_int_equal(s->end_icount, SAMPLE_END_ICOUNT);
    trace_reader_close(r);
    unlink(path);
}

static void round_trip_every_kind(void **state)
{
    (void)state;
    check_round_trip(0);
}

static void round_trip_hashed_outputs(void **state)
{
    (void)state;
    check_round_trip(TRACE_F_OUTPUT_HASHED);
}

static void round_trip_images_omitted(void **state)
{
    (void)state;
    check_round_trip(TRACE_F_IMAGES_OMITTED);
}

/* Reads everything; returns how it ended, the events as JSON lines in *lines (if given). */
static trace_status read_all(const uint8_t *buf, size_t len, unsigned flags, size_t *nevents,
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
static size_t chunk_starts(const uint8_t *buf, size_t len, size_t *starts, size_t max)
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

/* The closed sample trace's bytes, and where its chunks start (starts[nchunks]: the end). */
static uint8_t *sample_bytes(size_t *len, size_t starts[64], size_t *nchunks)
{
    const char *path = tmp_path("sample.mp");
    write_sample(path, 0, NULL, -1, NSAMPLE, true);
    uint8_t *full = slurp(path, len);
    *nchunks = chunk_starts(full, *len, starts, 63);
    unlink(path);
    return full;
}

static void truncation_at_every_offset(void **state)
{
    (void)state;
    size_t len, starts[64], nchunks;
    uint8_t *full = sample_bytes(&len, starts, &nchunks);
    size_t total;
    trace_error e;
    strbuf all, part;
    sb_init(&all);
    sb_init(&part);
    assert_int_equal(read_all(full, len, 0, &total, &e, &all), TRACE_END);
    assert_int_equal(total, NSAMPLE + 1);
    assert_true(nchunks > 5);
    for (size_t cut = 0; cut < len; cut++) {
        uint8_t *copy = malloc(cut ? cut : 1); /* exactly cut bytes, so ASan sees overreads */
        memcpy(copy, full, cut);
        size_t n;
        sb_clear(&part);
        trace_status st = read_all(copy, cut, 0, &n, &e, &part);
        assert_int_equal(st, TRACE_TRUNCATED);
        /* the last chunk boundary at or before the cut */
        size_t boundary = cut < TRACE_PREAMBLE_LEN ? cut : TRACE_PREAMBLE_LEN;
        for (size_t i = 0; i <= nchunks && starts[i] <= cut; i++) {
            boundary = starts[i];
        }
        assert_int_equal(e.offset, boundary);
        /* every event of every whole chunk, and exactly those */
        assert_true(part.len <= all.len &&
                    memcmp(part.buf ? part.buf : "", all.buf, part.len) == 0);
        if (cut >= starts[1]) {
            size_t m;
            trace_error e2;
            read_all(full, boundary, 0, &m, &e2, NULL);
            assert_int_equal(n, m);
        }
        free(copy);
    }
    /* cut at the last chunk boundary (before the end chunk): all events but none lost */
    size_t n;
    assert_int_equal(read_all(full, starts[nchunks - 1], 0, &n, &e, NULL), TRACE_TRUNCATED);
    assert_int_equal(n, total);
    assert_non_null(strstr(e.msg, "did not close cleanly"));
    sb_free(&all);
    sb_free(&part);
    free(full);
}

static void corruption_of_every_byte(void **state)
{
    (void)state;
    size_t len, starts[64], nchunks;
    uint8_t *full = sample_bytes(&len, starts, &nchunks);
    static const uint8_t flips[] = {0x01, 0x80, 0xff};
    for (size_t i = 0; i < len; i++) {
        for (size_t f = 0; f < sizeof flips; f++) {
            uint8_t *copy = malloc(len);
            memcpy(copy, full, len);
            copy[i] ^= flips[f];
            size_t n;
            trace_error e;
            trace_status st = read_all(copy, len, 0, &n, &e, NULL);
            if (i < TRACE_PREAMBLE_LEN) {
                assert_int_equal(st, TRACE_UNSUPPORTED);
                assert_non_null(
                    strstr(e.msg, i < TRACE_MAGIC_LEN ? "not an emu trace" : "format version"));
            } else {
                size_t chunk = 0;
                while (chunk + 1 <= nchunks && starts[chunk + 1] <= i) {
                    chunk++;
                }
                if (st != TRACE_CORRUPT || e.offset != starts[chunk]) {
                    fail_msg("byte %zu ^ 0x%02x: status %d at %llu (%s); chunk at %zu", i, flips[f],
                             st, (unsigned long long)e.offset, e.msg, starts[chunk]);
                }
                char want[32];
                snprintf(want, sizeof want, "offset %zu", starts[chunk]);
                assert_non_null(strstr(e.msg, want));
            }
            free(copy);
        }
    }
    free(full);
}

static void version_checks(void **state)
{
    (void)state;
    const char *path = tmp_path("version.mp");
    size_t len, n;
    trace_error e;
    write_sample(path, 0, NULL, -1, 3, true);
    uint8_t *buf = slurp(path, &len);
    buf[TRACE_MAGIC_LEN] = 2; /* a newer format */
    assert_int_equal(read_all(buf, len, TRACE_READ_ANY_EMU, &n, &e, NULL), TRACE_UNSUPPORTED);
    assert_string_equal(e.msg, "format version 2 (offset 8): this emu reads format version 1");
    memcpy(buf, "NOTATRACE", 9);
    assert_int_equal(read_all(buf, len, 0, &n, &e, NULL), TRACE_UNSUPPORTED);
    assert_string_equal(e.msg, "not an emu trace (no \"EMUTRACE\" at offset 0)");
    free(buf);

    write_sample(path, 0, "0.0.9", -1, 3, true);
    buf = slurp(path, &len);
    assert_int_equal(read_all(buf, len, 0, &n, &e, NULL), TRACE_OTHER_EMU);
    assert_string_equal(e.msg, "written by emu 0.0.9; this is emu 0.1.0 (same format version 1): "
                               "replay may diverge; --any-version reads it anyway");
    assert_int_equal(read_all(buf, len, TRACE_READ_ANY_EMU, &n, &e, NULL), TRACE_END);
    assert_int_equal(n, 4);
    free(buf);
    unlink(path);
}

/* Inserts a chunk (kind, flags, payload) at offset at. */
static uint8_t *insert_chunk(const uint8_t *buf, size_t len, size_t at, uint8_t kind, uint8_t flags,
                             const void *payload, size_t plen, size_t *outlen)
{
    uint8_t *out = malloc(len + TRACE_FRAME_LEN + plen);
    memcpy(out, buf, at);
    trace_frame_encode(out + at, kind, flags, payload, (uint32_t)plen);
    memcpy(out + at + TRACE_FRAME_LEN, payload, plen);
    memcpy(out + at + TRACE_FRAME_LEN + plen, buf + at, len - at);
    *outlen = len + TRACE_FRAME_LEN + plen;
    return out;
}

static void unknown_chunk_kinds(void **state)
{
    (void)state;
    const char *path = tmp_path("kinds.mp");
    write_sample(path, 0, NULL, -1, NSAMPLE, false); /* not closed: no totals to upset */
    size_t len, starts[64], n, m, n2;
    trace_error e;
    uint8_t *buf = slurp(path, &len);
    size_t nchunks = chunk_starts(buf, len, starts, 63);
    assert_int_equal(read_all(buf, len, 0, &n, &e, NULL), TRACE_TRUNCATED);
    size_t at = starts[nchunks / 2];
    uint8_t *opt = insert_chunk(buf, len, at, 77, TRACE_CHUNK_OPTIONAL, "\x90", 1, &m);
    trace_reader *r;
    assert_int_equal(trace_reader_open_mem(opt, m, 0, &r, &e), TRACE_OK);
    trace_event ev;
    n2 = 0;
    while (trace_next_event(r, &ev, &e) == TRACE_OK) {
        n2++;
    }
    assert_int_equal(e.status, TRACE_TRUNCATED);
    assert_int_equal(n2, n);
    assert_int_equal(trace_reader_stats(r)->skipped_chunks, 1);
    trace_reader_close(r);
    free(opt);

    uint8_t *req = insert_chunk(buf, len, at, 77, 0, "\x90", 1, &m);
    assert_int_equal(read_all(req, m, 0, &n2, &e, NULL), TRACE_UNSUPPORTED);
    assert_int_equal(e.offset, at);
    assert_true(n2 < n);
    char want[128];
    snprintf(want, sizeof want, "chunk at offset %zu has kind 77, unknown to this emu", at);
    assert_non_null(strstr(e.msg, want));
    free(req);
    /* a chunk of the right kind in the wrong place */
    req = insert_chunk(buf, len, at, TRACE_CHUNK_HEADER, 0, "\x80", 1, &m);
    assert_int_equal(read_all(req, m, 0, &n2, &e, NULL), TRACE_CORRUPT);
    assert_non_null(strstr(e.msg, "a second header chunk"));
    free(req);
    free(buf);
    unlink(path);
}

/* Well-framed chunks whose msgpack lies about its sizes must be refused without allocating. */
static void hostile_payloads(void **state)
{
    (void)state;
    static const struct {
        const char *bytes;
        size_t len;
    } bad[] = {
        {"\x92\x00\x00\xdd\xff\xff\xff\xff", 8}, /* array32 of 4G elements */
        {"\x92\x00\x00\xdf\xff\xff\xff\xff", 8}, /* map32 of 4G pairs */
        {"\x92\x00\x00\xc6\xff\xff\xff\xf0", 8}, /* bin32 of 4 GB */
        {"\x92\x00\x00\x93\x03\x00\x00", 7},     /* qmp-in without its bytes */
        {"\x92\x00\x00\x94\x03\x00\x00\xc4\x05"
         "ab",
         11},                                                 /* bin8 longer than the chunk */
        {"\x92\x00\x00\x93\x0c\x00\xc1", 7},                  /* the never-used byte 0xc1 */
        {"\x92\x00\x00\xc0", 4},                              /* an event that is not an array */
        {"\x92\x00\x00\x92\x00\x00", 6},                      /* kind 0 */
        {"\x92\x01\x00\x93\x01\x00\x00", 7},                  /* first_seq 1, not 0 */
        {"\x92\x00\x00", 3},                                  /* no events */
        {"\x92\x00\x00\x95\x0c\x00\xdd\x00\x00\x10\x01", 11}, /* 4097 harts */
    };
    const char *path = tmp_path("hostile.mp");
    write_sample(path, 0, NULL, -1, 0, false);
    size_t len;
    uint8_t *buf = slurp(path, &len);
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        size_t m, n;
        trace_error e;
        uint8_t *t =
            insert_chunk(buf, len, len, TRACE_CHUNK_EVENTS, 0, bad[i].bytes, bad[i].len, &m);
        trace_status st = read_all(t, m, 0, &n, &e, NULL);
        if (st != TRACE_CORRUPT || e.offset != len) {
            fail_msg("payload %zu: status %d at %llu: %s", i, st, (unsigned long long)e.offset,
                     e.msg);
        }
        free(t);
    }
    size_t used;
    assert_false(trace_mp_scan((const uint8_t *)"\xdc\xff\xff", 3, &used));
    assert_true(trace_mp_scan((const uint8_t *)"\x92\xcc\x01\xa1x", 5, &used));
    assert_int_equal(used, 5);
    free(buf);
    unlink(path);
}

/* A trace of just a header chunk (payload built by hand) and its end chunk. */
static uint8_t *hand_made(const msgpack_sbuffer *hdr, size_t *len)
{
    static const uint8_t end[] = "\x84\xa6"
                                 "events"
                                 "\x00\xa6"
                                 "icount"
                                 "\x00\xa6"
                                 "chunks"
                                 "\x01\xab"
                                 "exit_status"
                                 "\x00";
    size_t n = TRACE_PREAMBLE_LEN + 2 * TRACE_FRAME_LEN + hdr->size + sizeof end - 1;
    uint8_t *b = malloc(n), *p = b;
    memcpy(p, TRACE_MAGIC "\x01", TRACE_PREAMBLE_LEN);
    p += TRACE_PREAMBLE_LEN;
    trace_frame_encode(p, TRACE_CHUNK_HEADER, 0, hdr->data, (uint32_t)hdr->size);
    memcpy(p + TRACE_FRAME_LEN, hdr->data, hdr->size);
    p += TRACE_FRAME_LEN + hdr->size;
    trace_frame_encode(p, TRACE_CHUNK_END, 0, end, sizeof end - 1);
    memcpy(p + TRACE_FRAME_LEN, end, sizeof end - 1);
    *len = n;
    return b;
}

static void pack_s(msgpack_packer *pk, const char *s, size_t n)
{
    msgpack_pack_str_with_body(pk, s, n);
}

/* Headers a writer never makes: each must be refused with a reason, or read as documented. */
static void hostile_headers(void **state)
{
    (void)state;
    enum {
        OK_,
        NUL_IN_START_KEY,
        DUP_START_KEY,
        DUP_FIELD,
        NO_DIALECT,
        FEATURE,
        EXTRA_KEY,
        N
    };
    static const struct {
        trace_status st;
        const char *msg;
    } want[N] = {
        {TRACE_END, NULL},
        {TRACE_CORRUPT, "a field has the wrong type"},
        {TRACE_CORRUPT, "a start info key appears twice"},
        {TRACE_CORRUPT, "a field appears twice"},
        {TRACE_CORRUPT, "a required field (format, emu, argv, dialect) is missing"},
        {TRACE_UNSUPPORTED, "feature bits 0x100 are unknown to this emu"},
        {TRACE_END, NULL},
    };
    for (int c = 0; c < N; c++) {
        msgpack_sbuffer sb;
        msgpack_packer pk;
        msgpack_sbuffer_init(&sb);
        msgpack_packer_init(&pk, &sb, msgpack_sbuffer_write);
        msgpack_pack_map(&pk, 5 + (c == DUP_FIELD || c == FEATURE || c == EXTRA_KEY) -
                                  (c == NO_DIALECT));
        pack_s(&pk, "format", 6);
        msgpack_pack_uint8(&pk, 1);
        pack_s(&pk, "emu", 3);
        pack_s(&pk, "0.1.0", 5);
        pack_s(&pk, "argv", 4);
        msgpack_pack_array(&pk, 1);
        pack_s(&pk, "emu", 3);
        if (c != NO_DIALECT) {
            pack_s(&pk, "dialect", 7);
            pack_s(&pk, "3.0", 3);
        }
        pack_s(&pk, "start", 5);
        msgpack_pack_map(&pk, 2);
        pack_s(&pk, c == NUL_IN_START_KEY ? "a\0b" : "a", c == NUL_IN_START_KEY ? 3 : 1);
        pack_s(&pk, "x", 1);
        pack_s(&pk, c == DUP_START_KEY ? "a" : "b", 1);
        msgpack_pack_int8(&pk, -3);
        if (c == DUP_FIELD) {
            pack_s(&pk, "emu", 3);
            pack_s(&pk, "0.1.0", 5);
        } else if (c == FEATURE) {
            pack_s(&pk, "features", 8);
            msgpack_pack_uint16(&pk, 0x100);
        } else if (c == EXTRA_KEY) {
            pack_s(&pk, "from-the-future", 15);
            msgpack_pack_array(&pk, 0);
        }
        size_t len, n;
        uint8_t *t = hand_made(&sb, &len);
        trace_error e;
        trace_status st = read_all(t, len, 0, &n, &e, NULL);
        if (st != want[c].st || (want[c].msg && !strstr(e.msg, want[c].msg))) {
            fail_msg("case %d: status %d: %s", c, st, e.msg);
        }
        if (st == TRACE_END) {
            trace_reader *r;
            assert_int_equal(trace_reader_open_mem(t, len, 0, &r, &e), TRACE_OK);
            const trace_header *h = trace_read_header(r);
            assert_int_equal(h->nstart, 2);
            assert_string_equal(h->start[0].str, "x");
            assert_int_equal(h->start[1].num, -3);
            assert_int_equal(h->icount_shift, -1);
            trace_reader_close(r);
        }
        free(t);
        msgpack_sbuffer_destroy(&sb);
    }
}

static trace_writer *sample_writer(const char *path)
{
    trace_header h;
    trace_error e;
    sample_header(&h, 0, NULL);
    trace_writer *w = trace_writer_open(path, &h, &e);
    assert_non_null(w);
    return w;
}

static void writer_refuses_bad_events(void **state)
{
    (void)state;
    const char *path = tmp_path("refuse.mp");
    trace_header h;
    trace_error e;
    sample_header(&h, 0, NULL);
    trace_writer *w = sample_writer(path);
    assert_int_equal(trace_write_event(w, &(trace_event){.kind = TRACE_EV_SIGNAL, .icount = 10}),
                     0);
    assert_int_equal(trace_write_event(w, &(trace_event){.kind = TRACE_EV_SIGNAL, .icount = 9}),
                     -1);
    assert_string_equal(trace_writer_error(w),
                        "event 1 (signal): instruction count 9 is before the previous 10");
    assert_int_equal(trace_writer_close(w, 10, 0, &e), -1);
    assert_int_equal(e.status, TRACE_IO_ERROR);
    w = sample_writer(path);
    assert_int_equal(trace_write_event(w, &(trace_event){.kind = 99}), -1);
    assert_string_equal(trace_writer_error(w), "event 0: unknown kind 99");
    trace_writer_abandon(w);
    h.features = 0x80;
    assert_null(trace_writer_open(path, &h, &e));
    assert_int_equal(e.status, TRACE_UNSUPPORTED);
    h.features = 0;
    assert_null(trace_writer_open("/nonexistent-dir/x.mp", &h, &e));
    assert_int_equal(e.status, TRACE_IO_ERROR);
    unlink(path);
}

/* A crash loses only what was not flushed: never an input, nor the outputs before it. */
static void crash_keeps_inputs(void **state)
{
    (void)state;
    const char *path = tmp_path("crash.mp");
    trace_error e;
    trace_writer *w = sample_writer(path);
    trace_write_event(w, &(trace_event){.kind = TRACE_EV_QMP_OUT, .icount = 1, S("out1")});
    trace_write_event(w, &(trace_event){.kind = TRACE_EV_QMP_IN, .icount = 2, S("in")});
    trace_write_event(w, &(trace_event){.kind = TRACE_EV_SERIAL_OUT, .icount = 3, S("out2")});
    trace_writer_abandon(w); /* what SIGKILL leaves: out2 was only buffered */
    size_t len, n;
    uint8_t *buf = slurp(path, &len);
    assert_int_equal(read_all(buf, len, 0, &n, &e, NULL), TRACE_TRUNCATED);
    assert_int_equal(n, 2);
    free(buf);
    unlink(path);
}

static off_t file_size(const char *path)
{
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    return st.st_size;
}

/* Issue 4: at most 4 KiB per 10^9 instructions without input. */
static void size_of_a_quiet_run(void **state)
{
    (void)state;
    const char *path = tmp_path("quiet.mp");
    trace_header h;
    trace_error e;
    sample_header(&h, TRACE_F_IMAGES_OMITTED, NULL);
    for (uint32_t harts = 1; harts <= 8; harts *= 8) {
        trace_writer *w = trace_writer_open(path, &h, &e);
        off_t start = file_size(path);
        uint64_t hh[8];
        uint64_t n = 0;
        for (uint64_t ic = TRACE_DIGEST_INTERVAL; ic <= 1000000000ull;
             ic += TRACE_DIGEST_INTERVAL) {
            for (uint32_t i = 0; i < harts; i++) {
                hh[i] = XXH3_64bits_withSeed(&ic, sizeof ic, i);
            }
            trace_write_event(w, &(trace_event){.kind = TRACE_EV_DIGEST,
                                                .icount = ic,
                                                .harts = hh,
                                                .nharts = harts,
                                                .ram = hh[0] ^ 1,
                                                .devices = hh[0] ^ 2});
            n++;
        }
        off_t grown = file_size(path) - start;
        assert_int_equal(trace_writer_close(w, 1000000000ull, 0, &e), 0);
        print_message("quiet run, %u hart(s): %llu digests, %lld bytes per 10^9 instructions "
                      "(%lld with exit and end chunk)\n",
                      harts, (unsigned long long)n, (long long)grown,
                      (long long)(file_size(path) - start));
        assert_true(file_size(path) - start <= 4096);
    }
    unlink(path);
}

/* Issue 4: a recorded QMP session costs at most twice the bytes of its traffic. */
static void size_of_a_qmp_session(void **state)
{
    (void)state;
    static const char *const exchange[][2] = {
        {"{\"execute\":\"qmp_capabilities\"}\n", "{\"return\": {}}\r\n"},
        {"{\"execute\":\"query-status\"}\n", "{\"return\": {\"status\": \"prelaunch\", "
                                             "\"singlestep\": false, \"running\": false}}\r\n"},
        {"{\"execute\":\"query-name\"}\n", "{\"return\": {}}\r\n"},
        {"{\"execute\":\"x-exit-preconfig\"}\n", "{\"return\": {}}\r\n"},
        {"{\"execute\":\"cont\"}\n",
         "{\"timestamp\": {\"seconds\": 946684800, \"microseconds\": 0}, \"event\": \"RESUME\"}"
         "\r\n{\"return\": {}}\r\n"},
        {"{\"execute\":\"stop\",\"id\":7}\n",
         "{\"timestamp\": {\"seconds\": 946684800, \"microseconds\": 1}, \"event\": \"STOP\"}"
         "\r\n{\"return\": {}, \"id\": 7}\r\n"},
        {"{\"execute\":\"query-cpus-fast\"}\n",
         "{\"return\": [{\"thread-id\": 1, \"props\": {\"core-id\": 0, \"socket-id\": 0}, "
         "\"qom-path\": \"/machine/soc0/harts[0]\", \"cpu-index\": 0, \"target\": "
         "\"riscv64\"}]}\r\n"},
        {"{\"execute\":\"nonsense\"}\n", "{\"error\": {\"class\": \"CommandNotFound\", "
                                         "\"desc\": \"The command nonsense has not been "
                                         "found\"}}\r\n"},
    };
    const char *greeting = "{\"QMP\": {\"version\": {\"qemu\": {\"micro\": 0, \"minor\": 2, "
                           "\"major\": 7}, \"package\": \"emu 0.1.0\"}, \"capabilities\": "
                           "[\"oob\"]}}\r\n";
    const char *const argv[] = {"emu",  "-M",    "none",      "-nodefaults", "-display",   "none",
                                "-qmp", "stdio", "--dialect", "7.2",         "--preconfig"};
    const char *path = tmp_path("qmp.mp");
    trace_header h = {.argv = argv,
                      .argc = 11,
                      .dialect = "7.2",
                      .icount_shift = -1,
                      .epoch_ns = 946684800000000000};
    trace_error e;
    for (int rounds = 1; rounds <= 10; rounds *= 10) {
        trace_writer *w = trace_writer_open(path, &h, &e);
        size_t traffic = strlen(greeting);
        trace_write_event(w, &(trace_event){.kind = TRACE_EV_QMP_CONNECT});
        trace_write_event(w, &(trace_event){.kind = TRACE_EV_QMP_OUT,
                                            .data = (const uint8_t *)greeting,
                                            .len = strlen(greeting)});
        for (int k = 0; k < rounds; k++) {
            for (size_t i = 0; i < sizeof exchange / sizeof exchange[0]; i++) {
                for (int j = 0; j < 2; j++) {
                    size_t l = strlen(exchange[i][j]);
                    trace_write_event(w,
                                      &(trace_event){.kind = j ? TRACE_EV_QMP_OUT : TRACE_EV_QMP_IN,
                                                     .data = (const uint8_t *)exchange[i][j],
                                                     .len = l});
                    traffic += l;
                }
            }
        }
        trace_write_event(w,
                          &(trace_event){.kind = TRACE_EV_QMP_IN, S("{\"execute\":\"quit\"}\n")});
        trace_write_event(w, &(trace_event){.kind = TRACE_EV_QMP_OUT, S("{\"return\": {}}\r\n")});
        trace_write_event(w, &(trace_event){.kind = TRACE_EV_QMP_DISCONNECT});
        traffic += strlen("{\"execute\":\"quit\"}\n{\"return\": {}}\r\n");
        assert_int_equal(trace_writer_close(w, 0, 0, &e), 0);
        off_t size = file_size(path);
        print_message("QMP session of %zu requests: %zu bytes of traffic, trace %lld bytes "
                      "(%.2fx)\n",
                      rounds * (sizeof exchange / sizeof exchange[0]) + 1, traffic, (long long)size,
                      (double)size / (double)traffic);
        assert_true((size_t)size <= 2 * traffic);
    }
    unlink(path);
}

static void same_events_same_bytes(void **state)
{
    (void)state;
    char a[512];
    snprintf(a, sizeof a, "%s", tmp_path("a.mp"));
    const char *b = tmp_path("b.mp");
    write_sample(a, 0, NULL, -1, NSAMPLE, true);
    write_sample(b, 0, NULL, -1, NSAMPLE, true);
    size_t la, lb;
    uint8_t *x = slurp(a, &la), *y = slurp(b, &lb);
    assert_int_equal(la, lb);
    assert_memory_equal(x, y, la);
    free(x);
    free(y);
    unlink(a);
    unlink(b);
}

static void event_json(void **state)
{
    (void)state;
    strbuf sb;
    sb_init(&sb);
    trace_event_json(
        &sb, &(trace_event){.seq = 4, .icount = 9, .kind = TRACE_EV_SERIAL_OUT, S("\xff\x00")});
    assert_string_equal(sb.buf, "{\"seq\":4,\"icount\":9,\"kind\":\"serial-out\",\"port\":0,"
                                "\"data_b64\":\"/wA=\"}");
    sb_clear(&sb);
    trace_event_json(&sb, &(trace_event){.kind = TRACE_EV_QMP_IN, .dev = 2, S("\"\xc3\xa9\n")});
    assert_string_equal(sb.buf, "{\"seq\":0,\"icount\":0,\"kind\":\"qmp-in\",\"mon\":2,"
                                "\"data\":\"\\\"\\u00E9\\n\"}");
    sb_free(&sb);
}

/* ---- samples for tests/check_trace_tools.py ---- */
static int write_samples(const char *dir)
{
    snprintf(tmpdir, sizeof tmpdir, "%s", dir);
    write_sample(tmp_path("clean.mp"), 0, NULL, -1, NSAMPLE, true);
    write_sample(tmp_path("clean-copy.mp"), 0, NULL, -1, NSAMPLE, true);
    write_sample(tmp_path("differ.mp"), 0, NULL, 11, NSAMPLE, true);
    write_sample(tmp_path("hashed.mp"), TRACE_F_OUTPUT_HASHED, NULL, -1, NSAMPLE, true);
    write_sample(tmp_path("noimages.mp"), TRACE_F_IMAGES_OMITTED, NULL, -1, NSAMPLE, true);
    write_sample(tmp_path("other-emu.mp"), 0, "0.0.9", -1, NSAMPLE, true);
    write_sample(tmp_path("unclosed.mp"), 0, NULL, -1, 10, false);
    trace_header h;
    trace_error e;
    sample_header(&h, 0, NULL);
    h.argc--;
    trace_writer *w = trace_writer_open(tmp_path("argv.mp"), &h, &e);
    for (size_t i = 0; i < NSAMPLE; i++) {
        trace_write_event(w, &sample_events[i]);
    }
    return trace_writer_close(w, SAMPLE_END_ICOUNT, 3, &e) == 0 ? 0 : 1;
}

static int make_tmpdir(void **state)
{
    (void)state;
    const char *base = getenv("TMPDIR");
    snprintf(tmpdir, sizeof tmpdir, "%s/emu-trace-XXXXXX", base && *base ? base : "/tmp");
    return mkdtemp(tmpdir) ? 0 : -1;
}

/* Removes the directory and what a failed test left in it. */
static int remove_tmpdir(void **state)
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

int main(int argc, char **argv)
{
    if (argc == 3 && strcmp(argv[1], "--write-samples") == 0) {
        return write_samples(argv[2]);
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(round_trip_every_kind),
        cmocka_unit_test(round_trip_hashed_outputs),
        cmocka_unit_test(round_trip_images_omitted),
        cmocka_unit_test(truncation_at_every_offset),
        cmocka_unit_test(corruption_of_every_byte),
        cmocka_unit_test(version_checks),
        cmocka_unit_test(unknown_chunk_kinds),
        cmocka_unit_test(hostile_payloads),
        cmocka_unit_test(hostile_headers),
        cmocka_unit_test(writer_refuses_bad_events),
        cmocka_unit_test(crash_keeps_inputs),
        cmocka_unit_test(size_of_a_quiet_run),
        cmocka_unit_test(size_of_a_qmp_session),
        cmocka_unit_test(same_events_same_bytes),
        cmocka_unit_test(event_json),
    };
    return cmocka_run_group_tests(tests, make_tmpdir, remove_tmpdir);
}
