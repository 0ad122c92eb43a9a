/* Disassembly of one RISC-V instruction into text, from the same table the decoder uses; for
 * divergence reports and traces. It must never depend on hart state. */
#ifndef EMU_TCG_DISAS_H
#define EMU_TCG_DISAS_H

#include <stdint.h>

#include "emu/strbuf.h"

/* Appends e.g. "addi a0,a0,1" (compressed instructions show their expansion with a "c." prefix
 * is not used: the expanded mnemonic is printed). Unknown encodings print as ".insn 0x...". */
void rv_disas(strbuf *out, uint64_t pc, uint32_t insn);
/* The ABI name of integer register r ("ra" for 1), "?" past 31. */
const char *rv_reg_name(unsigned r);

#endif
