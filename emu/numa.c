/* NUMA configuration state (see numa.h). This first version holds no configuration: the machine
 * is one node. It must never report a node the user did not configure. */
#include "emu/numa.h"

#include "emu/machine.h"

void numa_reset(void) {}

int numa_node_count(void)
{
    return 0;
}

uint64_t numa_node_mem(int node)
{
    return node == 0 ? machine_cfg.ram_size : 0;
}

int numa_cpu_node(int cpu)
{
    (void)cpu;
    return 0;
}

bool numa_have_distances(void)
{
    return false;
}

unsigned numa_distance(int src, int dst)
{
    return src == dst ? NUMA_DISTANCE_MIN : NUMA_DISTANCE_DEFAULT;
}

bool numa_finalize(void)
{
    return true;
}
