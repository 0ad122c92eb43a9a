/* The main loop (single thread): run the harts for a slice ending at the next timer deadline,
 * run expired timers, act on requests, then poll monitors and signals (without blocking while
 * the guest runs; blocking when it does not). Must never read host time. */
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
#include "emu/machine.h"
#include "emu/runstate.h"
#include "emu/vclock.h"
#include "qmp/chardev.h"
#include "qmp/monitor.h"

static int sig_fd = -1;

void main_loop_init(void)
{
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

/* Runs the guest for one slice; returns true if it did any work. */
static bool run_slice(void)
{
    const machine_class *mc = machine_cfg.mc;
    if (!mc || !mc->run || !machine_phase_ready() || !runstate_is_running()) {
        return false;
    }
    uint64_t budget = vclock_insns_to_deadline();
    if (budget > MAIN_LOOP_SLICE) {
        budget = MAIN_LOOP_SLICE;
    }
    uint64_t n = budget ? mc->run(budget) : 0;
    vclock_add_insns(n);
    if (n == 0) {
        /* Every hart waits for an interrupt: time jumps to the next deadline. */
        uint64_t d = vclock_next_deadline();
        if (d == VCLOCK_NO_DEADLINE) {
            return false;
        }
        vclock_jump_to(d);
    }
    return true;
}

int main_loop_run(void)
{
    int status = 0;
    for (;;) {
        if (check_exit(&status)) {
            break;
        }
        bool busy = run_slice();
        vclock_run_expired();
        if (check_exit(&status)) {
            break;
        }
        struct pollfd pfds[2 * MAX_MONITORS + 1];
        int n = chardevs_pollfds(pfds, 2 * MAX_MONITORS);
        int sig_index = n;
        pfds[n++] = (struct pollfd){.fd = sig_fd, .events = POLLIN};
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
                request_signal_shutdown((int)si.ssi_signo);
            }
        }
        chardevs_handle(pfds, sig_index);
    }
    chardevs_flush_all();
    return status;
}

_Noreturn void emu_fatal_exit(int status)
{
    chardevs_flush_all();
    chardevs_close_all();
    exit(status);
}
