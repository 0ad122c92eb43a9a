/* The "none" machine: no CPUs, no RAM, no devices (QEMU's `-M none`, as its qmp-test uses).
 * Must never pretend to run guest code. */
#include "emu/machine.h"

const machine_class machine_none = {
    .name = "none",
    .desc = "empty machine",
    .is_default = false,
    .max_cpus = 1,
    .hotpluggable_cpus = false,
    .numa_supported = false,
    .numa_mem_supported = false,
    .wakeup_supported = false,
    .default_ram_id = "ram",
};
