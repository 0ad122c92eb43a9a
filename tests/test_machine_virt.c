/* Unit tests of the virt machine's wiring: the class as -M help and query-machines see it, the
 * -smp limits, query-cpus-fast in each dialect, what each guest action becomes in the runstate
 * machine (test finisher exit, guest reset, orderly shutdown, panic, suspend, watchdog), the
 * clock kept in step with the virtual clock, and the input-hold rule. Slices are driven by hand
 * the way main_loop.c does; guests come from BUILDDIR/guest (skipped when not built). Must never
 * depend on a running main loop or on file descriptors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "emu/dialect.h"
#include "emu/machine.h"
#include "emu/main_loop.h"
#include "emu/runstate.h"
#include "emu/vclock.h"
#include "qmp/events.h"
#include "qmp/monitor.h"

static char events[4096];

static void capture(const json_value *ev)
{
    const json_value *name = json_object_get(ev, "event");
    const json_value *data = json_object_get(ev, "data");
    strncat(events, name->str.ptr, sizeof(events) - strlen(events) - 1);
    if (data) {
        char *d = json_to_string(data);
        strncat(events, d, sizeof(events) - strlen(events) - 1);
        free(d);
    }
    strncat(events, ";", sizeof(events) - strlen(events) - 1);
}

static char kernel[512];

/* A fresh run of `guest` on -M virt in dialect d, built and (unless autostart is false) started.
 * Returns false (the test skips) when the guest program is not built. */
static bool start_smp(dialect_id d, const char *guest, bool autostart, int smp)
{
    const char *bd = getenv("EMU_BUILDDIR");
    snprintf(kernel, sizeof(kernel), "%s/guest/%s.elf", bd && *bd ? bd : "build", guest);
    if (access(kernel, R_OK) != 0) {
        return false;
    }
    cur_dialect = &dialects[d];
    runstate_init(cur_dialect);
    machine_reset_state();
    vclock_init(0);
    mon_exit_pending = false;
    mon_exit_status = 0;
    machine_cfg.mc = machine_find("virt");
    machine_cfg.kernel = kernel;
    machine_cfg.bios = "none";
    machine_cfg.smp_cpus = smp;
    rs_policy.autostart = autostart;
    if (cur_dialect->preconfig_runstate) {
        runstate_set(RUN_STATE_PRELAUNCH);
    }
    event_sink = capture;
    events[0] = 0;
    machine_connect_runstate();
    assert_true(machine_create_and_start());
    return true;
}

static bool start(dialect_id d, const char *guest, bool autostart)
{
    return start_smp(d, guest, autostart, 1);
}

/* One slice as the main loop runs it; returns the instructions run. */
static uint64_t slice(uint64_t budget)
{
    const machine_class *mc = machine_cfg.mc;
    uint64_t n = mc->run(budget);
    vclock_add_insns(n);
    mc->after_slice();
    int status;
    if (requests_pending() && runstate_process_requests(&status)) {
        mon_exit_pending = true;
        mon_exit_status = status;
    }
    return n;
}

/* Slices until the guest stops running or emu must exit. */
static void run_until_stop(void)
{
    for (int i = 0; i < 200 && machine_guest_runs() && !mon_exit_pending; i++) {
        slice(MAIN_LOOP_SLICE);
    }
}

static void test_virt_class(void **state)
{
    (void)state;
    const machine_class *mc = machine_find("virt");
    assert_non_null(mc);
    assert_string_equal(mc->desc, "RISC-V VirtIO board");
    assert_int_equal(mc->max_cpus, 8);
    assert_false(mc->hotpluggable_cpus);
    assert_true(mc->wakeup_supported);
    assert_true(mc->has_serial);
    assert_false(machine_find("none")->has_serial);
}

static void test_smp_limits(void **state)
{
    (void)state;
    /* the -smp fields hold what was given until machine_check_config computes them */
    machine_reset_state();
    machine_cfg.mc = machine_find("virt");
    machine_cfg.smp_cpus = 8;
    assert_true(machine_check_config());
    assert_int_equal(machine_cfg.smp_maxcpus, 8);
    machine_reset_state();
    machine_cfg.mc = machine_find("virt");
    machine_cfg.smp_cpus = 9;
    assert_false(machine_check_config());
    machine_reset_state();
    machine_cfg.mc = machine_find("virt");
    machine_cfg.smp_cpus = 2;
    machine_cfg.smp_maxcpus = 1;
    assert_false(machine_check_config());
}

static void test_query_cpus_fast(void **state)
{
    (void)state;
    if (!start_smp(DIALECT_7_2, "hello", false, 2)) {
        skip();
    }
    json_value *v = machine_cfg.mc->query_cpus_fast();
    char *s = json_to_string(v);
    json_free(v);
    assert_string_equal(s, "[{\"thread-id\": 0, \"props\": {\"core-id\": 0}, \"qom-path\": "
                           "\"/machine/soc0/harts[0]\", \"cpu-index\": 0, \"target\": "
                           "\"riscv64\"}, {\"thread-id\": 1, \"props\": {\"core-id\": 1}, "
                           "\"qom-path\": \"/machine/soc0/harts[1]\", \"cpu-index\": 1, "
                           "\"target\": \"riscv64\"}]");
    free(s);
    cur_dialect = &dialects[DIALECT_3_0];
    v = machine_cfg.mc->query_cpus_fast();
    s = json_to_string(v);
    json_free(v);
    assert_non_null(strstr(s, "\"arch\": \"riscv\""));
    assert_non_null(strstr(s, "\"/machine/soc/harts[1]\""));
    assert_null(strstr(s, "props"));
    free(s);
}

/* QEMU 7.2's test finisher calls exit(): no event, the guest's code as the status. */
static void test_finisher_exits(void **state)
{
    (void)state;
    if (!start(DIALECT_7_2, "fail", true)) {
        skip();
    }
    rs_policy.shutdown = SHUTDOWN_ACTION_PAUSE; /* -no-shutdown does not matter */
    run_until_stop();
    assert_true(mon_exit_pending);
    assert_int_equal(mon_exit_status, 3);
    assert_string_equal(events, "RESUME;");
}

static void test_guest_reset(void **state)
{
    (void)state;
    if (!start(DIALECT_7_2, "reset", true)) {
        skip();
    }
    uint64_t resets = machine_reset_count();
    run_until_stop(); /* the second boot powers off */
    assert_int_equal(machine_reset_count(), resets + 1);
    assert_string_equal(events, "RESUME;RESET{\"guest\": true, \"reason\": \"guest-reset\"};");
    assert_true(mon_exit_pending);
    assert_int_equal(mon_exit_status, 0);
}

static void test_orderly_shutdown(void **state)
{
    (void)state;
    if (!start(DIALECT_3_0, "shutdown", true)) {
        skip();
    }
    rs_policy.shutdown = SHUTDOWN_ACTION_PAUSE;
    run_until_stop();
    assert_false(mon_exit_pending);
    assert_int_equal(runstate_get(), RUN_STATE_SHUTDOWN);
    assert_string_equal(events, "RESUME;SHUTDOWN{\"guest\": true};STOP;");
}

static void test_panic_pause(void **state)
{
    (void)state;
    if (!start(DIALECT_7_2, "panic", true)) {
        skip();
    }
    rs_policy.panic = PANIC_ACTION_PAUSE;
    run_until_stop();
    assert_int_equal(runstate_get(), RUN_STATE_GUEST_PANICKED);
    assert_string_equal(events, "RESUME;GUEST_PANICKED{\"action\": \"pause\"};STOP;");
}

static void test_suspend_wakeup(void **state)
{
    (void)state;
    if (!start(DIALECT_7_2, "suspend", true)) {
        skip();
    }
    run_until_stop();
    assert_int_equal(runstate_get(), RUN_STATE_SUSPENDED);
    assert_null(request_wakeup(machine_cfg.mc->wakeup_supported));
    int status;
    runstate_process_requests(&status);
    run_until_stop(); /* it goes on after its suspend store and powers off */
    assert_true(mon_exit_pending);
    assert_string_equal(events, "RESUME;SUSPEND;WAKEUP;");
}

/* The watchdog counts virtual time: it fires 100 us of virtual time after it is armed, and
 * the event's timestamp says so. */
static void test_watchdog_pause(void **state)
{
    (void)state;
    if (!start(DIALECT_7_2, "testdev", true)) {
        skip();
    }
    rs_policy.watchdog = WATCHDOG_ACTION_PAUSE;
    run_until_stop();
    assert_int_equal(runstate_get(), RUN_STATE_WATCHDOG);
    assert_string_equal(events, "RESUME;WATCHDOG{\"action\": \"pause\"};STOP;");
    assert_in_range(vclock_now_ns(), 100000, 110000);
}

/* An idle board's deadline is the one the main loop jumps to, on both clocks. */
static void test_idle_jump(void **state)
{
    (void)state;
    if (!start(DIALECT_7_2, "sleep", true)) {
        skip();
    }
    const machine_class *mc = machine_cfg.mc;
    int jumps = 0;
    for (int i = 0; i < 100 && !mon_exit_pending; i++) {
        if (slice(MAIN_LOOP_SLICE) == 0) {
            uint64_t d = mc->next_deadline_ns();
            assert_int_not_equal(d, UINT64_MAX);
            vclock_jump_to(d);
            mc->jump_to_ns(d);
            jumps++;
        }
    }
    assert_true(mon_exit_pending);
    assert_int_equal(jumps, 1);
    assert_true(vclock_now_ns() >= 10000000000ULL);
}

static void test_hold_rule(void **state)
{
    (void)state;
    if (!start(DIALECT_7_2, "panic", false)) {
        skip();
    }
    assert_false(main_loop_hold_input()); /* prelaunch: nothing runs */
    vm_start();
    assert_true(main_loop_hold_input());  /* cont: the guest starts */
    assert_false(main_loop_hold_input()); /* a query while it runs */
    machine_reset();
    assert_true(main_loop_hold_input()); /* system_reset while running */
    vm_stop(RUN_STATE_PAUSED);
    assert_false(main_loop_hold_input()); /* stop */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_virt_class),      cmocka_unit_test(test_smp_limits),
        cmocka_unit_test(test_query_cpus_fast), cmocka_unit_test(test_finisher_exits),
        cmocka_unit_test(test_guest_reset),     cmocka_unit_test(test_orderly_shutdown),
        cmocka_unit_test(test_panic_pause),     cmocka_unit_test(test_suspend_wakeup),
        cmocka_unit_test(test_watchdog_pause),  cmocka_unit_test(test_idle_jump),
        cmocka_unit_test(test_hold_rule),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    machine_reset_state(); /* frees the last board */
    return failed;
}
