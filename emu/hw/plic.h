/* SiFive PLIC of the virt board at 0xc000000: 96 sources, priorities 0..7, two contexts per hart
 * (2h: M-mode, 2h+1: S-mode). It must never latch a source whose line is low (like QEMU, the
 * pending bit follows the level and a claim clears it). */
#ifndef EMU_HW_PLIC_H
#define EMU_HW_PLIC_H

#include "emu/hw/board_host.h"
#include "emu/hw/bus.h"

#define PLIC_BASE        0xc000000ULL
#define PLIC_NUM_SOURCES 96
#define PLIC_MAX_CTX     32
#define PLIC_WORDS       ((PLIC_NUM_SOURCES + 31) / 32)

typedef struct plic {
    int nctx;
    uint32_t priority[PLIC_NUM_SOURCES];
    uint32_t pending[PLIC_WORDS];
    uint32_t claimed[PLIC_WORDS];
    uint32_t enable[PLIC_MAX_CTX][PLIC_WORDS];
    uint32_t threshold[PLIC_MAX_CTX];
    irq_line out[PLIC_MAX_CTX];
} plic;

extern const mmio_ops plic_ops;
uint64_t plic_size(int nharts);
void plic_init(plic *p, int nharts);
void plic_reset(plic *p);
/* A device's interrupt line into source irq (1..95). */
void plic_set_irq(void *opaque, int irq, bool level);

#endif
