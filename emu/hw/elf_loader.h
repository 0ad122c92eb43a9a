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
/* Copies every PT_LOAD segment (by physical address) into mem, which holds guest physical
 * [base, base + size), zero-filling up to p_memsz. On error appends a message to err. */
bool elf_load(const uint8_t *data, size_t len, uint8_t *mem, uint64_t base, uint64_t size,
              elf_info *info, strbuf *err);

#endif
