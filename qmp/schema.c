/* The schema itself: types, commands and events of both dialects, declared once.
 * Adding a command means one row in qmp_commands[] and its handler; nothing else lists
 * commands. Must never contain behaviour beyond declarations and lookups. */
#include "qmp/schema.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "qmp/commands.h"

#define D30  DIALECT_BIT(DIALECT_3_0)
#define D72  DIALECT_BIT(DIALECT_7_2)
#define DALL DIALECTS_ALL

const char *const error_class_names[] = {
    "GenericError", "CommandNotFound", "DeviceNotActive", "DeviceNotFound", "KVMMissingCap",
};

/* ---- builtins ---- */
static const qtype t_any = {.kind = QT_ANY, .name = "any"};
static const qtype t_str = {.kind = QT_STR, .name = "str"};
static const qtype t_bool = {.kind = QT_BOOL, .name = "bool"};
static const qtype t_int = {.kind = QT_INT, .name = "int"};
static const qtype t_uint8 = {.kind = QT_UINT8, .name = "uint8"};
static const qtype t_uint16 = {.kind = QT_UINT16, .name = "uint16"};
static const qtype t_uint32 = {.kind = QT_UINT32, .name = "uint32"};
static const qtype t_uint64 = {.kind = QT_UINT64, .name = "uint64"};
static const qtype t_size = {.kind = QT_SIZE, .name = "size"};

#define ENUM(var, nm, ...)                                                                         \
    static const char *const var##_values[] = {__VA_ARGS__, NULL};                                 \
    static const qtype var = {.kind = QT_ENUM, .name = nm, .values = var##_values}
#define ARRAY(var, elemtype)                                                                       \
    static const qtype var = {.kind = QT_ARRAY, .name = "[" #elemtype "]", .elem = &elemtype}
#define OBJECT(var, nm, ...)                                                                       \
    static const qmember var##_members[] = {__VA_ARGS__, {0}};                                     \
    static const qtype var = {.kind = QT_OBJECT, .name = nm, .members = var##_members}

static const qmember no_members[] = {{0}};
const qtype qmp_empty_type = {.kind = QT_OBJECT, .name = "q_empty", .members = no_members};
#define t_empty qmp_empty_type

/* ---- enums ---- */
ENUM(t_qmp_capability, "QMPCapability", "oob");
ENUM(t_run_state_30, "RunState", "debug", "inmigrate", "internal-error", "io-error", "paused",
     "postmigrate", "prelaunch", "finish-migrate", "restore-vm", "running", "save-vm", "shutdown",
     "suspended", "watchdog", "guest-panicked", "colo", "preconfig");
ENUM(t_run_state_72, "RunState", "debug", "inmigrate", "internal-error", "io-error", "paused",
     "postmigrate", "prelaunch", "finish-migrate", "restore-vm", "running", "save-vm", "shutdown",
     "suspended", "watchdog", "guest-panicked", "colo");
ENUM(t_shutdown_cause, "ShutdownCause", "none", "host-error", "host-qmp-quit",
     "host-qmp-system-reset", "host-signal", "host-ui", "guest-shutdown", "guest-reset",
     "guest-panic", "subsystem-reset", "snapshot-load");
ENUM(t_reboot_action, "RebootAction", "reset", "shutdown");
ENUM(t_shutdown_action, "ShutdownAction", "poweroff", "pause");
ENUM(t_panic_action, "PanicAction", "pause", "shutdown", "exit-failure", "none");
ENUM(t_watchdog_action, "WatchdogAction", "reset", "shutdown", "poweroff", "pause", "debug", "none",
     "inject-nmi");
ENUM(t_guest_panic_action, "GuestPanicAction", "pause", "poweroff", "run");
/* 3.0 had no HMAT (5.0): hmat-lb and hmat-cache are not values of its NumaOptionsType */
ENUM(t_numa_options_type_30, "NumaOptionsType", "node", "dist", "cpu");
ENUM(t_numa_options_type, "NumaOptionsType", "node", "dist", "cpu", "hmat-lb", "hmat-cache");
ENUM(t_hmat_lb_hierarchy, "HmatLBMemoryHierarchy", "memory", "first-level", "second-level",
     "third-level");
ENUM(t_hmat_lb_data_type, "HmatLBDataType", "access-latency", "read-latency", "write-latency",
     "access-bandwidth", "read-bandwidth", "write-bandwidth");
ENUM(t_hmat_cache_assoc, "HmatCacheAssociativity", "none", "direct", "complex");
ENUM(t_hmat_cache_policy, "HmatCacheWritePolicy", "none", "write-back", "write-through");
ENUM(t_sys_emu_target, "SysEmuTarget", "riscv64");
ENUM(t_cpu_info_arch, "CpuInfoArch", "x86", "sparc", "ppc", "mips", "tricore", "s390", "riscv",
     "other");

ARRAY(t_qmp_capability_list, t_qmp_capability);
ARRAY(t_uint16_list, t_uint16);

/* ---- argument types ---- */
OBJECT(t_args_qmp_capabilities, "q_obj_qmp_capabilities-arg",
       {"enable", &t_qmp_capability_list, true, 0});
OBJECT(t_args_set_action, "q_obj_set-action-arg", {"reboot", &t_reboot_action, true, 0},
       {"shutdown", &t_shutdown_action, true, 0}, {"panic", &t_panic_action, true, 0},
       {"watchdog", &t_watchdog_action, true, 0});

OBJECT(t_numa_node_options, "NumaNodeOptions", {"nodeid", &t_uint16, true, 0},
       {"cpus", &t_uint16_list, true, 0}, {"mem", &t_size, true, 0}, {"memdev", &t_str, true, 0},
       {"initiator", &t_uint16, true, D72});
OBJECT(t_numa_dist_options, "NumaDistOptions", {"src", &t_uint16, false, 0},
       {"dst", &t_uint16, false, 0}, {"val", &t_uint8, false, 0});
OBJECT(t_numa_cpu_options, "NumaCpuOptions", {"node-id", &t_int, true, 0},
       {"socket-id", &t_int, true, 0}, {"die-id", &t_int, true, D72},
       {"cluster-id", &t_int, true, D72}, {"core-id", &t_int, true, 0},
       {"thread-id", &t_int, true, 0});
OBJECT(t_numa_hmat_lb_options, "NumaHmatLBOptions", {"initiator", &t_uint16, false, 0},
       {"target", &t_uint16, false, 0}, {"hierarchy", &t_hmat_lb_hierarchy, false, 0},
       {"data-type", &t_hmat_lb_data_type, false, 0}, {"latency", &t_uint64, true, 0},
       {"bandwidth", &t_size, true, 0});
OBJECT(t_numa_hmat_cache_options, "NumaHmatCacheOptions", {"node-id", &t_uint32, false, 0},
       {"size", &t_size, false, 0}, {"level", &t_uint8, false, 0},
       {"associativity", &t_hmat_cache_assoc, false, 0}, {"policy", &t_hmat_cache_policy, false, 0},
       {"line", &t_uint16, false, 0});

static const qmember numa_options_base[] = {
    {"type", &t_numa_options_type_30, false, D30}, {"type", &t_numa_options_type, false, D72}, {0}};
static const qvariant numa_options_variants[] = {
    {"node", &t_numa_node_options, 0},
    {"dist", &t_numa_dist_options, 0},
    {"cpu", &t_numa_cpu_options, 0},
    {"hmat-lb", &t_numa_hmat_lb_options, D72},
    {"hmat-cache", &t_numa_hmat_cache_options, D72},
    {0},
};
static const qtype t_numa_options = {
    .kind = QT_UNION,
    .name = "NumaOptions",
    .members = numa_options_base,
    .discriminator = "type",
    .variants = numa_options_variants,
};

/* ---- return types ---- */
OBJECT(t_status_info, "StatusInfo", {"running", &t_bool, false, 0},
       {"singlestep", &t_bool, false, 0}, {"status", &t_run_state_30, false, D30},
       {"status", &t_run_state_72, false, D72});
OBJECT(t_version_triple, "VersionTriple", {"major", &t_int, false, 0}, {"minor", &t_int, false, 0},
       {"micro", &t_int, false, 0});
OBJECT(t_version_info, "VersionInfo", {"qemu", &t_version_triple, false, 0},
       {"package", &t_str, false, 0});
OBJECT(t_command_info, "CommandInfo", {"name", &t_str, false, 0});
ARRAY(t_command_info_list, t_command_info);
OBJECT(t_name_info, "NameInfo", {"name", &t_str, true, 0});
OBJECT(t_uuid_info, "UuidInfo", {"UUID", &t_str, false, 0});
OBJECT(t_target_info, "TargetInfo", {"arch", &t_sys_emu_target, false, 0});
OBJECT(t_kvm_info, "KvmInfo", {"enabled", &t_bool, false, 0}, {"present", &t_bool, false, 0});
OBJECT(t_machine_info, "MachineInfo", {"name", &t_str, false, 0}, {"alias", &t_str, true, 0},
       {"is-default", &t_bool, true, 0}, {"cpu-max", &t_int, false, 0},
       {"hotpluggable-cpus", &t_bool, false, 0}, {"numa-mem-supported", &t_bool, false, D72},
       {"deprecated", &t_bool, false, D72}, {"default-cpu-type", &t_str, true, D72},
       {"default-ram-id", &t_str, true, D72});
ARRAY(t_machine_info_list, t_machine_info);
OBJECT(t_cpu_instance_properties, "CpuInstanceProperties", {"node-id", &t_int, true, 0},
       {"socket-id", &t_int, true, 0}, {"die-id", &t_int, true, D72},
       {"cluster-id", &t_int, true, D72}, {"core-id", &t_int, true, 0},
       {"thread-id", &t_int, true, 0});
OBJECT(t_cpu_info_fast, "CpuInfoFast", {"cpu-index", &t_int, false, 0},
       {"qom-path", &t_str, false, 0}, {"thread-id", &t_int, false, 0},
       {"props", &t_cpu_instance_properties, true, 0}, {"arch", &t_cpu_info_arch, false, D30},
       {"target", &t_sys_emu_target, false, 0});
ARRAY(t_cpu_info_fast_list, t_cpu_info_fast);
OBJECT(t_hotpluggable_cpu, "HotpluggableCPU", {"type", &t_str, false, 0},
       {"vcpus-count", &t_int, false, 0}, {"props", &t_cpu_instance_properties, false, 0},
       {"qom-path", &t_str, true, 0});
ARRAY(t_hotpluggable_cpu_list, t_hotpluggable_cpu);
OBJECT(t_chardev_info, "ChardevInfo", {"label", &t_str, false, 0}, {"filename", &t_str, false, 0},
       {"frontend-open", &t_bool, false, 0});
ARRAY(t_chardev_info_list, t_chardev_info);
OBJECT(t_iothread_info, "IOThreadInfo", {"id", &t_str, false, 0}, {"thread-id", &t_int, false, 0},
       {"poll-max-ns", &t_int, false, 0}, {"poll-grow", &t_int, false, 0},
       {"poll-shrink", &t_int, false, 0});
ARRAY(t_iothread_info_list, t_iothread_info);
OBJECT(t_memdev, "Memdev", {"id", &t_str, true, 0}, {"size", &t_size, false, 0},
       {"merge", &t_bool, false, 0}, {"dump", &t_bool, false, 0}, {"prealloc", &t_bool, false, 0},
       {"share", &t_bool, false, D72}, {"host-nodes", &t_uint16_list, false, 0},
       {"policy", &t_str, false, 0});
ARRAY(t_memdev_list, t_memdev);
ARRAY(t_schema_info_list, t_any);

/* ---- event data ---- */
OBJECT(t_ev_shutdown_30, "q_obj_SHUTDOWN-arg", {"guest", &t_bool, false, 0},
       {"reason", &t_shutdown_cause, false, D72});
OBJECT(t_ev_watchdog, "q_obj_WATCHDOG-arg", {"action", &t_watchdog_action, false, 0});
OBJECT(t_ev_panicked, "q_obj_GUEST_PANICKED-arg", {"action", &t_guest_panic_action, false, 0},
       {"info", &t_any, true, 0});

/* ---- commands ----
 * preconfig columns follow spec §4.4: the 3.0 list, and the 7.2 list restricted to what emu
 * implements. */
const qmp_command qmp_commands[] = {
    {"qmp_capabilities", &t_args_qmp_capabilities, &t_empty, qmp_cmd_qmp_capabilities, DALL, DALL,
     false, false},
    {"query-commands", NULL, &t_command_info_list, qmp_cmd_query_commands, DALL, DALL, false,
     false},
    {"query-qmp-schema", NULL, &t_schema_info_list, qmp_cmd_query_qmp_schema, DALL, DALL, false,
     false},
    {"query-status", NULL, &t_status_info, qmp_cmd_query_status, DALL, DALL, false, false},
    {"query-version", NULL, &t_version_info, qmp_cmd_query_version, DALL, DALL, false, false},
    {"query-name", NULL, &t_name_info, qmp_cmd_query_name, DALL, DALL, false, false},
    {"query-uuid", NULL, &t_uuid_info, qmp_cmd_query_uuid, DALL, DALL, false, false},
    {"query-target", NULL, &t_target_info, qmp_cmd_query_target, DALL, 0, false, false},
    {"query-machines", NULL, &t_machine_info_list, qmp_cmd_query_machines, DALL, 0, false, false},
    {"query-kvm", NULL, &t_kvm_info, qmp_cmd_query_kvm, DALL, 0, false, false},
    {"query-cpus-fast", NULL, &t_cpu_info_fast_list, qmp_cmd_query_cpus_fast, DALL, 0, false,
     false},
    {"query-hotpluggable-cpus", NULL, &t_hotpluggable_cpu_list, qmp_cmd_query_hotpluggable_cpus,
     DALL, DALL, false, false},
    {"query-chardev", NULL, &t_chardev_info_list, qmp_cmd_query_chardev, DALL, DALL, false, false},
    {"query-iothreads", NULL, &t_iothread_info_list, qmp_cmd_query_iothreads, DALL, DALL, false,
     false},
    {"query-memdev", NULL, &t_memdev_list, qmp_cmd_query_memdev, DALL, DALL, false, false},
    {"x-exit-preconfig", NULL, &t_empty, qmp_cmd_x_exit_preconfig, DALL, DALL, false, true},
    /* The seed patch's name for it, kept in the 3.0 dialect. */
    {"exit-preconfig", NULL, &t_empty, qmp_cmd_x_exit_preconfig, D30, D30, false, false},
    {"set-numa-node", &t_numa_options, &t_empty, qmp_cmd_set_numa_node, DALL, DALL, false, false},
    {"cont", NULL, &t_empty, qmp_cmd_cont, DALL, 0, false, false},
    {"stop", NULL, &t_empty, qmp_cmd_stop, DALL, 0, false, false},
    {"system_reset", NULL, &t_empty, qmp_cmd_system_reset, DALL, 0, false, false},
    {"system_powerdown", NULL, &t_empty, qmp_cmd_system_powerdown, DALL, 0, false, false},
    {"system_wakeup", NULL, &t_empty, qmp_cmd_system_wakeup, DALL, 0, false, false},
    {"quit", NULL, &t_empty, qmp_cmd_quit, DALL, D72, false, false},
    {"set-action", &t_args_set_action, &t_empty, qmp_cmd_set_action, D72, D72, false, false},
};
const int qmp_command_count = (int)(sizeof(qmp_commands) / sizeof(qmp_commands[0]));

const qmp_event_decl qmp_events[] = {
    {"SHUTDOWN", &t_ev_shutdown_30},
    {"POWERDOWN", NULL},
    {"RESET", &t_ev_shutdown_30},
    {"STOP", NULL},
    {"RESUME", NULL},
    {"SUSPEND", NULL},
    {"WAKEUP", NULL},
    {"WATCHDOG", &t_ev_watchdog},
    {"GUEST_PANICKED", &t_ev_panicked},
};
const int qmp_event_count = (int)(sizeof(qmp_events) / sizeof(qmp_events[0]));

bool qmp_command_in(const qmp_command *c, const dialect *d)
{
    return (c->dialects & DIALECT_BIT(d->id)) != 0;
}

/* A scan that compares the name with every command's, on purpose: under libFuzzer each strcmp
 * feeds its table of compared values, which is how a fuzzer learns to turn a request's name
 * into any command's at that very place. With a binary search (five names compared instead of
 * all) the broken-gate check in the README went from found in 86 s to not found in 4.25
 * million executions. */
const qmp_command *qmp_find_command(const dialect *d, const char *name)
{
    for (int i = 0; i < qmp_command_count; i++) {
        if (qmp_command_in(&qmp_commands[i], d) && !strcmp(qmp_commands[i].name, name)) {
            return &qmp_commands[i];
        }
    }
    return NULL;
}

/* One buffer for every request's error text: a request fails once, its reply copies the
 * text, and most requests under a fuzzer fail. A huge text's buffer is not kept. */
static strbuf fail_text;

void qmp_fail(qmp_request *req, error_class cls, const char *fmt, ...)
{
    if (fail_text.cap > ((size_t)1 << 20)) {
        sb_free(&fail_text);
    }
    sb_clear(&fail_text);
    va_list ap;
    va_start(ap, fmt);
    sb_vprintf(&fail_text, fmt, ap);
    va_end(ap);
    req->err_class = cls;
    req->err_desc = fail_text.buf;
}

int qapi_enum_index(const char *const *values, const char *s)
{
    for (int i = 0; values[i]; i++) {
        if (!strcmp(values[i], s)) {
            return i;
        }
    }
    return -1;
}
