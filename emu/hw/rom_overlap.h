/* QEMU's check of the images it loads into guest memory ("ROM regions": each kernel segment,
 * the device tree) for overlaps when the machine is built, with its message: an overlap is a
 * fatal configuration error, not something to load anyway. It must never change a region. */
#ifndef EMU_HW_ROM_OVERLAP_H
#define EMU_HW_ROM_OVERLAP_H

#include <stdbool.h>
#include <stdint.h>

#include "emu/strbuf.h"

typedef struct rom_region {
    char name[320];
    uint64_t addr, size;
} rom_region;

/* Sorts r (by address, keeping the order of regions at the same address, as QEMU inserts
 * them) and checks each region against the one before it. False, with QEMU 7.2's message in
 * err (the first line is the one its error prefix goes on), when any overlap. */
bool rom_regions_check(rom_region *r, unsigned n, strbuf *err);

#endif
