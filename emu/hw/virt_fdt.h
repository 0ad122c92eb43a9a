/* The flattened device tree of emu's virt board: what a guest finds at a1 (harts, memory with
 * NUMA node ids, the distance map, the devices emu really has). It must never describe a device
 * emu does not model, and never depend on anything but the configuration (no host state, no
 * random seed), so the same command line always gives the same bytes. */
#ifndef EMU_HW_VIRT_FDT_H
#define EMU_HW_VIRT_FDT_H

#include <stddef.h>
#include <stdint.h>

#include "emu/hw/virt.h"
#include "emu/strbuf.h"

/* The size QEMU 7.2 creates its tree with (FDT_MAX_SIZE); its placement below the end of RAM
 * counts this size, not the packed one. */
#define VIRT_FDT_ALLOC_SIZE 0x100000ULL

/* Builds the packed blob for a validated configuration (ram_size, nharts, topo filled in).
 * Returns a malloc'd blob and its length, or NULL with a message in err. */
void *virt_fdt_build(const virt_config *cfg, size_t *len, strbuf *err);

/* Where QEMU 7.2's riscv_load_fdt puts the blob: 2 MiB aligned, VIRT_FDT_ALLOC_SIZE below the
 * end of RAM or 3 GiB, whichever is lower. */
uint64_t virt_fdt_place(uint64_t ram_size);

#endif
