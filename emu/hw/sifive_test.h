/* SiFive test finisher at 0x100000: a 32-bit write of 0x5555 powers off, 0x7777 resets,
 * (code << 16) | 0x3333 fails with exit code `code`. It must never stop the machine itself:
 * it only reports to the board host. */
#ifndef EMU_HW_SIFIVE_TEST_H
#define EMU_HW_SIFIVE_TEST_H

#include "emu/hw/board_host.h"
#include "emu/hw/bus.h"

#define SIFIVE_TEST_BASE 0x100000ULL
#define SIFIVE_TEST_SIZE 0x1000ULL

typedef struct sifive_test {
    const board_host_ops *host;
    void *host_opaque;
} sifive_test;

extern const mmio_ops sifive_test_ops;

#endif
