/* Command-line parsing in QEMU's spelling, with QEMU's messages (`emu: -foo: invalid option`).
 * Options are looked up in one table; checks across options run after the whole line parsed,
 * in QEMU's order. Must never open, fork or start anything: it only records. */
#include "emu/cli.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "emu/cli_util.h"
#include "emu/dialect.h"
#include "emu/gdbstub.h"
#include "emu/machine.h"
#include "emu/numa.h"
#include "emu/record.h"
#include "emu/runstate.h"
#include "emu/vclock.h"
#include "qmp/commands.h"

emu_options emu_opts;
/* ---- option handlers: return -1 to go on, or an exit status ---- */

static const char *machine_name_opt;
static const char *action_arg;
static bool no_shutdown, no_reboot, autostart_off;
static int hmat_arg = -1; /* -machine hmat=: -1 not given, 0 off, 1 on */

static int opt_machine(const char *arg)
{
    kvlist l;
    kv_parse(&l, arg, "type");
    int rc = -1;
    for (int i = 0; i < l.n; i++) {
        const char *k = l.items[i].key, *v = l.items[i].val;
        if (!strcmp(k, "type")) {
            free((char *)machine_name_opt);
            machine_name_opt = strdup(v);
        } else if (!strcmp(k, "accel")) {
            if (strcmp(v, "tcg") != 0) {
                rc = plain_error("invalid accelerator %s", v);
                break;
            }
        } else if (!strcmp(k, "hmat")) {
            /* a property of boards with NUMA (checked once the board is known) */
            if ((hmat_arg = on_off(v)) < 0) {
                rc = plain_error("Parameter 'hmat' expects 'on' or 'off'");
                break;
            }
        } else if (!strcmp(k, "dumpdtb")) {
            free((char *)machine_cfg.dumpdtb);
            machine_cfg.dumpdtb = strdup(v);
        } else {
            const char *mn = machine_name_opt ? machine_name_opt : "none";
            rc = plain_error("Property '%s-machine.%s' not found", mn, k);
            break;
        }
    }
    kv_free(&l);
    return rc;
}

static int opt_name(const char *arg)
{
    kvlist l;
    kv_parse(&l, arg, "guest");
    int rc = -1;
    for (int i = 0; i < l.n; i++) {
        const char *k = l.items[i].key;
        if (!strcmp(k, "guest")) {
            free((char *)emu_opts.name);
            emu_opts.name = strdup(l.items[i].val);
        } else if (strcmp(k, "process") != 0 && strcmp(k, "debug-threads") != 0) {
            rc = opt_error("Invalid parameter '%s'", k);
            break;
        }
    }
    kv_free(&l);
    return rc;
}

static int opt_uuid(const char *arg)
{
    static const int groups[] = {8, 4, 4, 4, 12};
    const char *p = arg;
    for (int g = 0; g < 5; g++) {
        for (int i = 0; i < groups[g]; i++, p++) {
            if (!isxdigit((unsigned char)*p)) {
                return opt_error("failed to parse UUID string: wrong format");
            }
        }
        if (g < 4 && *p++ != '-') {
            return opt_error("failed to parse UUID string: wrong format");
        }
    }
    if (*p) {
        return opt_error("failed to parse UUID string: wrong format");
    }
    for (int i = 0; i < 36; i++) {
        emu_opts.uuid[i] = (char)tolower((unsigned char)arg[i]);
    }
    emu_opts.uuid[36] = 0;
    return -1;
}

bool cli_parse_datetime(const char *s, int64_t *ns)
{
    int y, mo, d, h = 0, mi = 0, sec = 0, n = 0;
    if (sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2d%n", &y, &mo, &d, &h, &mi, &sec, &n) == 6 && !s[n]) {
        /* full form */
    } else if (n = 0, sscanf(s, "%4d-%2d-%2d%n", &y, &mo, &d, &n) == 3 && !s[n]) {
        h = mi = sec = 0;
    } else {
        return false;
    }
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 59 || y < 1970) {
        return false;
    }
    /* Days from civil (proleptic Gregorian), no host time zone involved. */
    int yy = y - (mo <= 2);
    int era = yy / 400;
    int yoe = yy - era * 400;
    int doy = (153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    int64_t days = (int64_t)era * 146097 + doe - 719468;
    *ns = ((days * 86400) + h * 3600 + mi * 60 + sec) * (int64_t)1000000000;
    return true;
}

static int opt_rtc(const char *arg)
{
    kvlist l;
    kv_parse(&l, arg, NULL);
    int rc = -1;
    for (int i = 0; i < l.n && rc < 0; i++) {
        const char *k = l.items[i].key, *v = l.items[i].val;
        if (!strcmp(k, "base")) {
            int64_t ns;
            if (!strcmp(v, "utc") || !strcmp(v, "localtime")) {
                /* Host time: read once at start-up (an input the recorder logs). */
                emu_opts.rtc_base = !strcmp(v, "utc") ? "utc" : "localtime";
            } else if (cli_parse_datetime(v, &ns)) {
                vclock_set_epoch_ns(ns);
                emu_opts.rtc_base = "fixed";
            } else {
                rc = plain_error("invalid datetime format\nvalid formats: "
                                 "'2006-06-17T16:01:21' or '2006-06-17'");
            }
        } else if (!strcmp(k, "clock")) {
            if (strcmp(v, "host") && strcmp(v, "rt") && strcmp(v, "vm")) {
                rc = plain_error("invalid option value '%s'", v);
            }
        } else if (!strcmp(k, "driftfix")) {
            if (strcmp(v, "none") && strcmp(v, "slew")) {
                rc = plain_error("invalid option value '%s'", v);
            }
        } else {
            rc = opt_error("Invalid parameter '%s'", k);
        }
    }
    kv_free(&l);
    return rc;
}

static int opt_action(const char *arg)
{
    kvlist l;
    kv_parse(&l, arg, NULL);
    int rc = -1;
    for (int i = 0; i < l.n && rc < 0; i++) {
        const char *k = l.items[i].key, *v = l.items[i].val;
        const char *const *names = NULL;
        int *slot = NULL;
        if (!strcmp(k, "shutdown")) {
            names = shutdown_action_names;
            slot = (int *)&rs_policy.shutdown;
        } else if (!strcmp(k, "reboot")) {
            names = reboot_action_names;
            slot = (int *)&rs_policy.reboot;
        } else if (!strcmp(k, "panic")) {
            names = panic_action_names;
            slot = (int *)&rs_policy.panic;
        } else if (!strcmp(k, "watchdog")) {
            names = watchdog_action_names;
            slot = (int *)&rs_policy.watchdog;
        } else {
            rc = opt_error("Invalid parameter '%s'", k);
            break;
        }
        int idx = qapi_enum_index(names, v);
        if (idx < 0) {
            rc = opt_error("Parameter '%s' does not accept value '%s'", k, v);
            break;
        }
        *slot = idx;
    }
    kv_free(&l);
    return rc;
}

static int opt_display(const char *arg)
{
    if (strcmp(arg, "none") != 0 && strncmp(arg, "none,", 5) != 0) {
        return plain_error("Display '%s' is not available (emu has only -display none)", arg);
    }
    return -1;
}

static uint64_t parse_size(const char *s, bool *ok)
{
    char *end;
    double v = strtod(s, &end);
    uint64_t mul = 1 << 20; /* QEMU's -m default unit is MiB */
    switch (*end) {
    case 0:
        break;
    case 'k':
    case 'K':
        mul = 1 << 10;
        end++;
        break;
    case 'm':
    case 'M':
        mul = 1 << 20;
        end++;
        break;
    case 'g':
    case 'G':
        mul = 1 << 30;
        end++;
        break;
    case 't':
    case 'T':
        mul = (uint64_t)1 << 40;
        end++;
        break;
    default:
        *ok = false;
        return 0;
    }
    *ok = !*end && end != s && v >= 0;
    return (uint64_t)(v * (double)mul);
}

static int opt_m(const char *arg)
{
    bool ok;
    const char *s = !strncmp(arg, "size=", 5) ? arg + 5 : arg;
    uint64_t sz = parse_size(s, &ok);
    if (!ok) {
        opt_error("Parameter 'size' expects a non-negative number below 2^64");
        fputs("Optional suffix k, M, G, T, P or E means kilo-, mega-, giga-, tera-, peta-\n"
              "and exabytes, respectively.\n",
              stderr);
        return 1;
    }
    if (sz) {
        machine_cfg.ram_size = sz;
    }
    return -1;
}

static int opt_icount(const char *arg)
{
    kvlist l;
    kv_parse(&l, arg, "shift");
    int rc = -1;
    for (int i = 0; i < l.n && rc < 0; i++) {
        const char *k = l.items[i].key, *v = l.items[i].val;
        if (!strcmp(k, "shift")) {
            char *end;
            long s = strtol(v, &end, 10);
            if (*end || s < 0 || s > 10) {
                rc = plain_error("icount: shift must be a number from 0 to 10 (got '%s')", v);
            } else {
                machine_cfg.icount_shift = (int)s;
            }
        } else if (strcmp(k, "align") && strcmp(k, "sleep") && strcmp(k, "rr") &&
                   strcmp(k, "rrfile")) {
            rc = opt_error("Invalid parameter '%s'", k);
        }
    }
    kv_free(&l);
    return rc;
}

static void print_help(void)
{
    printf("usage: emu [options]\n"
           "emu %s: a deterministic record/replay test-harness emulator with QEMU's QMP\n\n"
           "Machine\n"
           "  -M, -machine NAME[,accel=tcg]   board (-M help lists them)\n"
           "  -m SIZE          RAM size (MiB unless suffixed)\n"
           "  -smp N[,maxcpus=,sockets=,cores=,threads=]\n"
           "  -kernel FILE     guest image (ELF or raw); -bios none\n"
           "  -serial stdio|null|none|file:PATH   the UART (-nographic: stdio)\n"
           "  -icount shift=N  2^N ns of virtual time per instruction\n"
           "Start-up and runstates\n"
           "  -S               do not start the guest (prelaunch until 'cont')\n"
           "  --preconfig      pause before the board is built (x-exit-preconfig goes on)\n"
           "  -incoming defer|URI\n"
           "  -no-shutdown, -no-reboot\n"
           "  -action shutdown=poweroff|pause,reboot=reset|shutdown,panic=...  (7.2)\n"
           "  -watchdog-action reset|shutdown|poweroff|pause|debug|none|inject-nmi\n"
           "  -name NAME, -uuid UUID, -rtc base=utc|localtime|DATETIME\n"
           "Monitors\n"
           "  -qmp stdio|unix:PATH[,server=on][,wait=off]|tcp:HOST:PORT[,server=on][,wait=off]\n"
           "  -chardev socket,id=ID,path=PATH|host=H,port=P|fd=N[,server=on][,wait=off]\n"
           "  -mon chardev=ID,mode=control\n"
           "  -daemonize [-pidfile FILE]\n"
           "Debugging\n"
           "  -s, -gdb tcp:127.0.0.1:PORT   gdb stub (-s: port 1234); the guest waits for gdb\n"
           "Record and replay\n"
           "  emu --record TRACE OPTION...  run with OPTION... and record every input\n"
           "  emu --replay TRACE [-s|-gdb ...]  reproduce a recorded run, report divergence\n"
           "  emu trace info|dump|verify|diff ...  inspect traces\n"
           "Other\n"
           "  --dialect 3.0|7.2   QEMU behaviour to reproduce (default 3.0)\n"
           "  -nodefaults, -display none   accepted\n"
           "  --version, --help\n",
           EMU_VERSION);
}

static int list_machines(void)
{
    printf("Supported machines are:\n");
    for (int i = 0; machine_classes[i]; i++) {
        printf("%-20s %s%s\n", machine_classes[i]->name, machine_classes[i]->desc,
               machine_classes[i]->is_default ? " (default)" : "");
    }
    return 0;
}

/* ---- the option table ---- */

enum {
    OPT_NOARG,
    OPT_ARG
};

typedef struct option_def {
    const char *name;
    int has_arg;
    int (*handler)(const char *arg);
} option_def;

static int h_flag_S(const char *a)
{
    (void)a;
    autostart_off = true;
    return -1;
}
static int h_preconfig(const char *a)
{
    (void)a;
    emu_opts.preconfig = true;
    return -1;
}
static int h_incoming(const char *a)
{
    /* QEMU switches state while parsing options (hence 3.0's preconfig -> inmigrate). */
    if (!emu_opts.incoming) {
        runstate_set(RUN_STATE_INMIGRATE);
    }
    emu_opts.incoming = a;
    machine_incoming = a;
    return -1;
}
static int h_no_shutdown(const char *a)
{
    (void)a;
    no_shutdown = true;
    return -1;
}
static int h_no_reboot(const char *a)
{
    (void)a;
    no_reboot = true;
    return -1;
}
static int h_action(const char *a)
{
    action_arg = a;
    return -1;
}
static int h_nographic(const char *a)
{
    (void)a;
    emu_opts.nographic = true;
    return -1;
}
static int h_nodefaults(const char *a)
{
    (void)a;
    emu_opts.nodefaults = true;
    return -1;
}
static int h_watchdog_action(const char *a)
{
    int idx = qapi_enum_index(watchdog_action_names, a);
    if (idx < 0) {
        /* 3.0 checked the name at once; 6.0+ turns it into -action watchdog=. */
        return cur_dialect->has_action
                   ? opt_error("Parameter 'watchdog' does not accept value '%s'", a)
                   : opt_error("Unknown -watchdog-action parameter");
    }
    rs_policy.watchdog = (watchdog_action)idx;
    return -1;
}
static int h_daemonize(const char *a)
{
    (void)a;
    emu_opts.daemonize = true;
    return -1;
}
static int h_pidfile(const char *a)
{
    emu_opts.pidfile = a;
    return -1;
}
static const char *dialect_arg;
static int h_dialect(const char *a)
{
    dialect_arg = a;
    return -1;
}
static int h_version(const char *a)
{
    (void)a;
    printf("emu %s (QMP dialects: QEMU 3.0 and 7.2)\n", EMU_VERSION);
    return 0;
}
static int h_help(const char *a)
{
    (void)a;
    print_help();
    return 0;
}
static int h_kernel(const char *a)
{
    machine_cfg.kernel = a;
    return -1;
}
static int h_bios(const char *a)
{
    machine_cfg.bios = a;
    return -1;
}
static int h_serial(const char *a)
{
    machine_cfg.serial = a;
    return -1;
}

static int h_gdb_s(const char *a)
{
    (void)a;
    if (rr_mode != RR_REPLAY) { /* a replay takes its own -s/-gdb, not the recording's */
        gdbstub_port = 1234;
    }
    return -1;
}
static int h_gdb(const char *a)
{
    int keep = gdbstub_port;
    if (!gdbstub_parse(a)) {
        fprintf(stderr, "emu: -gdb %s: expected tcp:127.0.0.1:PORT\n", a);
        return 1;
    }
    if (rr_mode == RR_REPLAY) {
        gdbstub_port = keep;
    }
    return -1;
}

static const option_def options[] = {
    {"M", OPT_ARG, opt_machine},
    {"machine", OPT_ARG, opt_machine},
    {"S", OPT_NOARG, h_flag_S},
    {"preconfig", OPT_NOARG, h_preconfig},
    {"incoming", OPT_ARG, h_incoming},
    {"name", OPT_ARG, opt_name},
    {"uuid", OPT_ARG, opt_uuid},
    {"no-shutdown", OPT_NOARG, h_no_shutdown},
    {"no-reboot", OPT_NOARG, h_no_reboot},
    {"action", OPT_ARG, h_action},
    {"rtc", OPT_ARG, opt_rtc},
    {"qmp", OPT_ARG, opt_qmp},
    {"chardev", OPT_ARG, opt_chardev},
    {"mon", OPT_ARG, opt_mon},
    {"nodefaults", OPT_NOARG, h_nodefaults},
    {"nographic", OPT_NOARG, h_nographic},
    {"watchdog-action", OPT_ARG, h_watchdog_action},
    {"display", OPT_ARG, opt_display},
    {"daemonize", OPT_NOARG, h_daemonize},
    {"pidfile", OPT_ARG, h_pidfile},
    {"dialect", OPT_ARG, h_dialect},
    {"version", OPT_NOARG, h_version},
    {"help", OPT_NOARG, h_help},
    {"h", OPT_NOARG, h_help},
    {"m", OPT_ARG, opt_m},
    {"smp", OPT_ARG, opt_smp},
    {"numa", OPT_ARG, opt_numa},
    {"object", OPT_ARG, opt_object},
    {"kernel", OPT_ARG, h_kernel},
    {"bios", OPT_ARG, h_bios},
    {"icount", OPT_ARG, opt_icount},
    {"serial", OPT_ARG, h_serial},
    {"s", OPT_NOARG, h_gdb_s},
    {"gdb", OPT_ARG, h_gdb},
    {NULL, 0, NULL},
};

void cli_reset(void)
{
    for (int i = 0; i < emu_opts.nchardevs; i++) {
        chardev_opts *c = &emu_opts.chardevs[i];
        free(c->id);
        free(c->path);
        free(c->host);
        free(c->spec);
    }
    free((char *)emu_opts.name);
    free((char *)machine_name_opt);
    machine_name_opt = NULL;
    memset(&emu_opts, 0, sizeof(emu_opts));
    strcpy(emu_opts.uuid, "00000000-0000-0000-0000-000000000000");
    emu_opts.argv0 = "emu";
    action_arg = NULL;
    dialect_arg = NULL;
    no_shutdown = no_reboot = autostart_off = false;
    hmat_arg = -1;
    cli_numa_reset();
}

/* Cross-option checks, in QEMU's order (spec §4.7). */
static int validate(void)
{
    const dialect *d = cur_dialect;
    int stdio_count = 0;
    for (int i = 0; i < emu_opts.nchardevs; i++) {
        chardev_opts *c = &emu_opts.chardevs[i];
        if (c->kind != CHARDEV_STDIO) {
            continue;
        }
        cur_opt = !strcmp(c->optname, "qmp") ? "-qmp" : "-chardev";
        cur_arg = c->spec;
        if (emu_opts.daemonize) {
            return opt_error("cannot use stdio with -daemonize");
        }
        if (++stdio_count > 1) {
            return opt_error("cannot use stdio by multiple character devices");
        }
    }
    if (emu_opts.preconfig && emu_opts.incoming) {
        if (!d->preconfig_allows_incoming_defer || strcmp(emu_opts.incoming, "defer") != 0) {
            return plain_error("%s", d->preconfig_incoming_error);
        }
    }
    if (emu_opts.preconfig && emu_opts.daemonize && d->preconfig_refuses_daemonize) {
        return plain_error("'preconfig' and 'daemonize' options are mutually exclusive");
    }
    if (!machine_name_opt) {
        plain_error("No machine specified, and there is no default");
        fputs("Use -machine help to list supported machines\n", stderr);
        return 1;
    }
    if (!strcmp(machine_name_opt, "help") || !strcmp(machine_name_opt, "?")) {
        return list_machines();
    }
    machine_cfg.mc = machine_find(machine_name_opt);
    if (!machine_cfg.mc) {
        plain_error("unsupported machine type");
        fputs("Use -machine help to list supported machines\n", stderr);
        return 1;
    }
    if (hmat_arg >= 0) {
        /* QEMU's machines have "hmat" when they have NUMA, since 5.0 */
        if (!machine_cfg.mc->numa_supported || !d->has_hmat) {
            return plain_error("Property '%s-machine.hmat' not found", machine_cfg.mc->name);
        }
        numa_set_hmat(hmat_arg == 1);
    }
    return -1;
}

int cli_parse(int argc, char **argv)
{
    cli_reset();
    machine_reset_state();
    /* The dialect decides which options exist and the runstate defaults: find it first. */
    for (int i = 1; i < argc - 1; i++) {
        if (!strcmp(argv[i], "--dialect") || !strcmp(argv[i], "-dialect")) {
            dialect_arg = argv[i + 1];
        }
    }
    if (dialect_arg) {
        const dialect *d = dialect_by_name(dialect_arg);
        if (!d) {
            cur_opt = "--dialect";
            cur_arg = dialect_arg;
            return opt_error("unknown dialect (known: 3.0, 7.2)");
        }
        cur_dialect = d;
    } else {
        cur_dialect = &dialects[DIALECT_3_0];
    }
    runstate_init(cur_dialect);
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        cur_opt = a;
        cur_arg = NULL;
        if (a[0] != '-' || !a[1]) {
            cur_opt = a;
            return opt_error("emu takes no drive image arguments (emu has no block devices)");
        }
        const char *name = a + 1;
        if (name[0] == '-') {
            name++;
        }
        const option_def *o = options;
        while (o->name && strcmp(o->name, name) != 0) {
            o++;
        }
        if (!o->name || (!strcmp(o->name, "action") && !cur_dialect->has_action)) {
            return opt_error("invalid option");
        }
        const char *arg = NULL;
        if (o->has_arg == OPT_ARG) {
            if (i + 1 >= argc) {
                return opt_error("requires an argument");
            }
            arg = argv[++i];
            cur_arg = arg;
        }
        int rc = o->handler(arg);
        if (rc >= 0) {
            return rc;
        }
    }
    cur_opt = NULL;
    cur_arg = NULL;
    /* -no-shutdown/-no-reboot are shorthands for -action (applied before -action itself,
     * which QEMU processes after all options). */
    if (no_shutdown) {
        rs_policy.shutdown = SHUTDOWN_ACTION_PAUSE;
    }
    if (no_reboot) {
        rs_policy.reboot = REBOOT_ACTION_SHUTDOWN;
    }
    if (action_arg) {
        cur_opt = "-action";
        cur_arg = action_arg;
        int rc = opt_action(action_arg);
        if (rc >= 0) {
            return rc;
        }
    }
    rs_policy.autostart = !autostart_off;
    return validate();
}
