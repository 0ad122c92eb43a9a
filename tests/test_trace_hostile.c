/* Tests of the trace reader and writer against input no writer makes (replay/trace*.c):
 * unknown chunk kinds, well-framed chunks whose msgpack lies about its sizes, hostile headers,
 * events a writer must refuse, and what a crash leaves. It must never leave files behind
 * outside its temporary directory. */
#include "tests/test_trace.h"

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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(unknown_chunk_kinds), cmocka_unit_test(hostile_payloads),
        cmocka_unit_test(hostile_headers),     cmocka_unit_test(writer_refuses_bad_events),
        cmocka_unit_test(crash_keeps_inputs),
    };
    return cmocka_run_group_tests(tests, make_tmpdir, remove_tmpdir);
}
