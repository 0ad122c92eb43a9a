/* The 16550A: register behaviour after QEMU's hw/char/serial.c (transmit completes at once, the
 * THRE interrupt is re-armed by each write and cleared by reading IIR). It must never drop a
 * transmitted byte or deliver input the FIFO has no room for. */
#include "emu/hw/uart.h"

#include <string.h>

#define LSR_DR   0x01
#define LSR_OE   0x02
#define LSR_BI   0x10
#define LSR_THRE 0x20
#define LSR_TEMT 0x40
#define IER_RDI  0x01
#define IER_THRI 0x02
#define IER_RLSI 0x04
#define IIR_NO   0x01
#define IIR_THRI 0x02
#define IIR_RDI  0x04
#define IIR_RLSI 0x06
#define FCR_FE   0x01
#define LCR_DLAB 0x80
#define MCR_LOOP 0x10

void uart_init(uart *u)
{
    irq_line irq = u->irq;
    void (*out)(void *, uint8_t) = u->out;
    void *oo = u->out_opaque;
    memset(u, 0, sizeof(*u));
    u->irq = irq;
    u->out = out;
    u->out_opaque = oo;
    uart_reset(u);
}

static void update_irq(uart *u)
{
    uint8_t iir = IIR_NO;
    if ((u->ier & IER_RLSI) && (u->lsr & (LSR_OE | LSR_BI)))
        iir = IIR_RLSI;
    else if ((u->ier & IER_RDI) && (u->lsr & LSR_DR))
        iir = IIR_RDI;
    else if ((u->ier & IER_THRI) && u->thr_ipending)
        iir = IIR_THRI;
    u->iir = (uint8_t)(iir | (u->iir & 0xf0));
    irq_set(&u->irq, iir != IIR_NO);
}

void uart_reset(uart *u)
{
    u->ier = 0;
    u->iir = IIR_NO;
    u->lcr = 0;
    u->mcr = 0x08; /* OUT2, as QEMU resets it */
    u->lsr = LSR_TEMT | LSR_THRE;
    u->msr = 0xb0; /* DCD, DSR, CTS */
    u->scr = 0;
    u->fcr = 0;
    u->divider = 0x0c;
    u->thr_ipending = false;
    u->rx_head = u->rx_count = 0;
    update_irq(u);
}

size_t uart_can_receive(const uart *u)
{
    int cap = (u->fcr & FCR_FE) ? UART_FIFO : 1;
    return (size_t)(cap - u->rx_count > 0 ? cap - u->rx_count : 0);
}

static void push_rx(uart *u, uint8_t b)
{
    if (u->rx_count >= UART_FIFO) {
        u->lsr |= LSR_OE;
        return;
    }
    u->rx[(u->rx_head + u->rx_count) % UART_FIFO] = b;
    u->rx_count++;
    u->lsr |= LSR_DR;
}

void uart_receive(uart *u, const uint8_t *buf, size_t len)
{
    for (size_t i = 0; i < len; i++)
        push_rx(u, buf[i]);
    update_irq(u);
}

static uint64_t uart_read(void *opaque, uint64_t off, unsigned size)
{
    uart *u = opaque;
    (void)size;
    switch (off) {
    case 0:
        if (u->lcr & LCR_DLAB)
            return u->divider & 0xff;
        if (u->rx_count) {
            uint8_t b = u->rx[u->rx_head];
            u->rx_head = (u->rx_head + 1) % UART_FIFO;
            if (--u->rx_count == 0)
                u->lsr &= (uint8_t)~LSR_DR;
            update_irq(u);
            return b;
        }
        return 0;
    case 1:
        return (u->lcr & LCR_DLAB) ? (u->divider >> 8) : u->ier;
    case 2: {
        uint8_t r = u->iir;
        if ((r & 0x0f) == IIR_THRI) {
            u->thr_ipending = false;
            update_irq(u);
        }
        return r;
    }
    case 3:
        return u->lcr;
    case 4:
        return u->mcr;
    case 5: {
        uint8_t r = u->lsr;
        if (r & (LSR_BI | LSR_OE)) {
            u->lsr &= (uint8_t) ~(LSR_BI | LSR_OE);
            update_irq(u);
        }
        return r;
    }
    case 6:
        return (u->mcr & MCR_LOOP) ? (uint8_t)(((u->mcr & 0x0c) << 4) | ((u->mcr & 0x02) << 3) |
                                               ((u->mcr & 0x01) << 5))
                                   : u->msr;
    default:
        return u->scr;
    }
}

static void uart_write(void *opaque, uint64_t off, uint64_t val, unsigned size)
{
    uart *u = opaque;
    uint8_t v = (uint8_t)val;
    (void)size;
    switch (off) {
    case 0:
        if (u->lcr & LCR_DLAB) {
            u->divider = (uint16_t)((u->divider & 0xff00) | v);
            return;
        }
        u->thr_ipending = false;
        u->lsr &= (uint8_t) ~(LSR_THRE | LSR_TEMT);
        update_irq(u);
        if (u->mcr & MCR_LOOP)
            push_rx(u, v);
        else if (u->out)
            u->out(u->out_opaque, v);
        u->lsr |= LSR_THRE | LSR_TEMT;
        u->thr_ipending = true;
        update_irq(u);
        return;
    case 1:
        if (u->lcr & LCR_DLAB) {
            u->divider = (uint16_t)((u->divider & 0x00ff) | (v << 8));
            return;
        }
        {
            uint8_t changed = (u->ier ^ v) & 0x0f;
            u->ier = v & 0x0f;
            if (changed) {
                if ((u->ier & IER_THRI) && (u->lsr & LSR_THRE))
                    u->thr_ipending = true;
                update_irq(u);
            }
        }
        return;
    case 2:
        if ((v ^ u->fcr) & FCR_FE) {
            u->rx_head = u->rx_count = 0;
            u->lsr &= (uint8_t)~LSR_DR;
        }
        if (v & 0x02) {
            u->rx_head = u->rx_count = 0;
            u->lsr &= (uint8_t)~LSR_DR;
        }
        u->fcr = v & 0xc9;
        u->iir = (uint8_t)((u->iir & 0x0f) | ((u->fcr & FCR_FE) ? 0xc0 : 0));
        update_irq(u);
        return;
    case 3:
        u->lcr = v;
        return;
    case 4:
        u->mcr = v & 0x1f;
        return;
    case 7:
        u->scr = v;
        return;
    default:
        return;
    }
}

const mmio_ops uart_ops = {uart_read, uart_write};
