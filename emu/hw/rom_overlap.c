/* The ROM region overlap check (rom_overlap.h). It must never read past the regions given. */
#include "emu/hw/rom_overlap.h"

#include <inttypes.h>

bool rom_regions_check(rom_region *r, unsigned n, strbuf *err)
{
    /* insertion sort: stable, and the lists are a handful long */
    for (unsigned i = 1; i < n; i++) {
        rom_region x = r[i];
        unsigned j = i;
        for (; j > 0 && r[j - 1].addr > x.addr; j--) {
            r[j] = r[j - 1];
        }
        r[j] = x;
    }
    bool overlap = false;
    for (unsigned i = 1; i < n; i++) {
        const rom_region *a = &r[i - 1], *b = &r[i];
        if (a->addr + a->size <= b->addr) {
            continue;
        }
        if (!overlap) {
            sb_puts(err, "Some ROM regions are overlapping\n"
                         "These ROM regions might have been loaded by direct user request or "
                         "by default.\n"
                         "They could be BIOS/firmware images, a guest kernel, initrd or some "
                         "other file loaded into guest memory.\n"
                         "Check whether you intended to load all this guest code, and whether "
                         "it has been built to load to the correct addresses.\n");
            overlap = true;
        }
        sb_puts(err, "\nThe following two regions overlap (in the memory address space):\n");
        for (const rom_region *x = a; x <= b; x++) {
            sb_printf(err, "  %s (addresses 0x%016" PRIx64 " - 0x%016" PRIx64 ")\n", x->name,
                      x->addr, x->addr + x->size);
        }
    }
    if (overlap && err->len && err->buf[err->len - 1] == '\n') {
        err->buf[--err->len] = 0; /* the caller ends the line */
    }
    return !overlap;
}
