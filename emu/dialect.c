/* The dialect table: every behavioural difference between QEMU 3.0 and 7.2 that emu models,
 * with the exact strings of each (spec §3.3, §4.5, §4.7). Must never hold run-time state. */
#include "emu/dialect.h"

#include <string.h>

const dialect dialects[DIALECT__COUNT] = {
    [DIALECT_3_0] =
        {
            .id = DIALECT_3_0,
            .name = "3.0",
            .major = 3,
            .minor = 0,
            .micro = 0,
            .preconfig_runstate = true,
            .offers_oob = false,
            .request_events_before_return = false,
            .exit_preconfig_sync = false,
            .shutdown_reason = false,
            .quit_in_preconfig = false,
            .disabled_is_command_not_found = false,
            .wakeup_errors = false,
            .cont_checks_finish_migrate = false,
            .has_action = false,
            .preconfig_refuses_daemonize = true,
            .preconfig_allows_incoming_defer = false,
            .panic_double_event = true,
            .cpu_info_props_target = false,
            .hart_qom_parent = "/machine/soc",
            .numa_legacy_mem = true,
            .smp_legacy = true,
            .has_hmat = false,
            .gate_fmt = "The command '%s' isn't permitted in 'preconfig' state",
            .exit_preconfig_error = "The command is permitted only in 'preconfig' state",
            .numa_after_error = "The command is permitted only in 'preconfig' state",
            .preconfig_incoming_error = "'preconfig' and 'incoming' options are mutually exclusive",
        },
    [DIALECT_7_2] =
        {
            .id = DIALECT_7_2,
            .name = "7.2",
            .major = 7,
            .minor = 2,
            .micro = 0,
            .preconfig_runstate = false,
            .offers_oob = true,
            .request_events_before_return = true,
            .exit_preconfig_sync = true,
            .shutdown_reason = true,
            .quit_in_preconfig = true,
            .disabled_is_command_not_found = true,
            .wakeup_errors = true,
            .cont_checks_finish_migrate = true,
            .has_action = true,
            .preconfig_refuses_daemonize = false,
            .preconfig_allows_incoming_defer = true,
            .panic_double_event = false,
            .cpu_info_props_target = true,
            .hart_qom_parent = "/machine/soc0",
            .numa_legacy_mem = false,
            .smp_legacy = false,
            .has_hmat = true,
            .gate_fmt = "The command '%s' is permitted only after machine initialization has "
                        "completed",
            .exit_preconfig_error = "The command is permitted only before machine initialization",
            .numa_after_error = "The command is permitted only before the machine has been created",
            .preconfig_incoming_error = "'preconfig' supports '-incoming defer' only",
        },
};

const dialect *cur_dialect = &dialects[DIALECT_3_0];

const dialect *dialect_by_name(const char *name)
{
    for (int i = 0; i < DIALECT__COUNT; i++) {
        if (!strcmp(dialects[i].name, name)) {
            return &dialects[i];
        }
    }
    return NULL;
}
