/* HMAT configuration (-machine hmat=on): node initiators, hmat-lb latency/bandwidth entries and
 * hmat-cache side caches, checked as QEMU 7.2's hw/core/numa.c and machine.c check them
 * (parse_numa_hmat_lb, parse_numa_hmat_cache, the initiator rules of machine_set_cpu_numa_node
 * and numa_validate_initiator), messages and side effects included. emu builds no ACPI table
 * from it: it exists so that the preconfig workflow fails and succeeds where QEMU's does. Must
 * never index its tables with an unchecked id. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emu/numa.h"

#define HMAT_LEVELS            4 /* memory, first-, second-, third-level */
#define HMAT_DATA_TYPES        6
#define HMAT_READ_LATENCY_LAST 2 /* data types 0..2 are latencies, 3..5 bandwidths */
#define MIB                    (1ull << 20)

typedef struct lb_table {
    bool exists;
    uint64_t base, range_bitmap;
    int n, cap;
    uint16_t (*pairs)[2]; /* initiator, target */
} lb_table;

const char *const numa_hmat_hierarchy_names[] = {"memory", "first-level", "second-level",
                                                 "third-level", NULL};
const char *const numa_hmat_data_type_names[] = {"access-latency",
                                                 "read-latency",
                                                 "write-latency",
                                                 "access-bandwidth",
                                                 "read-bandwidth",
                                                 "write-bandwidth",
                                                 NULL};
const char *const numa_hmat_associativity_names[] = {"none", "direct", "complex", NULL};
const char *const numa_hmat_policy_names[] = {"none", "write-back", "write-through", NULL};

static bool enabled;
/* Per node (index NUMA_MAX_NODES: the one-past id QEMU's off-by-one checks let through). */
static uint16_t initiator[NUMA_MAX_NODES + 1];
static bool has_cpu[NUMA_MAX_NODES + 1];
static uint8_t lb_info_provided[NUMA_MAX_NODES + 1];
static lb_table lb[HMAT_LEVELS][HMAT_DATA_TYPES];
static bool cache_set[NUMA_MAX_NODES][HMAT_LEVELS];
static uint64_t cache_size[NUMA_MAX_NODES][HMAT_LEVELS];

void numa_hmat_reset(void)
{
    for (int h = 0; h < HMAT_LEVELS; h++) {
        for (int d = 0; d < HMAT_DATA_TYPES; d++) {
            free(lb[h][d].pairs);
        }
    }
    memset(lb, 0, sizeof(lb));
    memset(has_cpu, 0, sizeof(has_cpu));
    memset(lb_info_provided, 0, sizeof(lb_info_provided));
    memset(cache_set, 0, sizeof(cache_set));
    memset(cache_size, 0, sizeof(cache_size));
    for (int i = 0; i <= NUMA_MAX_NODES; i++) {
        initiator[i] = NUMA_MAX_NODES;
    }
    enabled = false;
}

void numa_set_hmat(bool on)
{
    numa_note_change();
    enabled = on;
}

bool numa_hmat_enabled(void)
{
    return enabled;
}

bool numa_hmat_option(strbuf *err)
{
    sb_puts(err, "ACPI Heterogeneous Memory Attribute Table (HMAT) is disabled, enable it with "
                 "-machine hmat=on before using any of hmat specific options");
    return false;
}

void numa_hmat_set_initiator(int node, unsigned init)
{
    numa_note_change();
    initiator[node] = (uint16_t)init;
}

bool numa_hmat_cpu_mapped(int node, strbuf *err)
{
    numa_note_change();
    if (!enabled) {
        return true;
    }
    if (initiator[node] < NUMA_MAX_NODES && initiator[node] != node) {
        sb_printf(err, "The initiator of CPU NUMA node %d should be itself (got %u)", node,
                  initiator[node]);
        return false;
    }
    has_cpu[node] = true;
    initiator[node] = (uint16_t)node;
    return true;
}

bool numa_hmat_validate_initiators(const char *pfx)
{
    for (int i = 0; enabled && i < numa_node_count(); i++) {
        unsigned init = initiator[i];
        if (init == NUMA_MAX_NODES) {
            continue; /* a node without initiator (allowed since 7.2) */
        }
        if (!numa_node_present((int)init)) {
            fprintf(stderr,
                    "%sNUMA node %u is missing, use '-numa node' option to declare it first\n", pfx,
                    init);
            return false;
        }
        if (!has_cpu[init]) {
            fprintf(stderr, "%sThe initiator of NUMA node %d is invalid\n", pfx, i);
            return false;
        }
    }
    return true;
}

static bool add_latency(lb_table *t, const numa_hmat_lb_opts *o, strbuf *err)
{
    if (!o->has_latency) {
        sb_puts(err, "Missing 'latency' option");
        return false;
    }
    if (o->has_bandwidth) {
        sb_puts(err, "Invalid option 'bandwidth' since the data type is latency");
        return false;
    }
    for (int i = 0; i < t->n; i++) {
        if (t->pairs[i][0] == o->initiator && t->pairs[i][1] == o->target) {
            sb_printf(err, "Duplicate configuration of the latency for initiator=%u and target=%u",
                      o->initiator, o->target);
            return false;
        }
    }
    t->base = t->base ? t->base : UINT64_MAX;
    if (o->latency) {
        /* the entry base: the latency's power of ten, the smallest seen so far */
        uint64_t entry = o->latency, base = 1;
        while (entry % 10 == 0) {
            entry /= 10;
            base *= 10;
        }
        base = base < t->base ? base : t->base;
        entry = o->latency / t->base; /* QEMU divides by the previous base */
        entry = entry > t->range_bitmap ? entry : t->range_bitmap;
        if (entry >= UINT16_MAX) {
            sb_printf(err,
                      "Latency %" PRIu64 " between initiator=%u and target=%u should not differ "
                      "from previously entered min or max values on more than %d",
                      o->latency, o->initiator, o->target, UINT16_MAX - 1);
            return false;
        }
        t->base = base;
        t->range_bitmap = entry;
        lb_info_provided[o->target] |= 1;
    }
    return true;
}

static bool add_bandwidth(lb_table *t, const numa_hmat_lb_opts *o, strbuf *err)
{
    if (!o->has_bandwidth) {
        sb_puts(err, "Missing 'bandwidth' option");
        return false;
    }
    if (o->has_latency) {
        sb_puts(err, "Invalid option 'latency' since the data type is bandwidth");
        return false;
    }
    if (o->bandwidth % MIB) {
        sb_printf(err,
                  "Bandwidth %" PRIu64 " between initiator=%u and target=%u should be 1MB "
                  "aligned",
                  o->bandwidth, o->initiator, o->target);
        return false;
    }
    for (int i = 0; i < t->n; i++) {
        if (t->pairs[i][0] == o->initiator && t->pairs[i][1] == o->target) {
            sb_printf(err,
                      "Duplicate configuration of the bandwidth for initiator=%u and target=%u",
                      o->initiator, o->target);
            return false;
        }
    }
    t->base = t->base ? t->base : 1;
    if (o->bandwidth) {
        /* the bits in use must fit a 16-bit entry times a power-of-two base */
        uint64_t bits = t->range_bitmap | o->bandwidth;
        int first = __builtin_ctzll(bits), last = 64 - __builtin_clzll(bits);
        uint64_t entry = o->bandwidth >> first;
        if (last - first > 16 || entry >= UINT16_MAX) {
            sb_printf(err,
                      "Bandwidth %" PRIu64 " between initiator=%u and target=%u should not "
                      "differ from previously entered values on more than %d",
                      o->bandwidth, o->initiator, o->target, UINT16_MAX - 1);
            return false;
        }
        t->base = 1ull << first;
        t->range_bitmap = bits;
        lb_info_provided[o->target] |= 2;
    }
    return true;
}

bool numa_add_hmat_lb(const numa_hmat_lb_opts *o, strbuf *err)
{
    numa_note_change();
    if (!enabled) {
        return numa_hmat_option(err);
    }
    int nodes = numa_node_count();
    /* QEMU compares with '>': an id equal to the node count gets through to the next checks */
    if (o->initiator > nodes) {
        sb_printf(err, "Invalid initiator=%u, it should be less than %d", o->initiator, nodes);
        return false;
    }
    if (o->target > nodes) {
        sb_printf(err, "Invalid target=%u, it should be less than %d", o->target, nodes);
        return false;
    }
    if (!has_cpu[o->initiator]) {
        sb_printf(err, "Invalid initiator=%u, it isn't an initiator proximity domain",
                  o->initiator);
        return false;
    }
    if (!numa_node_present(o->target)) {
        sb_printf(err, "The target=%u should point to an existing node", o->target);
        return false;
    }
    lb_table *t = &lb[o->hierarchy][o->data_type];
    t->exists = true;
    bool ok =
        o->data_type <= HMAT_READ_LATENCY_LAST ? add_latency(t, o, err) : add_bandwidth(t, o, err);
    if (!ok) {
        return false;
    }
    if (t->n == t->cap) {
        t->cap = t->cap ? 2 * t->cap : 8;
        t->pairs = realloc(t->pairs, (size_t)t->cap * sizeof(*t->pairs));
        if (!t->pairs) {
            abort();
        }
    }
    t->pairs[t->n][0] = o->initiator;
    t->pairs[t->n][1] = o->target;
    t->n++;
    return true;
}

bool numa_add_hmat_cache(const numa_hmat_cache_opts *o, strbuf *err)
{
    numa_note_change();
    if (!enabled) {
        return numa_hmat_option(err);
    }
    int nodes = numa_node_count();
    if (o->node_id >= (uint32_t)nodes) {
        sb_printf(err, "Invalid node-id=%" PRIu32 ", it should be less than %d", o->node_id, nodes);
        return false;
    }
    if (lb_info_provided[o->node_id] != 3) {
        sb_printf(err,
                  "The latency and bandwidth information of node-id=%" PRIu32
                  " should be provided before memory side cache attributes",
                  o->node_id);
        return false;
    }
    unsigned level = o->level;
    if (level < 1 || level >= HMAT_LEVELS) {
        sb_printf(err, "Invalid level=%u, it should be larger than 0 and less than or equal to %d",
                  level, HMAT_LEVELS - 1);
        return false;
    }
    bool *set = cache_set[o->node_id];
    uint64_t *size = cache_size[o->node_id];
    if (set[level]) {
        sb_printf(err,
                  "Duplicate configuration of the side cache for node-id=%" PRIu32 " and level=%u",
                  o->node_id, level);
        return false;
    }
    if (level > 1 && !set[level - 1]) {
        sb_printf(err, "Cache level=%u shall be defined first", level - 1);
        return false;
    }
    if (level > 1 && o->size <= size[level - 1]) {
        sb_printf(err,
                  "Invalid size=%" PRIu64 ", the size of level=%u should be larger than the "
                  "size(%" PRIu64 ") of level=%u",
                  o->size, level, size[level - 1], level - 1);
        return false;
    }
    if (level < HMAT_LEVELS - 1 && set[level + 1] && o->size >= size[level + 1]) {
        sb_printf(err,
                  "Invalid size=%" PRIu64 ", the size of level=%u should be less than the "
                  "size(%" PRIu64 ") of level=%u",
                  o->size, level, size[level + 1], level + 1);
        return false;
    }
    set[level] = true;
    size[level] = o->size;
    return true;
}
