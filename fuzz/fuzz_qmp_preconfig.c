/* libFuzzer target: bytes into a QMP monitor of a `-M none --preconfig` machine, reset
 * in-process between inputs. The first byte picks the dialect, whether the session starts
 * negotiated, and -S; the rest is the client's byte stream.
 * Oracles (each aborts with a message): no handler of a command without allow-preconfig runs
 * before the machine exists; no invalid runstate transition; every output line is one strict
 * JSON value (emu's parser and an independent one); every complete request gets exactly one
 * reply, carrying its id exactly when the spec says; the runstate leaves preconfig only
 * through x-exit-preconfig. Must never fork or touch the file system. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emu/cli.h"
#include "emu/machine.h"
#include "emu/runstate.h"
#include "emu/vclock.h"
#include "fuzz/support.h"
#include "qmp/dispatch.h"
#include "qmp/events.h"
#include "qmp/monitor.h"

static bool exit_preconfig_ran;

static void gate_oracle(const qmp_command *cmd)
{
    if (!machine_phase_ready() && !(cmd->preconfig & DIALECT_BIT(cur_dialect->id))) {
        fuzz_fail("handler of '%s' ran before machine init in dialect %s", cmd->name,
                  cur_dialect->name);
    }
    if (!strcmp(cmd->name, "x-exit-preconfig") || !strcmp(cmd->name, "exit-preconfig")) {
        exit_preconfig_ran = true;
    }
}

static void transition_oracle(run_state from, run_state to)
{
    fuzz_fail("invalid runstate transition: '%s' -> '%s'", run_state_names[from],
              run_state_names[to]);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1) {
        return 0;
    }
    uint8_t mode = data[0];
    const char *dialect = (mode & 1) ? "7.2" : "3.0";
    char *argv[] = {"emu", "-M", "none", "--preconfig", "--dialect", (char *)dialect, "-S", NULL};
    int argc = (mode & 4) ? 7 : 6;
    if (cli_parse(argc, argv) >= 0) {
        fuzz_fail("command line rejected");
    }
    vclock_init(0);
    runstate_invalid_hook = transition_oracle;
    qmp_before_handler = gate_oracle;
    exit_preconfig_ran = false;

    static strbuf out;
    fuzz_monitor_setup(&out, (mode & 2) != 0);
    fuzz_monitor_input(data + 1, size - 1);
    fuzz_check_output(fuzz_monitor_output());
    if (!exit_preconfig_ran && machine_phase_ready()) {
        fuzz_fail("machine built without x-exit-preconfig");
    }
    if (!exit_preconfig_ran && cur_dialect->preconfig_runstate &&
        !runstate_check(RUN_STATE_PRECONFIG)) {
        fuzz_fail("left preconfig without x-exit-preconfig: %s", run_state_names[runstate_get()]);
    }
    fuzz_monitor_teardown();
    return 0;
}
