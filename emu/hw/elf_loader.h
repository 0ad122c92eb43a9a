/* Loading an ELF64 RISC-V executable into a window of guest RAM. A malformed file must give a
 * clear message, never a crash or a write outside the window. */
#ifndef EMU_HW_ELF_LOADER_H
#define EMU_HW_ELF_LOADER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "emu/strbuf.h"

typedef struct elf_info {
    uint64_t entry;
    bool has_htif; /* both tohost and fromhost symbols exist */
    uint64_t tohost, fromhost;
    uint64_t lo, hi; /* the offsets into mem the segments were written to span */
} elf_info;

bool elf_is_elf(const uint8_t *data, size_t len);

/* A loadable segment: its index in the program header table, where it goes, its size in
 * memory. */
typedef struct elf_segment {
    unsigned index;
    uint64_t paddr, memsz;
} elf_segment;

/* The PT_LOAD segments with a size in memory of a file elf_load accepted, in table order (at
 * most max); returns how many there are. */
unsigned elf_segments(const uint8_t *data, size_t len, elf_segment *out, unsigned max);
/* Copies every PT_LOAD segment (by physical address) into mem, which holds guest physical
 * [base, base + size), zero-filling up to p_memsz. On error appends a message to err. */
bool elf_load(const uint8_t *data, size_t len, uint8_t *mem, uint64_t base, uint64_t size,
              elf_info *info, strbuf *err);

#endif
