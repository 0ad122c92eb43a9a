/* Machine registry and lifecycle: board init on leaving preconfig, reset, autostart.
 * Must never build a board twice. */
#include "emu/machine.h"

#include <stdio.h>
#include <string.h>

#include "emu/runstate.h"

extern const machine_class machine_none;

const machine_class *const machine_classes[] = {
    &machine_none,
    NULL,
};

machine_config machine_cfg;
const char *machine_incoming;
static bool phase_ready;

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
    machine_incoming = NULL;
    memset(&machine_cfg, 0, sizeof(machine_cfg));
    machine_cfg.ram_size = 128u << 20;
    machine_cfg.smp_cpus = 1;
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
        fprintf(stderr, "emu: %s\n", err.buf ? err.buf : "machine init failed");
        sb_free(&err);
        return false;
    }
    sb_free(&err);
    phase_ready = true;
    /* The power-on reset raises no event (cause none). */
    if (mc->reset) {
        mc->reset();
    }
    if (!machine_incoming && rs_policy.autostart) {
        vm_start();
    }
    return true;
}
