/* libFuzzer target: a fuzzer-chosen QMP session is recorded through emu's real record path
 * (record_arm, the monitor's hooks, record_exit) into a trace, then replayed through the real
 * replay path (replay_open, the main loop with replay_boundary, replay_exit), in process.
 * Input: byte 0 is the mode (bit 0: dialect 7.2, else 3.0; bit 1: -S; bit 2: no --preconfig;
 * bits 3-5: the client's read size, 1 << n bytes; bit 6: one read per line instead); the rest
 * is what the client sends, delivered at the main loop's input boundary (where it would poll)
 * one read at a time (a NUL byte: the client disconnects and connects again), then a SIGTERM
 * ends the run as the signal path would.
 * Oracles: the replay ends `identical` (a divergence or a reader error exits the process, which
 * libFuzzer reports with the replayer's message); the trace's qmp-out bytes are exactly the
 * bytes the monitor wrote live; the trace ends cleanly with the run's status.
 * The trace lives in one memfd per process (no file on disk); everything is reset between
 * inputs (record_reset, replay_reset, monitor_free_all, cli_parse, machine_reset_state). Must
 * never fork and never keep state from one input to the next. */
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "emu/cli.h"
#include "emu/machine.h"
#include "emu/main_loop.h"
#include "emu/record.h"
#include "emu/runstate.h"
#include "emu/strbuf.h"
#include "emu/vclock.h"
#include "fuzz/support.h"
#include "qmp/events.h"
#include "qmp/monitor.h"
#include "replay/trace.h"

#define EPOCH_NS (946684800LL * 1000000000LL) /* emu's default -rtc base (main.c) */

static char trace_path[64];

/* FUZZ_ROUNDTRIP_SELFTEST (tests/check_fuzz.py only) breaks the round trip on purpose to show
 * that each oracle fires: 1 changes a byte of the live output before the trace is checked
 * against it; 2 replays the trace in the other dialect, so the replay must diverge. */
static int selftest;

/* The client's script: its bytes, cut into reads. */
static struct {
    const uint8_t *p;
    size_t len, pos;
    size_t chunk;  /* read size, or 0: one read per line */
    bool signaled; /* the closing SIGTERM was delivered */
} script;

static bool deliver_next(void)
{
    if (script.pos < script.len && script.p[script.pos] == 0) {
        /* A NUL byte: the client disconnects and connects again (a socket monitor). */
        script.pos++;
        monitor_closed(monitor_at(0));
        monitor_opened(monitor_at(0));
        return true;
    }
    if (script.pos < script.len) {
        const uint8_t *at = script.p + script.pos;
        size_t n = script.len - script.pos;
        const uint8_t *nul = memchr(at, 0, n);
        n = nul ? (size_t)(nul - at) : n;
        if (script.chunk && n > script.chunk) {
            n = script.chunk;
        } else if (!script.chunk) {
            const uint8_t *nl = memchr(at, '\n', n);
            n = nl ? (size_t)(nl - at) + 1 : n;
        }
        monitor_input(monitor_at(0), (const char *)at, n);
        script.pos += n;
        return true;
    }
    if (!script.signaled) {
        script.signaled = true;
        record_signal(SIGTERM);
        request_signal_shutdown(SIGTERM);
        return true;
    }
    /* emu is still running after the signal: the loop must not spin on an empty script. */
    fuzz_fail("emu did not exit after SIGTERM");
}

/* emu's run() (main.c) for the options this target uses (-M none, no kernel, no -rtc, no
 * daemon, no gdb): the same calls in the same order, with the monitor's transport replaced by
 * an output buffer (record) or the replayer's capture buffers (replay). */
static int run_session(int argc, char **argv, strbuf *live_out)
{
    vclock_set_epoch_ns(EPOCH_NS);
    if (cli_parse(argc, argv) >= 0 || !machine_check_config()) {
        fuzz_fail("command line rejected");
    }
    vclock_init(machine_cfg.icount_shift);
    event_sink = monitor_broadcast_event;
    mon_env.process_requests = runstate_process_requests;
    mon_env.hold_input = main_loop_hold_input;
    mon_exit_pending = false;
    mon_exit_status = 0;
    machine_connect_runstate();
    main_loop_init();
    if (rr_mode == RR_REPLAY) {
        if (!replay_open_monitors()) {
            fuzz_fail("replay could not open the monitors");
        }
    } else {
        monitor_new(live_out);
    }
    if (!record_start("ok")) {
        fuzz_fail("recording could not start");
    }
    if (rr_mode == RR_REPLAY) {
        replay_start();
    }
    if (!emu_opts.preconfig && !machine_start_without_preconfig()) {
        fuzz_fail("-M none did not start");
    }
    if (rr_mode == RR_REPLAY) {
        replay_start();
    } else {
        monitor_opened(monitor_at(0));
    }
    return main_loop_run();
}

/* Every qmp-out byte of the trace, in order, must be what the monitor wrote live; the trace
 * must end cleanly with the status the run exited with. */
static void check_trace(const strbuf *live, int status)
{
    trace_reader *r;
    trace_error e;
    if (trace_reader_open(trace_path, 0, &r, &e) != TRACE_OK) {
        fuzz_fail("the recorded trace does not open: %s", e.msg);
    }
    trace_event ev;
    trace_status st;
    size_t off = 0;
    while ((st = trace_next_event(r, &ev, &e)) == TRACE_OK) {
        if (ev.kind != TRACE_EV_QMP_OUT) {
            continue;
        }
        if (ev.len > live->len - off || memcmp(ev.data, live->buf + off, ev.len) != 0) {
            fuzz_fail("qmp-out event at output byte %zu is not what the monitor wrote", off);
        }
        off += ev.len;
    }
    if (st != TRACE_END) {
        fuzz_fail("the recorded trace does not end cleanly: %s", e.msg);
    }
    if (off != live->len) {
        fuzz_fail("the trace has %zu output bytes; the monitor wrote %zu", off, live->len);
    }
    if (trace_reader_stats(r)->exit_status != status) {
        fuzz_fail("the trace's exit status %lld is not the run's %d",
                  (long long)trace_reader_stats(r)->exit_status, status);
    }
    trace_reader_close(r);
}

static void reset_all(void)
{
    monitor_free_all();
    machine_reset_state();
    record_reset();
    replay_reset();
    main_loop_script = NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1) {
        return 0;
    }
    if (!trace_path[0]) {
        int fd = memfd_create("emu-fuzz-trace", 0);
        if (fd < 0) {
            fuzz_fail("memfd_create failed");
        }
        snprintf(trace_path, sizeof(trace_path), "/proc/self/fd/%d", fd);
        replay_quiet = true;
        const char *t = getenv("FUZZ_ROUNDTRIP_SELFTEST");
        selftest = t ? atoi(t) : 0;
    }
    uint8_t mode = data[0];
    char *argv[16];
    int argc = 0;
    argv[argc++] = "emu";
    argv[argc++] = "-M";
    argv[argc++] = "none";
    argv[argc++] = "-nodefaults";
    argv[argc++] = "--dialect";
    argv[argc++] = (mode & 1) ? "7.2" : "3.0";
    if (mode & 2) {
        argv[argc++] = "-S";
    }
    if (!(mode & 4)) {
        argv[argc++] = "--preconfig";
    }
    argv[argc++] = "-qmp"; /* never opened: the script is the client */
    argv[argc++] = "unix:emu-fuzz-roundtrip.sock,server=on,wait=off";
    argv[argc] = NULL;

    /* Record. */
    static strbuf live;
    sb_clear(&live);
    record_arm(trace_path, argc, argv);
    script.p = data + 1;
    script.len = size - 1;
    script.pos = 0;
    script.chunk = (mode & 0x40) ? 0 : (size_t)1 << ((mode >> 3) & 7);
    script.signaled = false;
    main_loop_script = deliver_next;
    int status = record_exit(run_session(argc, argv, &live));
    reset_all();
    if (selftest == 1 && live.len) {
        live.buf[live.len / 2] ^= 1;
    }
    check_trace(&live, status);

    /* Replay: exits (3, 4 or 5, with its report) on any divergence or trace error. */
    int rargc;
    char **rargv;
    if (replay_open(trace_path, &rargc, &rargv) >= 0) {
        fuzz_fail("the recorded trace does not open for replay");
    }
    for (int i = 0; selftest == 2 && i + 1 < rargc; i++) {
        if (!strcmp(rargv[i], "--dialect")) {
            char *other = strdup(strcmp(rargv[i + 1], "7.2") ? "7.2" : "3.0");
            free(rargv[i + 1]);
            rargv[i + 1] = other;
        }
    }
    int replayed = record_exit(run_session(rargc, rargv, NULL));
    if (replayed != 0) {
        fuzz_fail("replay ended with %d, not identical", replayed);
    }
    reset_all();
    return 0;
}
