/* The runstate machine and request processing, after QEMU's runstate.c (spec §2, §6).
 * Requests are flags set by commands, signals and the guest; runstate_process_requests() acts
 * on them in QEMU's order. Must never perform a transition outside the dialect's table:
 * that prints QEMU's message and aborts, as QEMU does. */
#include "emu/runstate.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>

#include "qmp/events.h"

const char *const run_state_names[RUN_STATE__MAX] = {
    [RUN_STATE_DEBUG] = "debug",
    [RUN_STATE_INMIGRATE] = "inmigrate",
    [RUN_STATE_INTERNAL_ERROR] = "internal-error",
    [RUN_STATE_IO_ERROR] = "io-error",
    [RUN_STATE_PAUSED] = "paused",
    [RUN_STATE_POSTMIGRATE] = "postmigrate",
    [RUN_STATE_PRELAUNCH] = "prelaunch",
    [RUN_STATE_FINISH_MIGRATE] = "finish-migrate",
    [RUN_STATE_RESTORE_VM] = "restore-vm",
    [RUN_STATE_RUNNING] = "running",
    [RUN_STATE_SAVE_VM] = "save-vm",
    [RUN_STATE_SHUTDOWN] = "shutdown",
    [RUN_STATE_SUSPENDED] = "suspended",
    [RUN_STATE_WATCHDOG] = "watchdog",
    [RUN_STATE_GUEST_PANICKED] = "guest-panicked",
    [RUN_STATE_COLO] = "colo",
    [RUN_STATE_PRECONFIG] = "preconfig",
};

const char *const shutdown_cause_names[SHUTDOWN_CAUSE__MAX] = {
    "none",        "host-error",      "host-qmp-quit",  "host-qmp-system-reset",
    "host-signal", "host-ui",         "guest-shutdown", "guest-reset",
    "guest-panic", "subsystem-reset", "snapshot-load",
};
const char *const shutdown_action_names[] = {"poweroff", "pause", NULL};
const char *const reboot_action_names[] = {"reset", "shutdown", NULL};
const char *const panic_action_names[] = {"pause", "shutdown", "exit-failure", "none", NULL};
const char *const watchdog_action_names[] = {
    "reset", "shutdown", "poweroff", "pause", "debug", "none", "inject-nmi", NULL,
};

typedef struct transition {
    run_state from, to;
} transition;

#define T(a, b)                                                                                    \
    {                                                                                              \
        RUN_STATE_##a, RUN_STATE_##b                                                               \
    }

/* Pairs common to 3.0 and 7.2 (the 3.0 table without its two preconfig rows). */
static const transition common_table[] = {
    T(DEBUG, RUNNING),
    T(DEBUG, FINISH_MIGRATE),
    T(DEBUG, PRELAUNCH),
    T(DEBUG, SUSPENDED),
    T(INMIGRATE, INTERNAL_ERROR),
    T(INMIGRATE, IO_ERROR),
    T(INMIGRATE, PAUSED),
    T(INMIGRATE, RUNNING),
    T(INMIGRATE, SHUTDOWN),
    T(INMIGRATE, SUSPENDED),
    T(INMIGRATE, WATCHDOG),
    T(INMIGRATE, GUEST_PANICKED),
    T(INMIGRATE, FINISH_MIGRATE),
    T(INMIGRATE, PRELAUNCH),
    T(INMIGRATE, POSTMIGRATE),
    T(INMIGRATE, COLO),
    T(INTERNAL_ERROR, PAUSED),
    T(INTERNAL_ERROR, FINISH_MIGRATE),
    T(INTERNAL_ERROR, PRELAUNCH),
    T(IO_ERROR, RUNNING),
    T(IO_ERROR, FINISH_MIGRATE),
    T(IO_ERROR, PRELAUNCH),
    T(PAUSED, RUNNING),
    T(PAUSED, FINISH_MIGRATE),
    T(PAUSED, POSTMIGRATE),
    T(PAUSED, PRELAUNCH),
    T(PAUSED, COLO),
    T(POSTMIGRATE, RUNNING),
    T(POSTMIGRATE, FINISH_MIGRATE),
    T(POSTMIGRATE, PRELAUNCH),
    T(PRELAUNCH, RUNNING),
    T(PRELAUNCH, FINISH_MIGRATE),
    T(PRELAUNCH, INMIGRATE),
    T(FINISH_MIGRATE, RUNNING),
    T(FINISH_MIGRATE, PAUSED),
    T(FINISH_MIGRATE, POSTMIGRATE),
    T(FINISH_MIGRATE, PRELAUNCH),
    T(FINISH_MIGRATE, COLO),
    T(RESTORE_VM, RUNNING),
    T(RESTORE_VM, PRELAUNCH),
    T(COLO, RUNNING),
    T(RUNNING, DEBUG),
    T(RUNNING, INTERNAL_ERROR),
    T(RUNNING, IO_ERROR),
    T(RUNNING, PAUSED),
    T(RUNNING, FINISH_MIGRATE),
    T(RUNNING, RESTORE_VM),
    T(RUNNING, SAVE_VM),
    T(RUNNING, SHUTDOWN),
    T(RUNNING, WATCHDOG),
    T(RUNNING, GUEST_PANICKED),
    T(RUNNING, COLO),
    T(RUNNING, SUSPENDED),
    T(SAVE_VM, RUNNING),
    T(SHUTDOWN, PAUSED),
    T(SHUTDOWN, FINISH_MIGRATE),
    T(SHUTDOWN, PRELAUNCH),
    T(SUSPENDED, RUNNING),
    T(SUSPENDED, FINISH_MIGRATE),
    T(SUSPENDED, PRELAUNCH),
    T(SUSPENDED, COLO),
    T(WATCHDOG, RUNNING),
    T(WATCHDOG, FINISH_MIGRATE),
    T(WATCHDOG, PRELAUNCH),
    T(WATCHDOG, COLO),
    T(GUEST_PANICKED, RUNNING),
    T(GUEST_PANICKED, FINISH_MIGRATE),
    T(GUEST_PANICKED, PRELAUNCH),
};

static const transition only_3_0[] = {
    T(PRECONFIG, PRELAUNCH),
    /* -incoming switches state during option parsing, before the preconfig loop. */
    T(PRECONFIG, INMIGRATE),
};

static const transition only_7_2[] = {
    T(COLO, PRELAUNCH),
    T(COLO, SHUTDOWN),
    T(SHUTDOWN, COLO),
};

#undef T

#define COUNT(a) (int)(sizeof(a) / sizeof((a)[0]))

static bool in_table(const transition *t, int n, run_state from, run_state to)
{
    for (int i = 0; i < n; i++) {
        if (t[i].from == from && t[i].to == to) {
            return true;
        }
    }
    return false;
}

bool runstate_transition_valid(const dialect *d, run_state from, run_state to)
{
    if (from == to) {
        return true;
    }
    if (in_table(common_table, COUNT(common_table), from, to)) {
        return true;
    }
    if (d->id == DIALECT_3_0) {
        return in_table(only_3_0, COUNT(only_3_0), from, to);
    }
    return in_table(only_7_2, COUNT(only_7_2), from, to);
}

int runstate_table_size(const dialect *d)
{
    return COUNT(common_table) + (d->id == DIALECT_3_0 ? COUNT(only_3_0) : COUNT(only_7_2));
}

/* ---- state ---- */

runstate_policy rs_policy;
runstate_hooks rs_hooks;
void (*runstate_invalid_hook)(run_state from, run_state to);

static struct {
    const dialect *d;
    run_state state;
    shutdown_cause shutdown_requested;
    shutdown_cause reset_requested;
    bool powerdown_requested;
    bool suspend_requested;
    bool wakeup_requested;
    bool preconfig_exit_requested;
    run_state vmstop_requested; /* RUN_STATE__MAX: none */
    int shutdown_signal;
} rs;

void runstate_init(const dialect *d)
{
    rs.d = d;
    /* 3.0 starts in preconfig even without --preconfig (§1.2); 6.0+ in prelaunch. */
    rs.state = d->preconfig_runstate ? RUN_STATE_PRECONFIG : RUN_STATE_PRELAUNCH;
    rs.shutdown_requested = SHUTDOWN_CAUSE_NONE;
    rs.reset_requested = SHUTDOWN_CAUSE_NONE;
    rs.powerdown_requested = false;
    rs.suspend_requested = false;
    rs.wakeup_requested = false;
    rs.preconfig_exit_requested = false;
    rs.vmstop_requested = RUN_STATE__MAX;
    rs.shutdown_signal = 0;
    rs_policy = (runstate_policy){
        .autostart = true,
        .shutdown = SHUTDOWN_ACTION_POWEROFF,
        .reboot = REBOOT_ACTION_RESET,
        .panic = PANIC_ACTION_SHUTDOWN,
        .watchdog = WATCHDOG_ACTION_RESET,
    };
}

run_state runstate_get(void)
{
    return rs.state;
}

bool runstate_check(run_state s)
{
    return rs.state == s;
}

bool runstate_is_running(void)
{
    return rs.state == RUN_STATE_RUNNING;
}

bool runstate_needs_reset(void)
{
    return rs.state == RUN_STATE_INTERNAL_ERROR || rs.state == RUN_STATE_SHUTDOWN;
}

void runstate_set(run_state to)
{
    if (to == rs.state) {
        return;
    }
    if (!runstate_transition_valid(rs.d, rs.state, to)) {
        if (runstate_invalid_hook) {
            runstate_invalid_hook(rs.state, to);
            return;
        }
        fprintf(stderr, "invalid runstate transition: '%s' -> '%s'\n", run_state_names[rs.state],
                run_state_names[to]);
        abort();
    }
    rs.state = to;
}

/* ---- events ---- */

static bool cause_is_guest(shutdown_cause c)
{
    return c >= SHUTDOWN_CAUSE_GUEST_SHUTDOWN && c != SHUTDOWN_CAUSE_SUBSYSTEM_RESET &&
           c != SHUTDOWN_CAUSE_SNAPSHOT_LOAD;
}

static json_value *cause_data(shutdown_cause c)
{
    json_value *d = json_object();
    json_object_set_bool(d, "guest", cause_is_guest(c));
    if (rs.d->shutdown_reason) {
        json_object_set_str(d, "reason", shutdown_cause_names[c]);
    }
    return d;
}

static void emit_panicked(const char *action)
{
    json_value *d = json_object();
    json_object_set_str(d, "action", action);
    event_emit("GUEST_PANICKED", d);
}

/* ---- start/stop ---- */

void vm_start(void)
{
    if (runstate_is_running()) {
        run_state requested = rs.vmstop_requested;
        if (requested == RUN_STATE__MAX) {
            return;
        }
        /* A stop was pending: a STOP/RESUME pair still goes out (QEMU's vm_prepare_start). */
        rs.vmstop_requested = RUN_STATE__MAX;
        event_emit("STOP", NULL);
    }
    event_emit("RESUME", NULL);
    runstate_set(RUN_STATE_RUNNING);
}

void vm_stop(run_state state)
{
    if (!runstate_is_running()) {
        return;
    }
    runstate_set(state);
    event_emit("STOP", NULL);
}

/* ---- requests ---- */

void request_shutdown(shutdown_cause cause)
{
    rs.shutdown_requested = cause;
}

void request_reset(shutdown_cause cause)
{
    if (rs_policy.reboot == REBOOT_ACTION_SHUTDOWN && cause != SHUTDOWN_CAUSE_SUBSYSTEM_RESET) {
        rs.shutdown_requested = cause;
    } else {
        rs.reset_requested = cause;
    }
}

void request_powerdown(void)
{
    rs.powerdown_requested = true;
}

void request_suspend(void)
{
    if (runstate_check(RUN_STATE_SUSPENDED)) {
        return;
    }
    rs.suspend_requested = true;
}

void request_vmstop(run_state state)
{
    rs.vmstop_requested = state;
}

void request_exit_preconfig(void)
{
    rs.preconfig_exit_requested = true;
}

bool exit_preconfig_pending(void)
{
    return rs.preconfig_exit_requested;
}

void request_quit(void)
{
    rs_policy.shutdown = SHUTDOWN_ACTION_POWEROFF;
    request_shutdown(SHUTDOWN_CAUSE_HOST_QMP_QUIT);
}

void request_signal_shutdown(int signo)
{
    rs.shutdown_signal = signo;
    rs_policy.shutdown = SHUTDOWN_ACTION_POWEROFF;
    request_shutdown(SHUTDOWN_CAUSE_HOST_SIGNAL);
}

const char *request_wakeup(bool wakeup_supported)
{
    if (rs.d->wakeup_errors && !wakeup_supported) {
        return "wake-up from suspend is not supported by this guest";
    }
    if (!runstate_check(RUN_STATE_SUSPENDED)) {
        return rs.d->wakeup_errors ? "Unable to wake up: guest is not in suspended state" : NULL;
    }
    runstate_set(RUN_STATE_RUNNING);
    rs.wakeup_requested = true;
    return NULL;
}

void guest_panicked(void)
{
    if (rs.d->panic_double_event) {
        /* 3.0: always pause first; then, unless -no-shutdown, a poweroff and a shutdown. */
        emit_panicked("pause");
        vm_stop(RUN_STATE_GUEST_PANICKED);
        if (rs_policy.shutdown != SHUTDOWN_ACTION_PAUSE) {
            emit_panicked("poweroff");
            request_shutdown(SHUTDOWN_CAUSE_GUEST_PANIC);
        }
        return;
    }
    if (rs_policy.panic == PANIC_ACTION_PAUSE ||
        (rs_policy.panic == PANIC_ACTION_SHUTDOWN && rs_policy.shutdown == SHUTDOWN_ACTION_PAUSE)) {
        emit_panicked("pause");
        vm_stop(RUN_STATE_GUEST_PANICKED);
    } else if (rs_policy.panic == PANIC_ACTION_SHUTDOWN ||
               rs_policy.panic == PANIC_ACTION_EXIT_FAILURE) {
        emit_panicked("poweroff");
        vm_stop(RUN_STATE_GUEST_PANICKED);
        request_shutdown(SHUTDOWN_CAUSE_GUEST_PANIC);
    } else {
        emit_panicked("run");
    }
}

void watchdog_fired(void)
{
    json_value *d = json_object();
    json_object_set_str(d, "action", watchdog_action_names[rs_policy.watchdog]);
    event_emit("WATCHDOG", d);
    switch (rs_policy.watchdog) {
    case WATCHDOG_ACTION_RESET:
        request_reset(SHUTDOWN_CAUSE_GUEST_RESET);
        break;
    case WATCHDOG_ACTION_SHUTDOWN:
        request_powerdown();
        break;
    case WATCHDOG_ACTION_POWEROFF:
        /* QEMU exits at once, without SHUTDOWN; emu does so through the request path so
         * that outputs are flushed, marking the request as eventless. */
        rs.shutdown_requested = SHUTDOWN_CAUSE_NONE;
        rs_policy.shutdown = SHUTDOWN_ACTION_POWEROFF;
        rs.shutdown_signal = -1;
        break;
    case WATCHDOG_ACTION_PAUSE:
        request_vmstop(RUN_STATE_WATCHDOG);
        break;
    case WATCHDOG_ACTION_DEBUG:
        fputs("watchdog: timer fired\n", stderr);
        break;
    case WATCHDOG_ACTION_NONE:
    case WATCHDOG_ACTION_INJECT_NMI:
    case WATCHDOG_ACTION__MAX:
        break;
    }
}

bool requests_pending(void)
{
    return rs.shutdown_requested || rs.reset_requested || rs.powerdown_requested ||
           rs.suspend_requested || rs.wakeup_requested || rs.preconfig_exit_requested ||
           rs.vmstop_requested != RUN_STATE__MAX || rs.shutdown_signal == -1;
}

bool runstate_process_requests(int *status)
{
    if (rs.preconfig_exit_requested) {
        rs.preconfig_exit_requested = false;
        if (runstate_check(RUN_STATE_PRECONFIG)) {
            runstate_set(RUN_STATE_PRELAUNCH);
        }
        if (rs_hooks.leave_preconfig && !rs_hooks.leave_preconfig()) {
            *status = 1;
            return true;
        }
    }
    if (rs.shutdown_signal == -1) {
        /* watchdog poweroff: immediate exit, no event */
        *status = 0;
        return true;
    }
    if (rs.suspend_requested) {
        rs.suspend_requested = false;
        if (rs_hooks.suspend) {
            rs_hooks.suspend();
        }
        runstate_set(RUN_STATE_SUSPENDED);
        event_emit("SUSPEND", NULL);
    }
    shutdown_cause req = rs.shutdown_requested;
    if (req) {
        rs.shutdown_requested = SHUTDOWN_CAUSE_NONE;
        if (rs.shutdown_signal > 0) {
            fprintf(stderr, "emu: terminated by signal %d\n", rs.shutdown_signal);
            rs.shutdown_signal = 0;
        }
        event_emit("SHUTDOWN", cause_data(req));
        if (rs_policy.shutdown == SHUTDOWN_ACTION_PAUSE) {
            vm_stop(RUN_STATE_SHUTDOWN);
        } else {
            *status =
                (req == SHUTDOWN_CAUSE_GUEST_PANIC && rs_policy.panic == PANIC_ACTION_EXIT_FAILURE)
                    ? 1
                    : 0;
            return true;
        }
    }
    req = rs.reset_requested;
    if (req) {
        rs.reset_requested = SHUTDOWN_CAUSE_NONE;
        if (rs_hooks.reset_devices) {
            rs_hooks.reset_devices(req);
        }
        if (req != SHUTDOWN_CAUSE_SUBSYSTEM_RESET && req != SHUTDOWN_CAUSE_SNAPSHOT_LOAD) {
            event_emit("RESET", cause_data(req));
        }
        if (!runstate_check(RUN_STATE_RUNNING) && !runstate_check(RUN_STATE_INMIGRATE) &&
            !runstate_check(RUN_STATE_FINISH_MIGRATE)) {
            runstate_set(RUN_STATE_PRELAUNCH);
        }
    }
    if (rs.wakeup_requested) {
        rs.wakeup_requested = false;
        if (rs_hooks.wakeup) {
            rs_hooks.wakeup();
        }
        event_emit("WAKEUP", NULL);
    }
    if (rs.powerdown_requested) {
        rs.powerdown_requested = false;
        event_emit("POWERDOWN", NULL);
        if (rs_hooks.powerdown) {
            rs_hooks.powerdown();
        }
    }
    if (rs.vmstop_requested != RUN_STATE__MAX) {
        run_state r = rs.vmstop_requested;
        rs.vmstop_requested = RUN_STATE__MAX;
        vm_stop(r);
    }
    return false;
}
