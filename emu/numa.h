/* The NUMA configuration of the machine being built: nodes, distances, CPU-to-node mapping and
 * memory backends, gathered from -numa/-object on the command line and set-numa-node in
 * preconfig, validated as QEMU validates it, then frozen when the board is built. The board
 * (device tree, memory layout) reads it through this interface only. It must never change
 * after numa_finalize() succeeded, and never print anything except through its error paths. */
#ifndef EMU_NUMA_H
#define EMU_NUMA_H

#include <stdbool.h>
#include <stdint.h>

#include "emu/strbuf.h"

#define NUMA_MAX_NODES        128
#define NUMA_DISTANCE_MIN     10
#define NUMA_DISTANCE_DEFAULT 20
#define NUMA_DISTANCE_MAX     254
/* Possible CPUs the configuration can describe (-smp maxcpus is checked against the board's
 * own limit first). */
#define NUMA_MAX_CPUS 512

/* Forget everything (new run, fuzz iteration). */
void numa_reset(void);

/* Number of NUMA nodes declared (0: no NUMA configuration; the board is one node). */
int numa_node_count(void);
/* Bytes of RAM node n owns after numa_finalize() (nodes are laid out in id order from the start
 * of RAM, each contiguous). */
uint64_t numa_node_mem(int node);
/* Offset from the start of RAM of node n's memory after numa_finalize() (QEMU's
 * riscv_socket_mem_offset: the sizes of the nodes before it). */
uint64_t numa_node_mem_offset(int node);
/* The memory backend (-object memory-backend-ram id) of node n, or NULL (mem= or none). */
const char *numa_node_memdev(int node);
/* Node of CPU (hart) index cpu after numa_finalize(); 0 when there is no NUMA configuration. */
int numa_cpu_node(int cpu);
/* True when the user gave a distance table (-numa dist or set-numa-node type=dist); then
 * numa_distance() is complete and symmetric-filled after numa_finalize(). */
bool numa_have_distances(void);
/* Distance from node src to node dst (10 on the diagonal) after numa_finalize(). */
unsigned numa_distance(int src, int dst);

/* ---- building the configuration (CLI and set-numa-node share these) ---- */

/* A CPU slot's instance properties (QEMU's CpuInstanceProperties); a board's possible CPUs
 * carry some of them (riscv virt: core-id only), a request any. */
typedef struct numa_cpu_props {
    bool has_node_id, has_socket_id, has_die_id, has_cluster_id, has_core_id, has_thread_id;
    int64_t node_id, socket_id, die_id, cluster_id, core_id, thread_id;
} numa_cpu_props;

/* -numa node / set-numa-node type=node. */
typedef struct numa_node_opts {
    bool has_nodeid;
    uint16_t nodeid;
    int ncpus;
    const uint16_t *cpus;
    bool has_mem;
    uint64_t mem;
    const char *memdev; /* NULL: absent */
    bool has_initiator;
    uint16_t initiator;
    /* Where QEMU's error_report for an initiator >= 128 goes (it prints, and the call then
     * succeeds without creating the node): "" in a command, "emu: -numa ARG: " on the line. */
    const char *report_prefix;
} numa_node_opts;

/* Each returns false with QEMU's message in err (the caller prints or replies). They follow
 * QEMU's order of checks and its side effects: CPUs listed before a failing check stay mapped,
 * and "mem seen"/"memdev seen" stay set when the call fails. */
bool numa_add_node(const numa_node_opts *o, strbuf *err);
bool numa_add_distance(uint64_t src, uint64_t dst, unsigned val, strbuf *err);
/* type=cpu: p->has_node_id false gives "Missing mandatory node-id property". */
bool numa_map_cpu(const numa_cpu_props *p, strbuf *err);
/* True when node n was declared. */
bool numa_node_present(int node);

/* ---- HMAT (emu/numa_hmat.c), 7.2 only: -machine hmat=on ---- */

typedef struct numa_hmat_lb_opts {
    uint16_t initiator, target;
    int hierarchy; /* HmatLBMemoryHierarchy index: memory, first-level, ... */
    int data_type; /* HmatLBDataType index: 3 latencies, then 3 bandwidths */
    bool has_latency, has_bandwidth;
    uint64_t latency, bandwidth;
} numa_hmat_lb_opts;

typedef struct numa_hmat_cache_opts {
    uint32_t node_id;
    uint64_t size;
    uint8_t level;
} numa_hmat_cache_opts;

/* QAPI's HmatLBMemoryHierarchy, HmatLBDataType, HmatCacheAssociativity, HmatCacheWritePolicy
 * values (NULL-terminated), in their index order. */
extern const char *const numa_hmat_hierarchy_names[];
extern const char *const numa_hmat_data_type_names[];
extern const char *const numa_hmat_associativity_names[];
extern const char *const numa_hmat_policy_names[];

void numa_set_hmat(bool on);
bool numa_hmat_enabled(void);
/* QEMU's "HMAT is disabled" error (hmat-lb, hmat-cache, node initiator= without hmat=on). */
bool numa_hmat_option(strbuf *err);
bool numa_add_hmat_lb(const numa_hmat_lb_opts *o, strbuf *err);
bool numa_add_hmat_cache(const numa_hmat_cache_opts *o, strbuf *err);
/* Between numa.c and numa_hmat.c: forget HMAT state; a node's initiator (NUMA_MAX_NODES: none);
 * a CPU mapped to node (QEMU's initiator rule, a message in err on failure); the build-time
 * initiator checks (messages on stderr after pfx). */
void numa_hmat_reset(void);
/* Marks the tables changed, so that the next numa_reset() clears them. */
void numa_note_change(void);
void numa_hmat_set_initiator(int node, unsigned initiator);
bool numa_hmat_cpu_mapped(int node, strbuf *err);
bool numa_hmat_validate_initiators(const char *pfx);

/* The props of possible CPU index cpu as query-hotpluggable-cpus shows them (core-id, and
 * node-id once mapped). */
numa_cpu_props numa_possible_cpu_props(int cpu);
/* "CPU 0 [core-id: 0]"-style description used by warnings. */
void numa_describe_cpu(strbuf *out, int cpu);

/* Machine-build checks and defaults (QEMU's numa_complete_configuration and friends): node-id
 * gaps, memory sum against ram_size, distance table completeness, default placement of
 * unmapped CPUs. On failure: prints QEMU's messages to stderr and returns false (the caller
 * exits 1 with no QMP reply). */
bool numa_finalize(void);

#endif
