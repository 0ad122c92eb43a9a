/* Machine registry and lifecycle: board init on leaving preconfig, reset, autostart.
 * Must never build a board twice. */
#include "emu/machine.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emu/cli.h"
#include "emu/dialect.h"
#include "emu/hostmem.h"
#include "emu/numa.h"
#include "emu/record.h"
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
static int startup_exit_status = 1;

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
    startup_exit_status = 1;
    machine_incoming = NULL;
    free((char *)machine_cfg.dumpdtb);
    memset(&machine_cfg, 0, sizeof(machine_cfg));
    machine_cfg.ram_size = 128u << 20;
    machine_cfg.smp_cpus = 1;
    numa_reset();
    hostmem_reset();
}

enum {
    SMP_CPUS,
    SMP_MAXCPUS,
    SMP_SOCKETS,
    SMP_DIES,
    SMP_CLUSTERS,
    SMP_CORES,
    SMP_THREADS
};

static unsigned smp_get(int key, int value)
{
    return (machine_cfg.smp_given & (1u << key)) ? (unsigned)value : 0;
}

/* The board's limit, then the computed topology. Beyond QEMU's limit QEMU's message; beyond
 * only emu's (virt: 8 harts, QEMU 7.2's 512) emu's own. */
static bool smp_commit(const machine_class *mc, unsigned cpus, unsigned maxcpus, unsigned sockets,
                       unsigned cores, unsigned threads)
{
    int qemu_max = mc && mc->qemu_max_cpus && !cur_dialect->smp_legacy ? mc->qemu_max_cpus : 0;
    if (qemu_max && maxcpus > (unsigned)mc->max_cpus && maxcpus <= (unsigned)qemu_max) {
        fprintf(stderr,
                "emu: Invalid SMP CPUs %d: emu's '%s' board has at most %d CPUs (QEMU's has %d)\n",
                (int)maxcpus, mc->name, mc->max_cpus, qemu_max);
        return false;
    }
    if (qemu_max && maxcpus > (unsigned)qemu_max) {
        fprintf(stderr, "emu: Invalid SMP CPUs %d. The max CPUs supported by machine '%s' is %d\n",
                (int)maxcpus, mc->name, qemu_max);
        return false;
    }
    if (mc && (maxcpus > (unsigned)mc->max_cpus)) {
        fprintf(stderr, "emu: Invalid SMP CPUs %d. The max CPUs supported by machine '%s' is %d\n",
                (int)maxcpus, mc->name, mc->max_cpus);
        return false;
    }
    machine_config *c = &machine_cfg;
    c->smp_cpus = (int)cpus;
    c->smp_maxcpus = (int)maxcpus;
    c->smp_sockets = (int)sockets;
    c->smp_cores = (int)cores;
    c->smp_threads = (int)threads;
    return true;
}

/* QEMU 7.2's machine_parse_smp_config (hw/core/machine-smp.c), for a board without dies or
 * clusters: cores are preferred over sockets. */
static bool smp_parse_72(const machine_class *mc)
{
    machine_config *c = &machine_cfg;
    unsigned cpus = smp_get(SMP_CPUS, c->smp_cpus), maxcpus = smp_get(SMP_MAXCPUS, c->smp_maxcpus);
    unsigned sockets = smp_get(SMP_SOCKETS, c->smp_sockets);
    unsigned dies = smp_get(SMP_DIES, c->smp_dies);
    unsigned clusters = smp_get(SMP_CLUSTERS, c->smp_clusters);
    unsigned cores = smp_get(SMP_CORES, c->smp_cores);
    unsigned threads = smp_get(SMP_THREADS, c->smp_threads);
    if (c->smp_has_zero) {
        fprintf(stderr, "emu: warning: Deprecated CPU topology (considered invalid): CPU topology "
                        "parameters must be greater than zero\n");
    }
    if (dies > 1) {
        fprintf(stderr, "emu: dies not supported by this machine's CPU topology\n");
        return false;
    }
    if (clusters > 1) {
        fprintf(stderr, "emu: clusters not supported by this machine's CPU topology\n");
        return false;
    }
    if (cpus == 0 && maxcpus == 0) {
        sockets = sockets ? sockets : 1;
        cores = cores ? cores : 1;
        threads = threads ? threads : 1;
    } else {
        maxcpus = maxcpus ? maxcpus : cpus;
        if (cores == 0) {
            sockets = sockets ? sockets : 1;
            threads = threads ? threads : 1;
            cores = maxcpus / (sockets * threads);
        } else if (sockets == 0) {
            threads = threads ? threads : 1;
            sockets = maxcpus / (cores * threads);
        }
        if (threads == 0) {
            threads = maxcpus / (sockets * cores);
        }
    }
    maxcpus = maxcpus ? maxcpus : sockets * cores * threads;
    cpus = cpus ? cpus : maxcpus;
    if (sockets * cores * threads != maxcpus) {
        fprintf(stderr,
                "emu: Invalid CPU topology: product of the hierarchy must match maxcpus: "
                "sockets (%u) * cores (%u) * threads (%u) != maxcpus (%u)\n",
                sockets, cores, threads, maxcpus);
        return false;
    }
    if (maxcpus < cpus) {
        fprintf(stderr,
                "emu: Invalid CPU topology: maxcpus must be equal to or greater than smp: "
                "sockets (%u) * cores (%u) * threads (%u) == maxcpus (%u) < smp_cpus (%u)\n",
                sockets, cores, threads, maxcpus, cpus);
        return false;
    }
    return smp_commit(mc, cpus, maxcpus, sockets, cores, threads);
}

/* QEMU 3.0's smp_parse (vl.c): sockets are preferred over cores. */
static bool smp_parse_30(const machine_class *mc)
{
    machine_config *c = &machine_cfg;
    unsigned cpus = smp_get(SMP_CPUS, c->smp_cpus);
    unsigned sockets = smp_get(SMP_SOCKETS, c->smp_sockets);
    unsigned cores = smp_get(SMP_CORES, c->smp_cores);
    unsigned threads = smp_get(SMP_THREADS, c->smp_threads);
    unsigned maxcpus;
    if (!c->smp_given) {
        cpus = sockets = cores = threads = 1;
    } else if (cpus == 0 || sockets == 0) {
        cores = cores ? cores : 1;
        threads = threads ? threads : 1;
        if (cpus == 0) {
            sockets = sockets ? sockets : 1;
            cpus = cores * threads * sockets;
        } else {
            maxcpus = smp_get(SMP_MAXCPUS, c->smp_maxcpus) ? (unsigned)c->smp_maxcpus : cpus;
            sockets = maxcpus / (cores * threads);
        }
    } else if (cores == 0) {
        threads = threads ? threads : 1;
        cores = cpus / (sockets * threads);
        cores = cores ? cores : 1;
    } else if (threads == 0) {
        threads = cpus / (cores * sockets);
        threads = threads ? threads : 1;
    } else if (sockets * cores * threads < cpus) {
        fprintf(stderr,
                "emu: cpu topology: sockets (%u) * cores (%u) * threads (%u) < smp_cpus (%u)\n",
                sockets, cores, threads, cpus);
        return false;
    }
    maxcpus = (c->smp_given & (1u << SMP_MAXCPUS)) ? (unsigned)c->smp_maxcpus : cpus;
    if (maxcpus < cpus) {
        fprintf(stderr, "emu: maxcpus must be equal to or greater than smp\n");
        return false;
    }
    if (sockets * cores * threads > maxcpus) {
        fprintf(stderr,
                "emu: cpu topology: sockets (%u) * cores (%u) * threads (%u) > maxcpus (%u)\n",
                sockets, cores, threads, maxcpus);
        return false;
    }
    if (sockets * cores * threads != maxcpus) {
        fprintf(stderr,
                "emu: warning: Invalid CPU topology deprecated: sockets (%u) * cores (%u) * "
                "threads (%u) != maxcpus (%u)\n",
                sockets, cores, threads, maxcpus);
    }
    return smp_commit(mc, cpus, maxcpus, sockets, cores, threads);
}

bool machine_check_config(void)
{
    if (!machine_cfg.smp_given) {
        /* no -smp: what the configuration holds (unit tests set the fields directly) */
        machine_cfg.smp_given = 1u << SMP_CPUS;
        if (machine_cfg.smp_maxcpus) {
            machine_cfg.smp_given |= 1u << SMP_MAXCPUS;
        }
    }
    return cur_dialect->smp_legacy ? smp_parse_30(machine_cfg.mc) : smp_parse_72(machine_cfg.mc);
}

bool machine_phase_ready(void)
{
    return phase_ready;
}

/* QEMU's qemu_fdt_dumpdtb: write the blob and exit 0 with an info line, or exit 1. Messages
 * inside a monitor command (7.2's x-exit-preconfig) go without the program name, as QEMU's
 * error_report does there. Without --preconfig the board is built before the monitors greet
 * (QEMU greets first): the exit is left to the caller (machine_startup_exit_status). A replay
 * writes no file and ends as the recorded run did. */

static void dump_dtb_and_exit(const void *blob, size_t len)
{
    const char *path = machine_cfg.dumpdtb;
    const char *prog = machine_stderr_prefix();
    bool ok = false;
    if (rr_mode != RR_REPLAY) {
        FILE *f = fopen(path, "wb");
        if (f) {
            ok = fwrite(blob, 1, len, f) == len;
            ok = fclose(f) == 0 && ok;
        }
    }
    ok = record_dumpdtb_result(!ok) == 0;
    if (!ok) {
        fprintf(stderr, "%sqemu_fdt_dumpdtb: Failed dumping dtb to %s\n", prog, path);
    } else {
        fprintf(stderr, "%sinfo: dtb dumped to %s. Exiting.\n", prog, path);
    }
    startup_exit_status = ok ? 0 : 1;
    if (emu_opts.preconfig) {
        emu_fatal_exit(startup_exit_status);
    }
}

int machine_startup_exit_status(void)
{
    return startup_exit_status;
}

const char *machine_stderr_prefix(void)
{
    return in_command ? "" : "emu: ";
}

bool machine_create_and_start(void)
{
    const machine_class *mc = machine_cfg.mc;
    /* QEMU completes the NUMA configuration before the board's own init. */
    if (!numa_finalize()) {
        return false;
    }
    strbuf err;
    sb_init(&err);
    if (mc->init && !mc->init(&machine_cfg, &err)) {
        fprintf(stderr, "%s%s\n", machine_stderr_prefix(),
                err.buf ? err.buf : "machine init failed");
        sb_free(&err);
        return false;
    }
    size_t fdt_len = 0;
    const void *fdt = machine_cfg.dumpdtb && mc->fdt ? mc->fdt(&fdt_len) : NULL;
    if (fdt) {
        dump_dtb_and_exit(fdt, fdt_len);
        return false; /* the board is not started; the caller exits */
    }
    if (mc->check_images && !mc->check_images(&machine_cfg, &err)) {
        fprintf(stderr, "%s%s\n", machine_stderr_prefix(), err.buf);
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
