/* NS16550A UART of the virt board at 0x10000000 (IRQ 10), with a byte sink (serial_out of the
 * board host) and a byte source (uart_receive, fed by the main loop at slice boundaries). It must
 * never block or read a file descriptor itself. */
#ifndef EMU_HW_UART_H
#define EMU_HW_UART_H

#include <stddef.h>

#include "emu/hw/board_host.h"
#include "emu/hw/bus.h"

#define UART_BASE 0x10000000ULL
#define UART_SIZE 8ULL
#define UART_IRQ  10
#define UART_FIFO 16

typedef struct uart {
    uint8_t ier, iir, lcr, mcr, lsr, msr, scr, fcr;
    uint16_t divider;
    bool thr_ipending;
    uint8_t rx[UART_FIFO];
    int rx_head, rx_count;
    irq_line irq;
    void (*out)(void *opaque, uint8_t byte);
    void *out_opaque;
} uart;

extern const mmio_ops uart_ops;
void uart_init(uart *u);
void uart_reset(uart *u);
/* How many bytes the guest-side FIFO can take now (1 without FIFO mode, like QEMU). */
size_t uart_can_receive(const uart *u);
void uart_receive(uart *u, const uint8_t *buf, size_t len);

#endif
