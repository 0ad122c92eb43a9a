/* Handlers of the commands that act on the machine and its runstate (spec §6.1, §6.3):
 * queries, preconfig exit, NUMA configuration, cont/stop/reset/powerdown/wakeup/quit and
 * set-action. Must never change state in a way the runstate machine does not know of. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emu/cli.h"
#include "emu/hostmem.h"
#include "emu/machine.h"
#include "emu/numa.h"
#include "emu/runstate.h"
#include "qmp/commands.h"

void qmp_cmd_query_status(qmp_request *req)
{
    json_value *r = json_object();
    json_object_set_bool(r, "running", runstate_is_running());
    json_object_set_bool(r, "singlestep", false);
    json_object_set_str(r, "status", run_state_names[runstate_get()]);
    req->ret = r;
}

void qmp_cmd_query_name(qmp_request *req)
{
    json_value *r = json_object();
    if (emu_opts.name) {
        json_object_set_str(r, "name", emu_opts.name);
    }
    req->ret = r;
}

void qmp_cmd_query_uuid(qmp_request *req)
{
    json_value *r = json_object();
    json_object_set_str(r, "UUID", emu_opts.uuid);
    req->ret = r;
}

void qmp_cmd_query_target(qmp_request *req)
{
    json_value *r = json_object();
    json_object_set_str(r, "arch", "riscv64");
    req->ret = r;
}

void qmp_cmd_query_kvm(qmp_request *req)
{
    json_value *r = json_object();
    json_object_set_bool(r, "enabled", false);
    json_object_set_bool(r, "present", false);
    req->ret = r;
}

void qmp_cmd_query_machines(qmp_request *req)
{
    bool d72 = cur_dialect->id == DIALECT_7_2;
    json_value *list = json_array();
    for (int i = 0; machine_classes[i]; i++) {
        const machine_class *mc = machine_classes[i];
        json_value *m = json_object();
        json_object_set_str(m, "name", mc->name);
        if (mc->is_default) {
            json_object_set_bool(m, "is-default", true);
        }
        json_object_set_int(m, "cpu-max", mc->max_cpus);
        json_object_set_bool(m, "hotpluggable-cpus", mc->hotpluggable_cpus);
        if (d72) {
            json_object_set_bool(m, "numa-mem-supported", mc->numa_mem_supported);
            json_object_set_bool(m, "deprecated", false);
            if (mc->default_cpu_type) {
                json_object_set_str(m, "default-cpu-type", mc->default_cpu_type);
            }
            if (mc->default_ram_id) {
                json_object_set_str(m, "default-ram-id", mc->default_ram_id);
            }
        }
        json_array_append(list, m);
    }
    req->ret = list;
}

void qmp_cmd_query_cpus_fast(qmp_request *req)
{
    const machine_class *mc = machine_cfg.mc;
    req->ret = (mc && mc->query_cpus_fast) ? mc->query_cpus_fast() : json_array();
}

void qmp_cmd_query_hotpluggable_cpus(qmp_request *req)
{
    const machine_class *mc = machine_cfg.mc;
    if (!mc || !mc->query_hotpluggable_cpus) {
        qmp_fail(req, ERROR_CLASS_GENERIC_ERROR,
                 "The feature 'query-hotpluggable-cpus' is not enabled");
        return;
    }
    req->ret = mc->query_hotpluggable_cpus();
}

void qmp_cmd_query_iothreads(qmp_request *req)
{
    req->ret = json_array();
}

void qmp_cmd_query_memdev(qmp_request *req)
{
    req->ret = hostmem_query();
}

void qmp_cmd_x_exit_preconfig(qmp_request *req)
{
    const dialect *d = cur_dialect;
    if (d->preconfig_runstate) {
        /* 3.0: only in the preconfig state; the main loop does the rest after the return. */
        if (!runstate_check(RUN_STATE_PRECONFIG)) {
            qmp_fail(req, ERROR_CLASS_GENERIC_ERROR, "%s", d->exit_preconfig_error);
            return;
        }
        request_exit_preconfig();
        return;
    }
    /* 6.0+: the machine is built inside the command; errors are fatal (no reply). */
    if (machine_phase_ready()) {
        qmp_fail(req, ERROR_CLASS_GENERIC_ERROR, "%s", d->exit_preconfig_error);
        return;
    }
    if (!machine_create_and_start_in_command()) {
        emu_fatal_exit(1);
    }
}

/* A member the schema already checked as an unsigned integer (absent: false). */
static bool arg_u64(const json_value *args, const char *key, uint64_t *out)
{
    const json_value *v = json_object_get(args, key);
    if (!v) {
        return false;
    }
    *out = v->kind == JSON_UINT ? v->u : (uint64_t)v->i;
    return true;
}

static bool arg_i64(const json_value *args, const char *key, int64_t *out)
{
    const json_value *v = json_object_get(args, key);
    if (!v) {
        return false;
    }
    *out = v->kind == JSON_UINT ? (int64_t)v->u : v->i;
    return true;
}

static bool set_numa_node_type_node(const json_value *args, strbuf *err)
{
    numa_node_opts o = {0};
    uint64_t u;
    if ((o.has_nodeid = arg_u64(args, "nodeid", &u))) {
        o.nodeid = (uint16_t)u;
    }
    const json_value *list = json_object_get(args, "cpus");
    uint16_t *cpus = calloc(list ? list->arr.len + 1 : 1, sizeof(*cpus));
    for (size_t i = 0; list && i < list->arr.len; i++) {
        const json_value *c = list->arr.items[i];
        cpus[o.ncpus++] = (uint16_t)(c->kind == JSON_UINT ? c->u : (uint64_t)c->i);
    }
    o.cpus = cpus;
    o.has_mem = arg_u64(args, "mem", &o.mem);
    const json_value *memdev = json_object_get(args, "memdev");
    o.memdev = memdev ? memdev->str.ptr : NULL;
    if ((o.has_initiator = arg_u64(args, "initiator", &u))) {
        o.initiator = (uint16_t)u;
    }
    bool ok = numa_add_node(&o, err);
    free(cpus);
    if (!ok) {
        return false;
    }
    if (o.has_mem && !cur_dialect->numa_legacy_mem) {
        /* QEMU's warn_report inside a command: no program name */
        fputs("warning: Parameter -numa node,mem is deprecated, use -numa node,memdev instead\n",
              stderr);
    }
    return true;
}

void qmp_cmd_set_numa_node(qmp_request *req)
{
    if (machine_phase_ready()) {
        qmp_fail(req, ERROR_CLASS_GENERIC_ERROR, "%s", cur_dialect->numa_after_error);
        return;
    }
    if (!machine_cfg.mc || !machine_cfg.mc->numa_supported) {
        /* QEMU: a machine type without NUMA support (-M none) has no NUMA state at all */
        qmp_fail(req, ERROR_CLASS_GENERIC_ERROR, "NUMA is not supported by this machine-type");
        return;
    }
    const json_value *args = req->args;
    const char *type = json_object_get(args, "type")->str.ptr;
    strbuf err;
    sb_init(&err);
    bool ok = false;
    if (!strcmp(type, "node")) {
        ok = set_numa_node_type_node(args, &err);
    } else if (!strcmp(type, "dist")) {
        uint64_t src = 0, dst = 0, val = 0;
        arg_u64(args, "src", &src);
        arg_u64(args, "dst", &dst);
        arg_u64(args, "val", &val);
        ok = numa_add_distance(src, dst, (unsigned)val, &err);
    } else if (!strcmp(type, "cpu")) {
        numa_cpu_props p = {0};
        p.has_node_id = arg_i64(args, "node-id", &p.node_id);
        p.has_socket_id = arg_i64(args, "socket-id", &p.socket_id);
        p.has_die_id = arg_i64(args, "die-id", &p.die_id);
        p.has_cluster_id = arg_i64(args, "cluster-id", &p.cluster_id);
        p.has_core_id = arg_i64(args, "core-id", &p.core_id);
        p.has_thread_id = arg_i64(args, "thread-id", &p.thread_id);
        ok = numa_map_cpu(&p, &err);
    } else if (!strcmp(type, "hmat-lb")) {
        numa_hmat_lb_opts o = {0};
        uint64_t u = 0;
        arg_u64(args, "initiator", &u);
        o.initiator = (uint16_t)u;
        arg_u64(args, "target", &u);
        o.target = (uint16_t)u;
        o.hierarchy =
            qapi_enum_index(numa_hmat_hierarchy_names, json_object_get(args, "hierarchy")->str.ptr);
        o.data_type =
            qapi_enum_index(numa_hmat_data_type_names, json_object_get(args, "data-type")->str.ptr);
        o.has_latency = arg_u64(args, "latency", &o.latency);
        o.has_bandwidth = arg_u64(args, "bandwidth", &o.bandwidth);
        ok = numa_add_hmat_lb(&o, &err);
    } else {
        numa_hmat_cache_opts o = {0};
        uint64_t u = 0;
        arg_u64(args, "node-id", &u);
        o.node_id = (uint32_t)u;
        arg_u64(args, "size", &o.size);
        arg_u64(args, "level", &u);
        o.level = (uint8_t)u;
        ok = numa_add_hmat_cache(&o, &err);
    }
    if (!ok) {
        qmp_fail(req, ERROR_CLASS_GENERIC_ERROR, "%s", err.buf);
    }
    sb_free(&err);
}

void qmp_cmd_cont(qmp_request *req)
{
    if (runstate_needs_reset()) {
        qmp_fail(req, ERROR_CLASS_GENERIC_ERROR, "Resetting the Virtual Machine is required");
        return;
    }
    if (runstate_check(RUN_STATE_SUSPENDED)) {
        return;
    }
    if (cur_dialect->cont_checks_finish_migrate && runstate_check(RUN_STATE_FINISH_MIGRATE)) {
        qmp_fail(req, ERROR_CLASS_GENERIC_ERROR, "Migration is not finalized yet");
        return;
    }
    if (runstate_check(RUN_STATE_INMIGRATE)) {
        rs_policy.autostart = true;
        return;
    }
    vm_start();
}

void qmp_cmd_stop(qmp_request *req)
{
    (void)req;
    if (runstate_check(RUN_STATE_INMIGRATE)) {
        rs_policy.autostart = false;
        return;
    }
    vm_stop(RUN_STATE_PAUSED);
}

void qmp_cmd_system_reset(qmp_request *req)
{
    (void)req;
    request_reset(SHUTDOWN_CAUSE_HOST_QMP_SYSTEM_RESET);
}

void qmp_cmd_system_powerdown(qmp_request *req)
{
    (void)req;
    request_powerdown();
}

void qmp_cmd_system_wakeup(qmp_request *req)
{
    const machine_class *mc = machine_cfg.mc;
    const char *err = request_wakeup(mc && mc->wakeup_supported);
    if (err) {
        qmp_fail(req, ERROR_CLASS_GENERIC_ERROR, "%s", err);
    }
}

void qmp_cmd_quit(qmp_request *req)
{
    (void)req;
    request_quit();
}

void qmp_cmd_set_action(qmp_request *req)
{
    const json_value *v;
    if ((v = json_object_get(req->args, "reboot"))) {
        rs_policy.reboot = (reboot_action)qapi_enum_index(reboot_action_names, v->str.ptr);
    }
    if ((v = json_object_get(req->args, "shutdown"))) {
        rs_policy.shutdown = (shutdown_action)qapi_enum_index(shutdown_action_names, v->str.ptr);
    }
    if ((v = json_object_get(req->args, "panic"))) {
        rs_policy.panic = (panic_action)qapi_enum_index(panic_action_names, v->str.ptr);
    }
    if ((v = json_object_get(req->args, "watchdog"))) {
        rs_policy.watchdog = (watchdog_action)qapi_enum_index(watchdog_action_names, v->str.ptr);
    }
}
