/* HTIF tohost/fromhost (riscv-tests convention), mapped over the two RAM words of an ELF that
 * defines the `tohost` and `fromhost` symbols: tohost = 1 passes, an odd value v fails with code
 * v >> 1, device 1 command 1 writes a console byte. It must never exist without those symbols. */
#ifndef EMU_HW_HTIF_H
#define EMU_HW_HTIF_H

#include "emu/hw/board_host.h"
#include "emu/hw/bus.h"

typedef struct htif {
    const board_host_ops *host;
    void *host_opaque;
    uint64_t tohost, fromhost;
} htif;

/* 8-byte windows over the tohost and the fromhost words. */
extern const mmio_ops htif_ops;
extern const mmio_ops htif_fromhost_ops;
void htif_reset(htif *h);

#endif
