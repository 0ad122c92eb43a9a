/* The NUMA configuration of the machine being built: nodes, distances, CPU-to-node mapping and
 * memory backends, gathered from -numa/-object on the command line and set-numa-node in
 * preconfig, validated as QEMU validates it, then frozen when the board is built. The board
 * (device tree, memory layout) reads it through this interface only. It must never change
 * after numa_finalize() succeeded, and never print anything except through its error paths. */
#ifndef EMU_NUMA_H
#define EMU_NUMA_H

#include <stdbool.h>
#include <stdint.h>

#define NUMA_MAX_NODES        128
#define NUMA_DISTANCE_MIN     10
#define NUMA_DISTANCE_DEFAULT 20
#define NUMA_DISTANCE_MAX     254

/* Forget everything (new run, fuzz iteration). */
void numa_reset(void);

/* Number of NUMA nodes declared (0: no NUMA configuration; the board is one node). */
int numa_node_count(void);
/* Bytes of RAM node n owns after numa_finalize() (nodes are laid out in id order from the start
 * of RAM, each contiguous). */
uint64_t numa_node_mem(int node);
/* Node of CPU (hart) index cpu after numa_finalize(); 0 when there is no NUMA configuration. */
int numa_cpu_node(int cpu);
/* True when the user gave a distance table (-numa dist or set-numa-node type=dist); then
 * numa_distance() is complete and symmetric-filled after numa_finalize(). */
bool numa_have_distances(void);
/* Distance from node src to node dst (10 on the diagonal) after numa_finalize(). */
unsigned numa_distance(int src, int dst);

/* Machine-build checks and defaults (QEMU's numa_complete_configuration and friends): node-id
 * gaps, memory sum against ram_size, distance table completeness, default placement of
 * unmapped CPUs. On failure: prints QEMU's messages to stderr and returns false (the caller
 * exits 1 with no QMP reply). */
bool numa_finalize(void);

#endif
