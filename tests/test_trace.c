/* Tests for the trace format, writer and reader (replay/trace*.c): round trips of every event
 * kind, truncation at every byte, single-byte corruption, version checks, the size figures of
 * issue 4 and byte-identical output (hostile input: tests/test_trace_hostile.c). With
 * `--write-samples DIR` it writes the sample traces tests/check_trace_tools.py runs the tools
 * on, instead of testing. It must never leave files behind outside its temporary directory. */
#include "tests/test_trace.h"

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

/* A quiet single-hart run (spinning: one register changes; with the RAM log, no page written
 * and RAM unchanged) stays within the growth budget of 4 KiB per 10^9 instructions. */
static void quiet_run_growth(const char *path, const trace_header *h, bool ram_log)
{
    trace_error e;
    trace_writer *w = trace_writer_open(path, h, &e);
    off_t start = file_size(path);
    uint64_t one[TRACE_REGS] = {0x80000100};
    uint32_t quiet_sub[TRACE_DIGEST_SUBDIV] = {0}, same[TRACE_DIGEST_SUBDIV];
    for (int k = 0; k < TRACE_DIGEST_SUBDIV; k++) {
        same[k] = 0x89abcdefu;
    }
    for (uint64_t ic = TRACE_DIGEST_INTERVAL; ic <= 1000000000ull; ic += TRACE_DIGEST_INTERVAL) {
        one[15] = ic;
        trace_write_event(w, &(trace_event){.kind = TRACE_EV_DIGEST,
                                            .icount = ic,
                                            .harts = two_harts,
                                            .nharts = 1,
                                            .sub_interval = TRACE_DIGEST_INTERVAL / 16,
                                            .sub = quiet_sub,
                                            .nsub = TRACE_DIGEST_SUBDIV - 1,
                                            .regs = one,
                                            .ram_log = ram_log,
                                            .ram_sum = 0x0123456789abcdefull,
                                            .sub_ram = same});
    }
    off_t grown = file_size(path) - start;
    assert_int_equal(trace_writer_close(w, 1000000000ull, 0, &e), 0);
    print_message("quiet run with sub-checkpoints and registers%s, 1 hart: %lld bytes per 10^9 "
                  "instructions\n",
                  ram_log ? " and the RAM log" : "", (long long)grown);
    assert_true(grown <= 4096);
    unlink(path);
}

/* The digest's appended fields: sub-checkpoint hashes and XOR-coded registers round-trip for
 * one and two harts (registers that change, that stay, that change back), input events carry
 * idle_ns, a quiet single-hart run with them stays within 4 KiB per 10^9 instructions, and no
 * flipped byte of such a trace crashes the reader. */
static void digest_registers_and_idle_time(void **state)
{
    (void)state;
    const char *path = tmp_path("regs.mp");
    trace_header h;
    trace_error e;
    sample_header(&h, TRACE_F_IMAGES_OMITTED, NULL);
    enum {
        NDIG = 40
    };
    static uint64_t regs[NDIG][2 * TRACE_REGS];
    static uint32_t sub[NDIG][TRACE_DIGEST_SUBDIV * 2];
    for (int d = 0; d < NDIG; d++) {
        for (int r = 0; r < 2 * TRACE_REGS; r++) {
            /* pc moves a little, x5 counts, x10 alternates, the rest stay */
            uint64_t v = 0x80000000ull + (uint64_t)r * 8;
            if (r % TRACE_REGS == 0) {
                v += (uint64_t)(d % 3) * 4;
            } else if (r % TRACE_REGS == 5) {
                v = (uint64_t)d * 0x10001;
            } else if (r % TRACE_REGS == 10) {
                v = d & 1 ? ~0ull : 0;
            }
            regs[d][r] = v;
        }
        for (int k = 0; k < TRACE_DIGEST_SUBDIV * 2; k++) {
            sub[d][k] = (uint32_t)XXH3_64bits_withSeed(&d, sizeof d, (uint64_t)k);
        }
    }
    trace_writer *w = trace_writer_open(path, &h, &e);
    assert_non_null(w);
    trace_write_event(w, &(trace_event){.kind = TRACE_EV_QMP_IN,
                                        .icount = 5,
                                        S("{\"execute\":\"stop\"}\n"),
                                        .idle_ns = 1000000000});
    for (int d = 0; d < NDIG; d++) {
        uint32_t nh = d < NDIG / 2 ? 1 : 2; /* the hart count changes once: values restart */
        trace_write_event(w, &(trace_event){.kind = TRACE_EV_DIGEST,
                                            .icount = (uint64_t)(d + 1) * TRACE_DIGEST_INTERVAL,
                                            .harts = two_harts,
                                            .nharts = nh,
                                            .sub_interval = TRACE_DIGEST_INTERVAL / 16,
                                            .sub = sub[d],
                                            .nsub = (uint32_t)(d % 16),
                                            .regs = regs[d]});
    }
    trace_write_event(w, &(trace_event){.kind = TRACE_EV_SIGNAL,
                                        .icount = (NDIG + 1) * TRACE_DIGEST_INTERVAL,
                                        .value = 15,
                                        .idle_ns = 7});
    assert_int_equal(trace_writer_close(w, (NDIG + 1) * TRACE_DIGEST_INTERVAL, 0, &e), 0);

    trace_reader *r;
    assert_int_equal(trace_reader_open(path, 0, &r, &e), TRACE_OK);
    trace_event ev;
    assert_int_equal(trace_next_event(r, &ev, &e), TRACE_OK);
    assert_true(ev.timed);
    assert_int_equal(ev.idle_ns, 1000000000);
    for (int d = 0; d < NDIG; d++) {
        assert_int_equal(trace_next_event(r, &ev, &e), TRACE_OK);
        assert_int_equal(ev.kind, TRACE_EV_DIGEST);
        assert_false(ev.timed);
        assert_non_null(ev.regs);
        assert_int_equal(ev.sub_interval, TRACE_DIGEST_INTERVAL / 16);
        assert_int_equal(ev.nsub, d % 16);
        assert_memory_equal(ev.sub, sub[d], (size_t)ev.nsub * ev.nharts * 4);
        assert_memory_equal(ev.regs, regs[d], (size_t)ev.nharts * TRACE_REGS * 8);
    }
    assert_int_equal(trace_next_event(r, &ev, &e), TRACE_OK);
    assert_int_equal(ev.kind, TRACE_EV_SIGNAL);
    assert_true(ev.timed);
    assert_int_equal(ev.idle_ns, 7);
    trace_reader_close(r);

    /* every flipped byte: a clean status, never a crash (ASan/UBSan builds check the reads) */
    size_t len;
    uint8_t *full = slurp(path, &len);
    for (size_t i = 0; i < len; i++) {
        uint8_t *copy = malloc(len);
        memcpy(copy, full, len);
        copy[i] ^= 0x5a;
        size_t n;
        trace_status st = read_all(copy, len, 0, &n, &e, NULL);
        assert_true(st != TRACE_OK);
        free(copy);
    }
    free(full);

    quiet_run_growth(path, &h, false);
}

/* The digest's RAM log and device fields: pages, device parts and sub-checkpoint values
 * round-trip (an interval whose sub-checkpoints all equal the digest's value is stored without
 * them and read back as that value), `trace dump` shows them, a page list out of order or
 * sub-checkpoint sums of the wrong length make the event corrupt, and a quiet run with them (no
 * page written, RAM unchanged) stays within 4 KiB per 10^9 instructions. */
static void digest_ram_log(void **state)
{
    (void)state;
    const char *path = tmp_path("ramlog.mp");
    trace_header h;
    trace_error e;
    sample_header(&h, TRACE_F_IMAGES_OMITTED, NULL);
    static const uint8_t pages[] = {1, 0, 0, 0, 0x01, 0, 0xaa, 0xaa,
                                    7, 1, 0, 0, 0x02, 0, 0xbb, 0xbb};
    static const uint8_t unsorted[] = {7, 0, 0, 0, 1, 2, 3, 4, 7, 0, 0, 0, 5, 6, 7, 8};
    uint32_t sub_ram[TRACE_DIGEST_SUBDIV], same[TRACE_DIGEST_SUBDIV], sub[TRACE_DIGEST_SUBDIV];
    uint64_t regs[TRACE_REGS] = {0x80000000};
    for (int k = 0; k < TRACE_DIGEST_SUBDIV; k++) {
        sub_ram[k] = 0x1000u + (uint32_t)k;
        same[k] = 0x89abcdefu;
        sub[k] = (uint32_t)k;
    }
    static const uint32_t parts[6] = {1, 2, 3, 4, 5, 6};
    /* with device parts; with them and unchanged sub-checkpoints; RAM log only */
    trace_event d[4] = {
        {.ram_sum = 0x1111,
         .ram_pages = pages,
         .nram_pages = 2,
         .sub_ram = sub_ram,
         .dev_log = true,
         .devices = 0x77,
         .dev_parts = parts,
         .ndev_parts = 6,
         .sub_dev = sub},
        {.ram_sum = 0x0123456789abcdefull,
         .sub_ram = same,
         .dev_log = true,
         .devices = 0x42, /* all sub-checkpoints equal, not to it: one value */
         .dev_parts = parts,
         .ndev_parts = 2,
         .sub_dev = same},
        {.ram_sum = 0x2222, .ram_pages = pages + 8, .nram_pages = 1, .sub_ram = sub_ram},
        {.ram_sum = 0x3333, .ram_pages = unsorted, .nram_pages = 2, .sub_ram = sub_ram},
    };
    for (int broken = 0; broken < 2; broken++) {
        trace_writer *w = trace_writer_open(path, &h, &e);
        assert_non_null(w);
        for (int i = 0; i < 3 + broken; i++) {
            trace_event ev = d[i];
            ev.kind = TRACE_EV_DIGEST;
            ev.icount = (uint64_t)(i + 1) * TRACE_DIGEST_INTERVAL;
            ev.harts = two_harts;
            ev.nharts = 1;
            ev.sub_interval = TRACE_DIGEST_INTERVAL / 16;
            ev.sub = sub;
            ev.nsub = i == 2 ? 5 : TRACE_DIGEST_SUBDIV;
            ev.regs = regs;
            ev.ram_log = true;
            trace_write_event(w, &ev);
        }
        assert_int_equal(trace_writer_close(w, 5 * TRACE_DIGEST_INTERVAL, 0, &e), 0);
        trace_reader *r;
        assert_int_equal(trace_reader_open(path, 0, &r, &e), TRACE_OK);
        trace_event ev;
        for (int i = 0; i < 3; i++) {
            assert_int_equal(trace_next_event(r, &ev, &e), TRACE_OK);
            assert_true(ev.ram_log);
            assert_int_equal(ev.ram_sum, d[i].ram_sum);
            assert_int_equal(ev.nram_pages, d[i].nram_pages);
            assert_memory_equal(ev.ram_pages, d[i].ram_pages, (size_t)ev.nram_pages * 8);
            assert_memory_equal(ev.sub_ram, d[i].sub_ram, (size_t)ev.nsub * 4);
            assert_int_equal(ev.dev_log, d[i].dev_log);
            if (ev.dev_log) {
                assert_int_equal(ev.ndev_parts, d[i].ndev_parts);
                assert_memory_equal(ev.dev_parts, parts, (size_t)ev.ndev_parts * 4);
                assert_memory_equal(ev.sub_dev, d[i].sub_dev, (size_t)ev.nsub * 4);
            }
        }
        uint32_t page, hash;
        trace_ram_page(&ev, 0, &page, &hash);
        assert_int_equal(page, 263);
        assert_int_equal(hash, 0xbbbb0002u);
        if (broken) {
            assert_int_equal(trace_next_event(r, &ev, &e), TRACE_CORRUPT);
        }
        trace_reader_close(r);
    }

    strbuf sb;
    sb_init(&sb);
    trace_event_json(&sb, &(trace_event){.kind = TRACE_EV_DIGEST,
                                         .icount = 64,
                                         .harts = two_harts,
                                         .nharts = 1,
                                         .sub_interval = 4,
                                         .sub = sub,
                                         .nsub = 2,
                                         .regs = regs,
                                         .ram_log = true,
                                         .ram_sum = 0x1111,
                                         .ram_pages = pages,
                                         .nram_pages = 2,
                                         .sub_ram = sub_ram,
                                         .dev_log = true,
                                         .dev_parts = parts,
                                         .ndev_parts = 2,
                                         .sub_dev = sub});
    assert_non_null(strstr(sb.buf, ",\"ram_sum\":\"0000000000001111\",\"ram_pages\":[[1,"
                                   "\"aaaa0001\"],[263,\"bbbb0002\"]],\"sub_ram\":["
                                   "\"00001000\",\"00001001\"],\"dev_parts\":[\"00000001\","
                                   "\"00000002\"],\"sub_dev\":[\"00000000\",\"00000001\"]}"));
    sb_free(&sb);

    quiet_run_growth(path, &h, true);
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
        cmocka_unit_test(size_of_a_quiet_run),
        cmocka_unit_test(size_of_a_qmp_session),
        cmocka_unit_test(same_events_same_bytes),
        cmocka_unit_test(event_json),
        cmocka_unit_test(digest_registers_and_idle_time),
        cmocka_unit_test(digest_ram_log),
    };
    return cmocka_run_group_tests(tests, make_tmpdir, remove_tmpdir);
}
