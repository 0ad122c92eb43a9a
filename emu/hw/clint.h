/* SiFive CLINT / ACLINT (msip, mtimecmp, mtime) of the virt board at 0x2000000: mtime runs at
 * 10 MHz of virtual time. It must never read host time: mtime is derived from the clock. */
#ifndef EMU_HW_CLINT_H
#define EMU_HW_CLINT_H

#include "emu/hw/board_host.h"
#include "emu/hw/bus.h"

#define CLINT_BASE      0x2000000ULL
#define CLINT_SIZE      0x10000ULL
#define CLINT_MAX_HARTS 16
#define CLINT_FREQ_HZ   10000000ULL

typedef struct clint {
    int nharts;
    dev_clock clock;
    irq_line msip[CLINT_MAX_HARTS];
    irq_line mtip[CLINT_MAX_HARTS];
    uint32_t msip_val[CLINT_MAX_HARTS];
    uint64_t timecmp[CLINT_MAX_HARTS];
    uint64_t deadline_ns[CLINT_MAX_HARTS];
    int64_t time_delta; /* guest writes to mtime */
} clint;

extern const mmio_ops clint_ops;
void clint_init(clint *c, int nharts, dev_clock clock);
void clint_reset(clint *c);
uint64_t clint_mtime(clint *c);
uint64_t clint_next_deadline(const clint *c);
/* Fires the timers whose deadline has passed. */
void clint_update(clint *c, uint64_t now_ns);

#endif
