/* Unit tests of the runstate machine: both transition tables pair by pair (checked against
 * the spec's tables, written out here independently as text), the invalid-transition abort,
 * and request processing with the events it emits in each dialect.
 * Must never share the table data with emu/runstate.c: the point is an independent copy. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#include "emu/runstate.h"
#include "emu/vclock.h"
#include "qmp/events.h"

/* spec §2.2 (3.0) */
static const char *const table_3_0[] = {
    "preconfig: prelaunch inmigrate",
    "debug: running finish-migrate prelaunch suspended",
    "inmigrate: internal-error io-error paused running shutdown suspended watchdog "
    "guest-panicked finish-migrate prelaunch postmigrate colo",
    "internal-error: paused finish-migrate prelaunch",
    "io-error: running finish-migrate prelaunch",
    "paused: running finish-migrate postmigrate prelaunch colo",
    "postmigrate: running finish-migrate prelaunch",
    "prelaunch: running finish-migrate inmigrate",
    "finish-migrate: running paused postmigrate prelaunch colo",
    "restore-vm: running prelaunch",
    "colo: running",
    "running: debug internal-error io-error paused finish-migrate restore-vm save-vm shutdown "
    "watchdog guest-panicked colo suspended",
    "save-vm: running",
    "shutdown: paused finish-migrate prelaunch",
    "suspended: running finish-migrate prelaunch colo",
    "watchdog: running finish-migrate prelaunch colo",
    "guest-panicked: running finish-migrate prelaunch",
    NULL,
};

/* spec §2.3 (7.2) = 3.0 minus the preconfig rows, plus three pairs */
static const char *const extra_7_2[] = {
    "colo: prelaunch shutdown",
    "shutdown: colo",
    NULL,
};

static int state_index(const char *name, size_t len)
{
    for (int i = 0; i < RUN_STATE__MAX; i++) {
        if (strlen(run_state_names[i]) == len && !strncmp(run_state_names[i], name, len)) {
            return i;
        }
    }
    fail_msg("unknown state %.*s", (int)len, name);
    return -1;
}

static void fill(bool allowed[RUN_STATE__MAX][RUN_STATE__MAX], const char *const *rows,
                 bool skip_preconfig)
{
    for (int r = 0; rows[r]; r++) {
        const char *colon = strchr(rows[r], ':');
        int from = state_index(rows[r], (size_t)(colon - rows[r]));
        if (skip_preconfig && from == RUN_STATE_PRECONFIG) {
            continue;
        }
        const char *p = colon + 1;
        while (*p) {
            while (*p == ' ') {
                p++;
            }
            const char *e = p;
            while (*e && *e != ' ') {
                e++;
            }
            if (e > p) {
                allowed[from][state_index(p, (size_t)(e - p))] = true;
            }
            p = e;
        }
    }
}

static void check_table(const dialect *d, bool expected[RUN_STATE__MAX][RUN_STATE__MAX],
                        int expected_pairs)
{
    int pairs = 0;
    for (int f = 0; f < RUN_STATE__MAX; f++) {
        for (int t = 0; t < RUN_STATE__MAX; t++) {
            bool want = expected[f][t] || f == t;
            bool got = runstate_transition_valid(d, (run_state)f, (run_state)t);
            if (want != got) {
                fail_msg("%s: %s -> %s: expected %s", d->name, run_state_names[f],
                         run_state_names[t], want ? "allowed" : "refused");
            }
            pairs += expected[f][t] && f != t;
        }
    }
    assert_int_equal(pairs, expected_pairs);
    assert_int_equal(runstate_table_size(d), expected_pairs);
}

static void test_table_3_0(void **state)
{
    (void)state;
    bool allowed[RUN_STATE__MAX][RUN_STATE__MAX] = {{false}};
    fill(allowed, table_3_0, false);
    check_table(&dialects[DIALECT_3_0], allowed, 70);
}

static void test_table_7_2(void **state)
{
    (void)state;
    bool allowed[RUN_STATE__MAX][RUN_STATE__MAX] = {{false}};
    fill(allowed, table_3_0, true);
    fill(allowed, extra_7_2, false);
    check_table(&dialects[DIALECT_7_2], allowed, 71);
}

/* ---- event capture ---- */

static char events[64][160];
static int nevents;

static void capture(const json_value *ev)
{
    const json_value *name = json_object_get(ev, "event");
    const json_value *data = json_object_get(ev, "data");
    char *d = data ? json_to_string(data) : NULL;
    snprintf(events[nevents++], sizeof(events[0]), "%s%s%s", name->str.ptr, d ? " " : "",
             d ? d : "");
    free(d);
}

static void start(dialect_id id)
{
    runstate_init(&dialects[id]);
    rs_hooks = (runstate_hooks){0};
    vclock_init(0);
    event_sink = capture;
    nevents = 0;
}

static int process(void)
{
    int status = -1;
    bool exit_now = runstate_process_requests(&status);
    return exit_now ? status : -1;
}

static void test_initial_states(void **state)
{
    (void)state;
    start(DIALECT_3_0);
    assert_int_equal(runstate_get(), RUN_STATE_PRECONFIG);
    start(DIALECT_7_2);
    assert_int_equal(runstate_get(), RUN_STATE_PRELAUNCH);
}

static void test_start_stop_events(void **state)
{
    (void)state;
    start(DIALECT_7_2);
    vm_stop(RUN_STATE_PAUSED); /* prelaunch: no-op */
    assert_int_equal(nevents, 0);
    vm_start();
    assert_int_equal(runstate_get(), RUN_STATE_RUNNING);
    vm_start(); /* already running: nothing */
    vm_stop(RUN_STATE_PAUSED);
    vm_stop(RUN_STATE_PAUSED);
    assert_int_equal(nevents, 2);
    assert_string_equal(events[0], "RESUME");
    assert_string_equal(events[1], "STOP");
    assert_int_equal(runstate_get(), RUN_STATE_PAUSED);
}

static void test_reset_to_prelaunch(void **state)
{
    (void)state;
    start(DIALECT_7_2);
    vm_start();
    vm_stop(RUN_STATE_PAUSED);
    request_reset(SHUTDOWN_CAUSE_HOST_QMP_SYSTEM_RESET);
    assert_int_equal(process(), -1);
    assert_int_equal(runstate_get(), RUN_STATE_PRELAUNCH);
    assert_string_equal(events[2],
                        "RESET {\"guest\": false, \"reason\": \"host-qmp-system-reset\"}");
    /* running stays running */
    vm_start();
    request_reset(SHUTDOWN_CAUSE_GUEST_RESET);
    process();
    assert_int_equal(runstate_get(), RUN_STATE_RUNNING);
    assert_string_equal(events[nevents - 1],
                        "RESET {\"guest\": true, \"reason\": \"guest-reset\"}");
}

static void test_no_reboot_no_shutdown(void **state)
{
    (void)state;
    start(DIALECT_7_2);
    rs_policy.reboot = REBOOT_ACTION_SHUTDOWN;
    rs_policy.shutdown = SHUTDOWN_ACTION_PAUSE;
    /* prelaunch: SHUTDOWN only, state unchanged (spec §6.2, observed) */
    request_reset(SHUTDOWN_CAUSE_HOST_QMP_SYSTEM_RESET);
    assert_int_equal(process(), -1);
    assert_int_equal(nevents, 1);
    assert_int_equal(runstate_get(), RUN_STATE_PRELAUNCH);
    /* running: SHUTDOWN, STOP, state shutdown */
    vm_start();
    request_reset(SHUTDOWN_CAUSE_GUEST_RESET);
    assert_int_equal(process(), -1);
    assert_string_equal(events[2], "SHUTDOWN {\"guest\": true, \"reason\": \"guest-reset\"}");
    assert_string_equal(events[3], "STOP");
    assert_int_equal(runstate_get(), RUN_STATE_SHUTDOWN);
    assert_true(runstate_needs_reset());
    /* quit forces poweroff even with -no-shutdown */
    request_quit();
    assert_int_equal(process(), 0);
    assert_string_equal(events[4], "SHUTDOWN {\"guest\": false, \"reason\": \"host-qmp-quit\"}");
}

static void test_3_0_event_data(void **state)
{
    (void)state;
    start(DIALECT_3_0);
    runstate_set(RUN_STATE_PRELAUNCH);
    request_powerdown();
    request_reset(SHUTDOWN_CAUSE_HOST_QMP_SYSTEM_RESET);
    assert_int_equal(process(), -1);
    /* QEMU's order: reset before powerdown */
    assert_string_equal(events[0], "RESET {\"guest\": false}");
    assert_string_equal(events[1], "POWERDOWN");
    request_signal_shutdown(15);
    assert_int_equal(process(), 0);
    assert_string_equal(events[2], "SHUTDOWN {\"guest\": false}");
}

static void test_panic_matrix_7_2(void **state)
{
    (void)state;
    /* default: poweroff then exit 0 */
    start(DIALECT_7_2);
    vm_start();
    guest_panicked();
    assert_int_equal(process(), 0);
    assert_string_equal(events[1], "GUEST_PANICKED {\"action\": \"poweroff\"}");
    assert_string_equal(events[2], "STOP");
    assert_string_equal(events[3], "SHUTDOWN {\"guest\": true, \"reason\": \"guest-panic\"}");
    /* -no-shutdown: pause */
    start(DIALECT_7_2);
    rs_policy.shutdown = SHUTDOWN_ACTION_PAUSE;
    vm_start();
    guest_panicked();
    assert_int_equal(process(), -1);
    assert_int_equal(runstate_get(), RUN_STATE_GUEST_PANICKED);
    assert_string_equal(events[1], "GUEST_PANICKED {\"action\": \"pause\"}");
    /* panic=none: keeps running */
    start(DIALECT_7_2);
    rs_policy.panic = PANIC_ACTION_NONE;
    vm_start();
    guest_panicked();
    assert_int_equal(process(), -1);
    assert_int_equal(runstate_get(), RUN_STATE_RUNNING);
    assert_string_equal(events[1], "GUEST_PANICKED {\"action\": \"run\"}");
    /* panic=exit-failure: exit status 1 */
    start(DIALECT_7_2);
    rs_policy.panic = PANIC_ACTION_EXIT_FAILURE;
    vm_start();
    guest_panicked();
    assert_int_equal(process(), 1);
}

static void test_panic_3_0_double_event(void **state)
{
    (void)state;
    start(DIALECT_3_0);
    runstate_set(RUN_STATE_PRELAUNCH);
    vm_start();
    guest_panicked();
    assert_int_equal(process(), 0);
    assert_string_equal(events[1], "GUEST_PANICKED {\"action\": \"pause\"}");
    assert_string_equal(events[2], "STOP");
    assert_string_equal(events[3], "GUEST_PANICKED {\"action\": \"poweroff\"}");
    assert_string_equal(events[4], "SHUTDOWN {\"guest\": true}");
}

static void test_suspend_wakeup(void **state)
{
    (void)state;
    start(DIALECT_7_2);
    assert_string_equal(request_wakeup(false),
                        "wake-up from suspend is not supported by this guest");
    assert_string_equal(request_wakeup(true), "Unable to wake up: guest is not in suspended state");
    vm_start();
    request_suspend();
    process();
    assert_int_equal(runstate_get(), RUN_STATE_SUSPENDED);
    assert_null(request_wakeup(true));
    process();
    assert_int_equal(runstate_get(), RUN_STATE_RUNNING);
    assert_string_equal(events[1], "SUSPEND");
    assert_string_equal(events[2], "WAKEUP");
    /* 3.0: silently nothing when not suspended */
    start(DIALECT_3_0);
    assert_null(request_wakeup(false));
}

static void test_watchdog_pause(void **state)
{
    (void)state;
    start(DIALECT_7_2);
    rs_policy.watchdog = WATCHDOG_ACTION_PAUSE;
    vm_start();
    watchdog_fired();
    process();
    assert_string_equal(events[1], "WATCHDOG {\"action\": \"pause\"}");
    assert_string_equal(events[2], "STOP");
    assert_int_equal(runstate_get(), RUN_STATE_WATCHDOG);
}

static run_state bad_from = RUN_STATE__MAX, bad_to = RUN_STATE__MAX;
static void record_invalid(run_state from, run_state to)
{
    bad_from = from;
    bad_to = to;
}

static void test_invalid_transition_hook(void **state)
{
    (void)state;
    start(DIALECT_3_0);
    runstate_invalid_hook = record_invalid;
    runstate_set(RUN_STATE_RUNNING); /* preconfig -> running is not in the table */
    runstate_invalid_hook = NULL;
    assert_int_equal(bad_from, RUN_STATE_PRECONFIG);
    assert_int_equal(bad_to, RUN_STATE_RUNNING);
    assert_int_equal(runstate_get(), RUN_STATE_PRECONFIG);
}

/* The real thing: QEMU's message on stderr, then SIGABRT. */
static void test_invalid_transition_aborts(void **state)
{
    (void)state;
    int errpipe[2];
    assert_int_equal(pipe(errpipe), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        dup2(errpipe[1], 2);
        start(DIALECT_7_2);
        runstate_set(RUN_STATE_SHUTDOWN); /* prelaunch -> shutdown is not in the table */
        _exit(0);
    }
    close(errpipe[1]);
    char buf[256] = {0};
    ssize_t n = read(errpipe[0], buf, sizeof(buf) - 1);
    close(errpipe[0]);
    int status;
    waitpid(pid, &status, 0);
    assert_true(n > 0);
    assert_string_equal(buf, "invalid runstate transition: 'prelaunch' -> 'shutdown'\n");
    assert_true(WIFSIGNALED(status));
    assert_int_equal(WTERMSIG(status), SIGABRT);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_table_3_0),
        cmocka_unit_test(test_table_7_2),
        cmocka_unit_test(test_initial_states),
        cmocka_unit_test(test_start_stop_events),
        cmocka_unit_test(test_reset_to_prelaunch),
        cmocka_unit_test(test_no_reboot_no_shutdown),
        cmocka_unit_test(test_3_0_event_data),
        cmocka_unit_test(test_panic_matrix_7_2),
        cmocka_unit_test(test_panic_3_0_double_event),
        cmocka_unit_test(test_suspend_wakeup),
        cmocka_unit_test(test_watchdog_pause),
        cmocka_unit_test(test_invalid_transition_hook),
        cmocka_unit_test(test_invalid_transition_aborts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
