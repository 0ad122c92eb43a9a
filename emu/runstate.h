/* The runstate machine: QEMU's RunState enum, the transition table of each dialect, the
 * pending requests (shutdown, reset, powerdown, wakeup, suspend, stop) and their processing
 * by the main loop, with the events QEMU emits (spec §2, §6).
 * Must never let an invalid transition pass: it prints QEMU's message and aborts. */
#ifndef EMU_RUNSTATE_H
#define EMU_RUNSTATE_H

#include <stdbool.h>

#include "emu/dialect.h"

typedef enum run_state {
    RUN_STATE_DEBUG,
    RUN_STATE_INMIGRATE,
    RUN_STATE_INTERNAL_ERROR,
    RUN_STATE_IO_ERROR,
    RUN_STATE_PAUSED,
    RUN_STATE_POSTMIGRATE,
    RUN_STATE_PRELAUNCH,
    RUN_STATE_FINISH_MIGRATE,
    RUN_STATE_RESTORE_VM,
    RUN_STATE_RUNNING,
    RUN_STATE_SAVE_VM,
    RUN_STATE_SHUTDOWN,
    RUN_STATE_SUSPENDED,
    RUN_STATE_WATCHDOG,
    RUN_STATE_GUEST_PANICKED,
    RUN_STATE_COLO,
    RUN_STATE_PRECONFIG,
    RUN_STATE__MAX,
} run_state;

/* QAPI ShutdownCause, in its declaration order ("guest" iff >= GUEST_SHUTDOWN). */
typedef enum shutdown_cause {
    SHUTDOWN_CAUSE_NONE,
    SHUTDOWN_CAUSE_HOST_ERROR,
    SHUTDOWN_CAUSE_HOST_QMP_QUIT,
    SHUTDOWN_CAUSE_HOST_QMP_SYSTEM_RESET,
    SHUTDOWN_CAUSE_HOST_SIGNAL,
    SHUTDOWN_CAUSE_HOST_UI,
    SHUTDOWN_CAUSE_GUEST_SHUTDOWN,
    SHUTDOWN_CAUSE_GUEST_RESET,
    SHUTDOWN_CAUSE_GUEST_PANIC,
    SHUTDOWN_CAUSE_SUBSYSTEM_RESET,
    SHUTDOWN_CAUSE_SNAPSHOT_LOAD,
    SHUTDOWN_CAUSE__MAX,
} shutdown_cause;

typedef enum shutdown_action {
    SHUTDOWN_ACTION_POWEROFF,
    SHUTDOWN_ACTION_PAUSE,
} shutdown_action;
typedef enum reboot_action {
    REBOOT_ACTION_RESET,
    REBOOT_ACTION_SHUTDOWN,
} reboot_action;
typedef enum panic_action {
    PANIC_ACTION_PAUSE,
    PANIC_ACTION_SHUTDOWN,
    PANIC_ACTION_EXIT_FAILURE,
    PANIC_ACTION_NONE,
} panic_action;
typedef enum watchdog_action {
    WATCHDOG_ACTION_RESET,
    WATCHDOG_ACTION_SHUTDOWN,
    WATCHDOG_ACTION_POWEROFF,
    WATCHDOG_ACTION_PAUSE,
    WATCHDOG_ACTION_DEBUG,
    WATCHDOG_ACTION_NONE,
    WATCHDOG_ACTION_INJECT_NMI,
    WATCHDOG_ACTION__MAX,
} watchdog_action;

extern const char *const run_state_names[RUN_STATE__MAX];
extern const char *const shutdown_cause_names[SHUTDOWN_CAUSE__MAX];
extern const char *const shutdown_action_names[];
extern const char *const reboot_action_names[];
extern const char *const panic_action_names[];
extern const char *const watchdog_action_names[];

/* Policy, from the command line (-S, -no-shutdown, -no-reboot, -action) and set-action. */
typedef struct runstate_policy {
    bool autostart;
    shutdown_action shutdown;
    reboot_action reboot;
    panic_action panic;
    watchdog_action watchdog;
} runstate_policy;

extern runstate_policy rs_policy;

/* Resets all state for a run in dialect d (initial state per §1.2). */
void runstate_init(const dialect *d);
run_state runstate_get(void);
bool runstate_check(run_state s);
bool runstate_is_running(void);
bool runstate_needs_reset(void);
/* The transition table of dialect d (same state: always allowed, as a no-op). */
bool runstate_transition_valid(const dialect *d, run_state from, run_state to);
/* Number of (from, to) pairs in dialect d's table, for tests. */
int runstate_table_size(const dialect *d);
/* Sets the state; an invalid transition prints the QEMU message and aborts. */
void runstate_set(run_state to);
/* Test hook: called instead of abort() on an invalid transition when set (fuzz oracle). */
extern void (*runstate_invalid_hook)(run_state from, run_state to);

/* vm_start: RESUME and running (no-op if already running with no stop pending). */
void vm_start(void);
/* vm_stop: if running, enter `state` and emit STOP; otherwise nothing. */
void vm_stop(run_state state);

/* Requests, processed by runstate_process_requests() in QEMU's order. */
void request_shutdown(shutdown_cause cause);
void request_reset(shutdown_cause cause);
void request_powerdown(void);
void request_suspend(void);
void request_vmstop(run_state state);
/* 3.0: x-exit-preconfig sets this; the main loop leaves preconfig. */
void request_exit_preconfig(void);
bool exit_preconfig_pending(void);
/* QMP quit: force the poweroff action and request a shutdown. */
void request_quit(void);
/* SIGINT/SIGTERM/SIGHUP (recorded inputs): like quit, cause host-signal. */
void request_signal_shutdown(int signo);
/* system_wakeup. Returns an error text or NULL. wakeup_supported: the board can wake. */
const char *request_wakeup(bool wakeup_supported);
/* Guest-caused events (the board calls these). */
void guest_panicked(void);
void watchdog_fired(void);

bool requests_pending(void);
/* Processes pending requests; returns true when emu must exit, with *status set. */
bool runstate_process_requests(int *status);

/* Board hooks the request processing calls (set by the machine layer). */
typedef struct runstate_hooks {
    void (*reset_devices)(shutdown_cause cause);
    void (*powerdown)(void);
    void (*wakeup)(void);
    void (*suspend)(void);
    /* 3.0 preconfig exit: build the machine; returns false (after printing) on error. */
    bool (*leave_preconfig)(void);
} runstate_hooks;
extern runstate_hooks rs_hooks;

#endif
