/* Machine construction: the registry of boards (-M), the configuration gathered before the
 * board is built (CLI and preconfig QMP), and the board-init hook that leaving preconfig runs.
 * Must never build a board twice, nor before the preconfig phase is over. */
#ifndef EMU_MACHINE_H
#define EMU_MACHINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "emu/strbuf.h"
#include "qmp/json.h"

typedef struct machine_config {
    const struct machine_class *mc;
    uint64_t ram_size;
    /* -smp as given (0: not given) until machine_check_config computes the topology. */
    int smp_cpus, smp_maxcpus, smp_sockets, smp_dies, smp_clusters, smp_cores, smp_threads;
    unsigned smp_given; /* bit per key given, in opt_smp's key order */
    bool smp_has_zero;  /* a key given as 0 (7.2 warns) */
    const char *kernel;
    const char *bios;
    int icount_shift;
    const char *serial;  /* -serial spec or NULL */
    const char *dumpdtb; /* -machine dumpdtb=FILE: write the device tree at board build, exit */
} machine_config;

typedef struct machine_class {
    const char *name;
    const char *desc;
    bool is_default;
    int max_cpus;
    /* QEMU 7.2's limit where emu's board has fewer CPUs (0: the same); QEMU 3.0's riscv virt
     * had emu's 8. */
    int qemu_max_cpus;
    bool hotpluggable_cpus;
    /* set-numa-node and -numa work (QEMU: the board has possible CPUs and a default node);
     * false: "NUMA is not supported by this machine-type". */
    bool numa_supported;
    bool numa_mem_supported;
    bool wakeup_supported;
    const char *default_ram_id;
    const char *default_cpu_type;
    bool has_serial; /* a serial port (-nographic puts it on stdio) */
    /* Board init: builds the board from cfg. false (with err filled) on failure. */
    bool (*init)(const machine_config *cfg, strbuf *err);
    /* The board's flattened device tree once built (NULL: the board has none; then -machine
     * dumpdtb is ignored, as QEMU ignores it for boards without one). */
    const void *(*fdt)(size_t *len);
    /* QEMU's last check of a built machine, after -machine dumpdtb had its turn: the images
     * loaded into guest memory must not overlap. false (with err filled) when they do. NULL:
     * nothing to check. */
    bool (*check_images)(const machine_config *cfg, strbuf *err);
    /* Device reset (system_reset, reset requests). */
    void (*reset)(void);
    /* Runs the harts for at most budget instructions; returns retired instructions, 0 when
     * every hart waits for an interrupt. NULL: no CPUs. */
    uint64_t (*run)(uint64_t budget);
    /* After each slice, with the virtual clock already advanced: act on what the guest asked
     * for (power off, reset, panic, suspend, watchdog) through the runstate machine. */
    void (*after_slice)(void);
    /* Between slices: hand pending host input (serial) to the devices. */
    void (*feed_input)(void);
    /* The board's next device deadline in virtual ns (UINT64_MAX: none), and the idle jump
     * that keeps the board's clock in step with the virtual clock. */
    uint64_t (*next_deadline_ns)(void);
    void (*jump_to_ns)(uint64_t ns);
    /* query-cpus-fast entries (NULL: none). */
    json_value *(*query_cpus_fast)(void);
    /* query-hotpluggable-cpus entries, also before the board exists (NULL: QEMU's "feature
     * not enabled" error). */
    json_value *(*query_hotpluggable_cpus)(void);
    void (*powerdown)(void);
    void (*wakeup)(void);
    void (*suspend)(void);
    void (*teardown)(void);
} machine_class;

extern const machine_class *const machine_classes[];
extern machine_config machine_cfg;

const machine_class *machine_find(const char *name);
const machine_class *machine_default(void);

/* Checks the configuration against the board class after the command line is parsed
 * (QEMU's -smp limits). Prints QEMU's message and returns false on error. */
bool machine_check_config(void);
/* The virt board once -M virt is built, else NULL (record/replay digests and reports). */
struct virt_board *machine_virt_board(void);
/* Resets all machine state (new run or fuzz iteration). */
void machine_reset_state(void);
/* The machine phase: false until the board is built (the preconfig gate). */
bool machine_phase_ready(void);
/* -incoming given (and its URI). */
extern const char *machine_incoming;
/* Builds the board (board init + reset), then starts the VM per -S/-incoming.
 * On a board-init error: prints it to stderr as emu does and returns false (caller exits 1). */
bool machine_create_and_start(void);
/* Start-up without --preconfig: in 3.0 through the preconfig loop's first pass (the exit is
 * already requested), in 7.2 straight to machine_create_and_start(). False: emu exits 1. */
bool machine_start_without_preconfig(void);
/* The same from inside a QMP command (7.2's x-exit-preconfig): errors are printed without the
 * program-name prefix, as QEMU's error_report does in a monitor command. */
bool machine_create_and_start_in_command(void);
/* The exit status after machine_create_and_start() returned false at start-up: 1 (the board
 * could not be built, the message printed), or that of -machine dumpdtb (0 once written). */
int machine_startup_exit_status(void);
/* What QEMU's error_report puts before a board-build message: "emu: " at start-up, nothing
 * inside a QMP command (7.2's x-exit-preconfig). */
const char *machine_stderr_prefix(void);
/* Device reset (power-on, system_reset, reset requests); counted, so that the main loop can
 * tell that the guest restarted. */
void machine_reset(void);
uint64_t machine_reset_count(void);
/* Sets the runstate machine's hooks (rs_hooks) to this layer: device reset, powerdown,
 * suspend, wakeup, and building the board when 3.0 leaves preconfig. */
void machine_connect_runstate(void);
/* The board runs guest code now: built, with CPUs, and the runstate is running. */
bool machine_guest_runs(void);

#endif
