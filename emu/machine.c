/* Machine registry and lifecycle: board init on leaving preconfig, reset, autostart.
 * Must never build a board twice. */
#include "emu/machine.h"

#include <stdio.h>
#include <string.h>

#include "emu/runstate.h"

extern const machine_class machine_none;
extern const machine_class machine_virt;

const machine_class *const machine_classes[] = {
    &machine_none,
    &machine_virt,
    NULL,
};

machine_config machine_cfg;
const char *machine_incoming;
static bool phase_ready;
static bool in_command;
static uint64_t resets;

const machine_class *machine_find(const char *name)
{
    for (int i = 0; machine_classes[i]; i++) {
        if (!strcmp(machine_classes[i]->name, name)) {
            return machine_classes[i];
        }
    }
    return NULL;
}

const machine_class *machine_default(void)
{
    for (int i = 0; machine_classes[i]; i++) {
        if (machine_classes[i]->is_default) {
            return machine_classes[i];
        }
    }
    return machine_classes[0];
}

void machine_reset_state(void)
{
    if (phase_ready && machine_cfg.mc && machine_cfg.mc->teardown) {
        machine_cfg.mc->teardown();
    }
    phase_ready = false;
    resets = 0;
    machine_incoming = NULL;
    memset(&machine_cfg, 0, sizeof(machine_cfg));
    machine_cfg.ram_size = 128u << 20;
    machine_cfg.smp_cpus = 1;
}

bool machine_check_config(void)
{
    const machine_class *mc = machine_cfg.mc;
    int cpus = machine_cfg.smp_cpus, max = machine_cfg.smp_maxcpus;
    if (max && max < cpus) {
        fprintf(stderr, "emu: maxcpus must be equal to or greater than smp\n");
        return false;
    }
    if (max < cpus) {
        max = cpus;
    }
    if (mc && max > mc->max_cpus) {
        fprintf(stderr, "emu: Invalid SMP CPUs %d. The max CPUs supported by machine '%s' is %d\n",
                max, mc->name, mc->max_cpus);
        return false;
    }
    return true;
}

bool machine_phase_ready(void)
{
    return phase_ready;
}

bool machine_create_and_start(void)
{
    const machine_class *mc = machine_cfg.mc;
    strbuf err;
    sb_init(&err);
    if (mc->init && !mc->init(&machine_cfg, &err)) {
        fprintf(stderr, "%s%s\n",
                in_command ? "" : "emu: ", err.buf ? err.buf : "machine init failed");
        sb_free(&err);
        return false;
    }
    sb_free(&err);
    phase_ready = true;
    /* The power-on reset raises no event (cause none). */
    machine_reset();
    if (!machine_incoming && rs_policy.autostart) {
        vm_start();
    }
    return true;
}

bool machine_start_without_preconfig(void)
{
    if (cur_dialect->preconfig_runstate) {
        /* 3.0: the preconfig loop's first pass finds the exit already requested. */
        request_exit_preconfig();
        int st = 0;
        return !runstate_process_requests(&st);
    }
    return machine_create_and_start();
}

bool machine_create_and_start_in_command(void)
{
    in_command = true;
    bool ok = machine_create_and_start();
    in_command = false;
    return ok;
}

void machine_reset(void)
{
    resets++;
    if (phase_ready && machine_cfg.mc && machine_cfg.mc->reset) {
        machine_cfg.mc->reset();
    }
}

uint64_t machine_reset_count(void)
{
    return resets;
}

static void reset_devices(shutdown_cause cause)
{
    (void)cause;
    if (phase_ready) {
        machine_reset();
    }
}

#define BOARD_HOOK(fn, member)                                                                     \
    static void fn(void)                                                                           \
    {                                                                                              \
        if (phase_ready && machine_cfg.mc->member) {                                               \
            machine_cfg.mc->member();                                                              \
        }                                                                                          \
    }
BOARD_HOOK(board_powerdown, powerdown)
BOARD_HOOK(board_wakeup, wakeup)
BOARD_HOOK(board_suspend, suspend)
#undef BOARD_HOOK

void machine_connect_runstate(void)
{
    rs_hooks = (runstate_hooks){
        .reset_devices = reset_devices,
        .powerdown = board_powerdown,
        .wakeup = board_wakeup,
        .suspend = board_suspend,
        .leave_preconfig = machine_create_and_start,
    };
}

bool machine_guest_runs(void)
{
    return phase_ready && machine_cfg.mc && machine_cfg.mc->run && runstate_is_running();
}
