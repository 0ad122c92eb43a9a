/* NUMA configuration state (see numa.h): QEMU's hw/core/numa.c checks in QEMU's order with its
 * messages (parse_numa_node, parse_numa_distance, machine_set_cpu_numa_node, and at machine
 * build numa_complete_configuration, machine_numa_finish_cpu_init), and the riscv virt board's
 * possible CPUs (one slot per hart, core-id = index) and default placement (contiguous blocks).
 * It must never report a node the user did not configure, nor read outside its tables whatever
 * ids a request names. */
#include "emu/numa.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "emu/dialect.h"
#include "emu/hostmem.h"
#include "emu/machine.h"

typedef struct numa_node {
    bool present;
    uint64_t mem;
    int memdev; /* hostmem index, -1: none */
    uint8_t distance[NUMA_MAX_NODES];
} numa_node;

static numa_node nodes[NUMA_MAX_NODES];
static int num_nodes, max_nodeid;
static bool have_distance;
/* 6.0+: sticky across calls, even failed ones. 3.0: the first node decides (-1: undecided). */
static bool seen_mem, seen_memdev;
static int legacy_have_memdevs = -1;
/* Possible CPU slots: the node each is mapped to (-1: not mapped). */
static int slot_node[NUMA_MAX_CPUS];

/* Whether anything changed since the last numa_reset(): the fuzz targets reset the machine
 * for every input, and almost no input touches NUMA. Every function that changes a table
 * below (here or in numa_hmat.c) calls numa_note_change() first. */
static bool changed = true;

void numa_note_change(void)
{
    changed = true;
}

void numa_reset(void)
{
    if (!changed) {
        return;
    }
    changed = false;
    memset(nodes, 0, sizeof(nodes));
    for (int i = 0; i < NUMA_MAX_NODES; i++) {
        nodes[i].memdev = -1;
    }
    num_nodes = max_nodeid = 0;
    have_distance = seen_mem = seen_memdev = false;
    numa_hmat_reset();
    legacy_have_memdevs = -1;
    /* All bytes 0xff: every slot -1. A bulk fill, not a loop: the fuzz targets reset the
     * machine for every input, and a 512-step loop under coverage tracing cost more than a
     * short QMP session. */
    memset(slot_node, 0xff, sizeof(slot_node));
}

static int possible_cpus(void)
{
    int cpus = machine_cfg.smp_cpus > 0 ? machine_cfg.smp_cpus : 1;
    int max = machine_cfg.smp_maxcpus > cpus ? machine_cfg.smp_maxcpus : cpus;
    return max < NUMA_MAX_CPUS ? max : NUMA_MAX_CPUS;
}

static int present_cpus(void)
{
    int cpus = machine_cfg.smp_cpus > 0 ? machine_cfg.smp_cpus : 1;
    return cpus < NUMA_MAX_CPUS ? cpus : NUMA_MAX_CPUS;
}

int numa_node_count(void)
{
    return num_nodes;
}

uint64_t numa_node_mem(int node)
{
    if (!num_nodes) {
        return node == 0 ? machine_cfg.ram_size : 0;
    }
    return node >= 0 && node < num_nodes ? nodes[node].mem : 0;
}

uint64_t numa_node_mem_offset(int node)
{
    uint64_t off = 0;
    for (int i = 0; i < node && i < num_nodes; i++) {
        off += nodes[i].mem;
    }
    return off;
}

const char *numa_node_memdev(int node)
{
    if (node < 0 || node >= num_nodes || nodes[node].memdev < 0) {
        return NULL;
    }
    return hostmem_id(nodes[node].memdev);
}

int numa_cpu_node(int cpu)
{
    if (!num_nodes || cpu < 0 || cpu >= NUMA_MAX_CPUS || slot_node[cpu] < 0) {
        return 0;
    }
    return slot_node[cpu];
}

bool numa_have_distances(void)
{
    return have_distance;
}

unsigned numa_distance(int src, int dst)
{
    if (src < 0 || dst < 0 || src >= NUMA_MAX_NODES || dst >= NUMA_MAX_NODES) {
        return NUMA_DISTANCE_DEFAULT;
    }
    if (have_distance && nodes[src].distance[dst]) {
        return nodes[src].distance[dst];
    }
    return src == dst ? NUMA_DISTANCE_MIN : NUMA_DISTANCE_DEFAULT;
}

numa_cpu_props numa_possible_cpu_props(int cpu)
{
    numa_cpu_props p = {.has_core_id = true, .core_id = cpu};
    if (cpu >= 0 && cpu < NUMA_MAX_CPUS && slot_node[cpu] >= 0) {
        p.has_node_id = true;
        p.node_id = slot_node[cpu];
    }
    return p;
}

void numa_describe_cpu(strbuf *out, int cpu)
{
    /* QEMU's cpu_slot_to_string: only the props the slot has (riscv: core-id). */
    sb_printf(out, "CPU %d [core-id: %d]", cpu, cpu);
}

bool numa_node_present(int node)
{
    return node >= 0 && node < NUMA_MAX_NODES && nodes[node].present;
}

/* QEMU's machine_set_cpu_numa_node against the riscv virt slots (core-id only). */
static bool set_cpu_node(const numa_cpu_props *p, strbuf *err)
{
    bool match = false;
    int n = possible_cpus();
    for (int i = 0; i < n; i++) {
        /* reject properties the board's slots do not have (QEMU's order) */
        if (p->has_thread_id) {
            sb_puts(err, "thread-id is not supported");
            return false;
        }
        if (p->has_cluster_id) {
            sb_puts(err, "cluster-id is not supported");
            return false;
        }
        if (p->has_socket_id) {
            sb_puts(err, "socket-id is not supported");
            return false;
        }
        if (p->has_die_id) {
            sb_puts(err, "die-id is not supported");
            return false;
        }
        if (p->has_core_id && p->core_id != i) {
            continue;
        }
        if (slot_node[i] >= 0 && slot_node[i] != p->node_id) {
            sb_printf(err, "CPU is already assigned to node-id: %d", slot_node[i]);
            return false;
        }
        match = true;
        slot_node[i] = (int)p->node_id;
        if (!numa_hmat_cpu_mapped((int)p->node_id, err)) {
            return false; /* the slot stays mapped, as in QEMU */
        }
    }
    if (!match) {
        sb_puts(err, "no match found");
        return false;
    }
    return true;
}

static bool node_memory(numa_node *nd, const numa_node_opts *o, strbuf *err)
{
    if (cur_dialect->numa_legacy_mem) {
        /* 3.0: one call may not give both; the first node decides for all. */
        if (o->has_mem && o->memdev) {
            sb_puts(err, "cannot specify both mem= and memdev=");
            return false;
        }
        if (legacy_have_memdevs == -1) {
            legacy_have_memdevs = o->memdev != NULL;
        }
        if ((o->memdev != NULL) != legacy_have_memdevs) {
            sb_puts(err, "memdev option must be specified for either all or no nodes");
            return false;
        }
    } else {
        seen_memdev = seen_memdev || o->memdev;
        seen_mem = seen_mem || o->has_mem;
        if ((o->has_mem && seen_memdev) || (o->memdev && seen_mem)) {
            sb_puts(err, "numa configuration should use either mem= or memdev=,mixing both is "
                         "not allowed");
            return false;
        }
        if (o->has_mem && !machine_cfg.mc->numa_mem_supported) {
            sb_puts(err, "Parameter -numa node,mem is not supported by this machine type");
            return false;
        }
    }
    if (o->has_mem) {
        nd->mem = o->mem;
    }
    if (o->memdev) {
        int m = hostmem_find(o->memdev);
        if (m < 0) {
            sb_printf(err, "memdev=%s is ambiguous", o->memdev);
            return false;
        }
        nd->memdev = m;
        nd->mem = hostmem_size(m);
    }
    return true;
}

bool numa_add_node(const numa_node_opts *o, strbuf *err)
{
    numa_note_change();
    unsigned id = o->has_nodeid ? o->nodeid : (unsigned)num_nodes;
    if (id >= NUMA_MAX_NODES) {
        sb_printf(err, "Max number of NUMA nodes reached: %u", id);
        return false;
    }
    numa_node *nd = &nodes[id];
    if (nd->present) {
        sb_printf(err, "Duplicate NUMA nodeid: %u", id);
        return false;
    }
    numa_hmat_set_initiator((int)id, NUMA_MAX_NODES);
    if (o->has_initiator) {
        if (!numa_hmat_enabled()) {
            return numa_hmat_option(err);
        }
        if (o->initiator >= NUMA_MAX_NODES) {
            /* QEMU error_report()s this and returns without an error: no node, no failure */
            fprintf(stderr, "%sThe initiator id %u expects an integer between 0 and %d\n",
                    o->report_prefix ? o->report_prefix : "", o->initiator, NUMA_MAX_NODES - 1);
            return true;
        }
        numa_hmat_set_initiator((int)id, o->initiator);
    }
    for (int i = 0; i < o->ncpus; i++) {
        int max = possible_cpus();
        if (o->cpus[i] >= max) {
            sb_printf(err, "CPU index (%u) should be smaller than maxcpus (%d)", o->cpus[i], max);
            return false;
        }
        numa_cpu_props p = numa_possible_cpu_props(o->cpus[i]);
        p.has_node_id = true;
        p.node_id = id;
        if (!set_cpu_node(&p, err)) {
            return false;
        }
    }
    if (!node_memory(nd, o, err)) {
        return false;
    }
    nd->present = true;
    if ((int)id + 1 > max_nodeid) {
        max_nodeid = (int)id + 1;
    }
    num_nodes++;
    return true;
}

bool numa_add_distance(uint64_t src, uint64_t dst, unsigned val, strbuf *err)
{
    numa_note_change();
    if (src >= NUMA_MAX_NODES || dst >= NUMA_MAX_NODES) {
        sb_printf(err, "Parameter '%s' expects an integer between 0 and %d",
                  src >= NUMA_MAX_NODES ? "src" : "dst", NUMA_MAX_NODES - 1);
        return false;
    }
    if (!nodes[src].present || !nodes[dst].present) {
        sb_puts(err, "Source/Destination NUMA node is missing. Please use '-numa node' option to "
                     "declare it first.");
        return false;
    }
    if (val < NUMA_DISTANCE_MIN) {
        sb_printf(err, "NUMA distance (%u) is invalid, it shouldn't be less than %d.", val,
                  NUMA_DISTANCE_MIN);
        return false;
    }
    if (src == dst && val != NUMA_DISTANCE_MIN) {
        sb_printf(err, "Local distance of node %d should be %d.", (int)src, NUMA_DISTANCE_MIN);
        return false;
    }
    nodes[src].distance[dst] = (uint8_t)val;
    have_distance = true;
    return true;
}

bool numa_map_cpu(const numa_cpu_props *p, strbuf *err)
{
    numa_note_change();
    if (!p->has_node_id) {
        sb_puts(err, "Missing mandatory node-id property");
        return false;
    }
    /* QEMU indexes its node table with node-id unchecked (beyond it, whatever memory holds);
     * emu treats every id outside the table as an undeclared node. */
    if (p->node_id < 0 || p->node_id >= NUMA_MAX_NODES || !nodes[p->node_id].present) {
        sb_printf(err,
                  "Invalid node-id=%" PRId64 ", NUMA node must be defined with -numa "
                  "node,nodeid=ID before it's used with -numa cpu,node-id=ID",
                  p->node_id);
        return false;
    }
    return set_cpu_node(p, err);
}

static void report(const char *fmt, const char *prefix, ...) __attribute__((format(printf, 1, 3)));
static void report(const char *fmt, const char *prefix, ...)
{
    va_list ap;
    va_start(ap, prefix);
    fputs(prefix, stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

/* QEMU's validate_numa_distance, then complete_init_numa_distance. */
static bool complete_distances(const char *pfx)
{
    bool asymmetric = false;
    for (int s = 0; s < num_nodes; s++) {
        for (int d = s; d < num_nodes; d++) {
            uint8_t sd = nodes[s].distance[d], ds = nodes[d].distance[s];
            if (!sd && !ds && s != d) {
                report("The distance between node %d and %d is missing, at least one distance "
                       "value between each nodes should be provided.",
                       pfx, s, d);
                return false;
            }
            if (sd && ds && sd != ds) {
                asymmetric = true;
            }
        }
    }
    if (asymmetric) {
        for (int s = 0; s < num_nodes; s++) {
            for (int d = 0; d < num_nodes; d++) {
                if (s != d && !nodes[s].distance[d]) {
                    report("At least one asymmetrical pair of distances is given, please provide "
                           "distances for both directions of all node pairs.",
                           pfx);
                    return false;
                }
            }
        }
    }
    for (int s = 0; s < num_nodes; s++) {
        for (int d = 0; d < num_nodes; d++) {
            if (!nodes[s].distance[d]) {
                nodes[s].distance[d] = s == d ? NUMA_DISTANCE_MIN : nodes[d].distance[s];
            }
        }
    }
    return true;
}

/* QEMU's machine_numa_finish_cpu_init with riscv's default node (contiguous blocks of
 * smp.cpus / nodes harts, the rest in the last node). */
static bool place_unmapped_cpus(const char *pfx)
{
    int n = possible_cpus();
    bool default_mapping = true;
    for (int i = 0; i < n; i++) {
        if (slot_node[i] >= 0) {
            default_mapping = false;
        }
    }
    strbuf unmapped;
    sb_init(&unmapped);
    for (int i = 0; i < n; i++) {
        if (slot_node[i] >= 0) {
            continue;
        }
        int cpus = present_cpus();
        if (num_nodes > cpus) {
            report("Number of NUMA nodes (%d) cannot exceed the number of available CPUs (%d).",
                   pfx, num_nodes, n);
            sb_free(&unmapped);
            return false;
        }
        int node = i / (cpus / num_nodes);
        if (node >= num_nodes) {
            node = num_nodes - 1;
        }
        if (!default_mapping) {
            if (unmapped.len) {
                sb_puts(&unmapped, ", ");
            }
            numa_describe_cpu(&unmapped, i);
            node = 0; /* unmapped CPUs fall back to node 0 */
        }
        slot_node[i] = node;
        strbuf err;
        sb_init(&err);
        if (!numa_hmat_cpu_mapped(node, &err)) {
            report("%s", pfx, err.buf); /* QEMU maps it with error_fatal */
            sb_free(&err);
            sb_free(&unmapped);
            return false;
        }
        sb_free(&err);
    }
    if (!numa_hmat_validate_initiators(pfx)) {
        sb_free(&unmapped);
        return false;
    }
    if (unmapped.len) {
        report("warning: CPU(s) not present in any NUMA nodes: %s", pfx, unmapped.buf);
        report("warning: All CPU(s) up to maxcpus should be described in NUMA config, ability to "
               "start up with partial NUMA mappings is obsoleted and will be removed in future",
               pfx);
    }
    sb_free(&unmapped);
    return true;
}

/* 3.0 machine types split RAM among nodes that were given none: equal 8 MiB-aligned shares,
 * the last node the rest (numa_default_auto_assign_ram). */
static void auto_assign_ram(void)
{
    for (int i = 0; i < num_nodes; i++) {
        if (nodes[i].mem) {
            return;
        }
    }
    uint64_t used = 0, share = (machine_cfg.ram_size / (uint64_t)num_nodes) & ~((1ull << 23) - 1);
    for (int i = 0; i < num_nodes - 1; i++) {
        nodes[i].mem = share;
        used += share;
    }
    nodes[num_nodes - 1].mem = machine_cfg.ram_size - used;
}

bool numa_finalize(void)
{
    numa_note_change();
    const char *pfx = machine_stderr_prefix();
    /* no support for sparse node ids: report the largest missing id first */
    for (int i = max_nodeid - 1; i >= 0; i--) {
        if (!nodes[i].present) {
            report("numa: Node ID missing: %d", pfx, i);
            return false;
        }
    }
    if (!num_nodes) {
        return true;
    }
    if (cur_dialect->numa_legacy_mem) {
        auto_assign_ram();
    }
    uint64_t total = 0;
    for (int i = 0; i < num_nodes; i++) {
        total += nodes[i].mem;
    }
    if (total != machine_cfg.ram_size) {
        report("total memory for NUMA nodes (0x%" PRIx64 ") should equal RAM size (0x%" PRIx64 ")",
               pfx, total, machine_cfg.ram_size);
        return false;
    }
    for (int i = 0; i < num_nodes; i++) {
        for (int j = 0; j < i; j++) {
            if (nodes[i].memdev >= 0 && nodes[i].memdev == nodes[j].memdev) {
                report("memory backend %s can't be used multiple times.", pfx,
                       hostmem_id(nodes[i].memdev));
                return false;
            }
        }
    }
    if (have_distance && !complete_distances(pfx)) {
        return false;
    }
    return place_unmapped_cpus(pfx);
}
