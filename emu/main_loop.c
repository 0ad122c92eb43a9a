/* The main loop (single thread): run the harts for a slice ending at the next timer deadline,
 * act on what the guest asked for, run expired timers, act on requests, release input held
 * since a request started the guest, feed serial input, then poll monitors, the serial port and
 * signals (without blocking while the guest runs; blocking when it does not, or when every hart
 * waits for an interrupt that no deadline will bring). Must never read host time, and never
 * take an input anywhere but between slices. */
#include "emu/main_loop.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include "emu/cli.h"
#include "emu/gdbstub.h"
#include "emu/machine.h"
#include "emu/record.h"
#include "emu/runstate.h"
#include "emu/serial.h"
#include "emu/vclock.h"
#include "qmp/chardev.h"
#include "qmp/monitor.h"

static int sig_fd = -1;

/* What the hold rule compares against (see note_guest_state). */
static bool seen_running;
static uint64_t seen_resets;

bool (*main_loop_script)(void);

void main_loop_init(void)
{
    seen_running = false;
    seen_resets = 0;
    if (sig_fd >= 0) {
        return; /* a second run in the same process (the fuzz targets) */
    }
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGHUP);
    sigprocmask(SIG_BLOCK, &set, NULL);
    sig_fd = signalfd(-1, &set, SFD_CLOEXEC | SFD_NONBLOCK);
}

static bool check_exit(int *status)
{
    if (!mon_exit_pending && requests_pending()) {
        int st = 0;
        if (runstate_process_requests(&st)) {
            mon_exit_pending = true;
            mon_exit_status = st;
        }
    }
    *status = mon_exit_status;
    return mon_exit_pending;
}

/* Runs the guest for one slice; returns true if time moved (the loop must not block). */
static bool run_slice(void)
{
    const machine_class *mc = machine_cfg.mc;
    if (!machine_guest_runs() || gdbstub_halted()) {
        return false;
    }
    uint64_t budget = vclock_insns_to_deadline();
    if (budget > gdbstub_budget_cap()) {
        budget = gdbstub_budget_cap();
    }
    if (budget > MAIN_LOOP_SLICE) {
        budget = MAIN_LOOP_SLICE;
    }
    uint64_t cap = record_budget_cap();
    if (budget > cap) {
        budget = cap;
    }
    uint64_t n = budget ? record_run(mc, budget) : 0;
    vclock_add_insns(n);
    gdbstub_after_slice(n);
    record_slice_end();
    serial_write_out();
    if (mc->after_slice) {
        mc->after_slice();
    }
    if (n || !budget || gdbstub_halted()) {
        return true;
    }
    /* Every hart waits for an interrupt: time jumps to the next deadline, the board's or the
     * loop's own, on both clocks. No deadline at all: nothing can happen until an input. */
    uint64_t d = vclock_next_deadline();
    uint64_t bd = mc->next_deadline_ns ? mc->next_deadline_ns() : VCLOCK_NO_DEADLINE;
    if (bd < d) {
        d = bd;
    }
    if (d == VCLOCK_NO_DEADLINE || !machine_guest_runs()) {
        return false;
    }
    vclock_jump_to(d);
    if (mc->jump_to_ns) {
        mc->jump_to_ns(d);
    }
    return true;
}

/* The hold rule compares against whether the guest ran, and the reset count, as of the last
 * slice boundary or request. */
static void note_guest_state(void)
{
    seen_running = machine_guest_runs();
    seen_resets = machine_reset_count();
}

bool main_loop_hold_input(void)
{
    bool started = machine_guest_runs() && (!seen_running || machine_reset_count() != seen_resets);
    note_guest_state();
    return started;
}

void main_loop_exit(int status)
{
    mon_exit_pending = true;
    mon_exit_status = status;
}

int main_loop_run(void)
{
    int status = 0;
    enum {
        SERIAL_FDS = 2
    };
    for (;;) {
        if (check_exit(&status)) {
            break;
        }
        if (gdbstub_halted()) {
            gdbstub_wait(); /* gdb holds the guest: nothing else moves */
            continue;
        }
        const machine_class *mc = machine_cfg.mc;
        if (machine_phase_ready() && mc && mc->feed_input) {
            mc->feed_input();
        }
        bool busy = run_slice();
        vclock_run_expired();
        if (check_exit(&status)) {
            break;
        }
        /* A slice boundary: input held since a request started the guest goes in now. */
        note_guest_state();
        monitor_release_input();
        if (check_exit(&status)) {
            break;
        }
        busy = busy || monitor_input_held(); /* the guest was (re)started: run it first */
        if (rr_mode == RR_REPLAY) {
            if (gdbstub_port) {
                struct pollfd g[2];
                int gn = gdbstub_pollfds(g, 2);
                if (gn && poll(g, (nfds_t)gn, 0) > 0) {
                    gdbstub_handle(g, gn);
                }
            }
            replay_boundary(busy);
            replay_progress(replay_events_done(),
                            vclock_insns()); /* the recorded inputs instead of poll */
            continue;
        }
        record_before_poll(!busy);
        if (main_loop_script) {
            main_loop_script(); /* inputs from a script instead of poll (a fuzz target) */
            continue;
        }
        struct pollfd pfds[2 * MAX_MONITORS + SERIAL_FDS + 3];
        int n = chardevs_pollfds(pfds, 2 * MAX_MONITORS);
        int serial_index = n;
        n += serial_pollfds(pfds + n, SERIAL_FDS);
        int sig_index = n;
        pfds[n++] = (struct pollfd){.fd = sig_fd, .events = POLLIN};
        int gdb_index = n;
        n += gdbstub_pollfds(pfds + n, 2);
        int rc = poll(pfds, (nfds_t)n, busy ? 0 : -1);
        if (rc < 0 && errno != EINTR) {
            break;
        }
        if (rc <= 0) {
            continue;
        }
        if (pfds[sig_index].revents & POLLIN) {
            struct signalfd_siginfo si;
            if (read(sig_fd, &si, sizeof(si)) == (ssize_t)sizeof(si)) {
                record_signal((int)si.ssi_signo);
                request_signal_shutdown((int)si.ssi_signo);
            }
        }
        gdbstub_handle(pfds + gdb_index, n - gdb_index);
        serial_handle(pfds + serial_index, sig_index - serial_index);
        chardevs_handle(pfds, serial_index);
    }
    serial_flush();
    chardevs_flush_all();
    gdbstub_exit(status);
    return status;
}

_Noreturn void emu_fatal_exit(int status)
{
    gdbstub_exit(status);
    serial_flush();
    chardevs_flush_all();
    chardevs_close_all();
    exit(record_exit(status));
}
