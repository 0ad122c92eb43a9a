/* The two QEMU behaviours emu reproduces (3.0, the seed's; 7.2, Debian's) as data.
 * Every place where the dialects differ reads a field here: no code may test a version number.
 * Must never hold mutable state. */
#ifndef EMU_DIALECT_H
#define EMU_DIALECT_H

#include <stdbool.h>

typedef enum dialect_id {
    DIALECT_3_0,
    DIALECT_7_2,
    DIALECT__COUNT,
} dialect_id;

#define DIALECT_BIT(d) (1u << (d))
#define DIALECTS_ALL   (DIALECT_BIT(DIALECT_3_0) | DIALECT_BIT(DIALECT_7_2))

typedef struct dialect {
    dialect_id id;
    const char *name; /* "3.0" */
    int major, minor, micro;
    /* There is a 'preconfig' runstate (3.0) rather than a machine phase (6.0+). */
    bool preconfig_runstate;
    /* Greeting offers "oob". */
    bool offers_oob;
    /* Events raised by main-loop requests (RESET, SHUTDOWN, POWERDOWN) go out before the
     * command's return (7.2, observed), or after it (3.0). */
    bool request_events_before_return;
    /* x-exit-preconfig builds the machine inside the command (RESUME before the return). */
    bool exit_preconfig_sync;
    /* SHUTDOWN/RESET carry "reason". */
    bool shutdown_reason;
    /* quit is allowed in preconfig. */
    bool quit_in_preconfig;
    /* A disabled command is CommandNotFound (4.x+) rather than GenericError. */
    bool disabled_is_command_not_found;
    /* system_wakeup reports errors (4.0+) rather than silently doing nothing. */
    bool wakeup_errors;
    /* cont refuses finish-migrate (4.1+). */
    bool cont_checks_finish_migrate;
    /* -action and set-action exist (6.0+). */
    bool has_action;
    /* --preconfig with -daemonize is refused (3.0-5.x). */
    bool preconfig_refuses_daemonize;
    /* -incoming with --preconfig: refused entirely (3.0) or only non-defer (6.0+). */
    bool preconfig_allows_incoming_defer;
    /* 3.0 guest panic emits GUEST_PANICKED(pause) then, unless -no-shutdown, a second
     * GUEST_PANICKED(poweroff) and a shutdown. */
    bool panic_double_event;
    /* query-cpus-fast entries carry "props" and "target" (7.2) rather than "arch" (3.0, whose
     * riscv boards had no CPU slots), and the harts' QOM parent ("soc0" per NUMA socket in
     * 7.2, one "soc" in 3.0). */
    bool cpu_info_props_target;
    const char *hart_qom_parent;
    /* NUMA memory as QEMU 3.0's machine types had it: mem= and memdev= checked per call and by
     * the first node ("cannot specify both...", "memdev option must be specified for either
     * all or no nodes"), RAM split among nodes given none, no deprecation warning for mem=. */
    bool numa_legacy_mem;
    /* -smp as QEMU 3.0's vl.c parsed it (sockets preferred, its messages, no dies/clusters,
     * QemuOpts errors at the option) rather than 7.2's machine-smp.c. */
    bool smp_legacy;
    /* -machine hmat=, set-numa-node hmat-lb/hmat-cache and node initiator= exist (5.0+). */
    bool has_hmat;
    const char *gate_fmt;             /* %s = command name */
    const char *exit_preconfig_error; /* x-exit-preconfig when not allowed */
    const char *numa_after_error;     /* set-numa-node after machine creation */
    const char *preconfig_incoming_error;
} dialect;

extern const dialect dialects[DIALECT__COUNT];

/* The dialect of this run (set once from the command line). */
extern const dialect *cur_dialect;

const dialect *dialect_by_name(const char *name);

#endif
