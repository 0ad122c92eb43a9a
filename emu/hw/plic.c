/* The PLIC, modelled on QEMU 7.2's sifive_plic (claim picks the highest priority strictly above
 * the threshold, ties to the lowest source). It must never deliver source 0. */
#include "emu/hw/plic.h"

#include <string.h>

#define NUM_PRIORITIES 7

uint64_t plic_size(int nharts)
{
    return 0x200000ULL + (uint64_t)nharts * 2 * 0x1000;
}

void plic_init(plic *p, int nharts)
{
    memset(p, 0, sizeof(*p));
    p->nctx = nharts * 2 > PLIC_MAX_CTX ? PLIC_MAX_CTX : nharts * 2;
}

void plic_reset(plic *p)
{
    memset(p->priority, 0, sizeof(p->priority));
    memset(p->pending, 0, sizeof(p->pending));
    memset(p->claimed, 0, sizeof(p->claimed));
    memset(p->enable, 0, sizeof(p->enable));
    memset(p->threshold, 0, sizeof(p->threshold));
    for (int i = 0; i < p->nctx; i++)
        irq_set(&p->out[i], false);
}

static uint32_t best(const plic *p, int ctx)
{
    uint32_t max_irq = 0, max_prio = p->threshold[ctx];
    for (int w = 0; w < PLIC_WORDS; w++) {
        uint32_t cand = p->pending[w] & ~p->claimed[w] & p->enable[ctx][w];
        for (int b = 0; cand && b < 32; b++) {
            uint32_t irq = (uint32_t)(w * 32 + b);
            if ((cand >> b) & 1 && irq != 0 && p->priority[irq] > max_prio) {
                max_irq = irq;
                max_prio = p->priority[irq];
            }
        }
    }
    return max_irq;
}

static void update(plic *p)
{
    for (int c = 0; c < p->nctx; c++)
        irq_set(&p->out[c], best(p, c) != 0);
}

static void set_bit(uint32_t *words, uint32_t irq, bool v)
{
    if (v)
        words[irq / 32] |= 1u << (irq % 32);
    else
        words[irq / 32] &= ~(1u << (irq % 32));
}

void plic_set_irq(void *opaque, int irq, bool level)
{
    plic *p = opaque;
    if (irq <= 0 || irq >= PLIC_NUM_SOURCES)
        return;
    set_bit(p->pending, (uint32_t)irq, level);
    update(p);
}

static uint64_t plic_read(void *opaque, uint64_t off, unsigned size)
{
    plic *p = opaque;
    (void)size;
    if (off & 3)
        return 0;
    if (off < 4ULL * PLIC_NUM_SOURCES)
        return p->priority[off / 4];
    if (off >= 0x1000 && off < 0x1000 + 4ULL * PLIC_WORDS)
        return p->pending[(off - 0x1000) / 4];
    if (off >= 0x2000 && off < 0x200000) {
        uint64_t ctx = (off - 0x2000) / 0x80, w = ((off - 0x2000) % 0x80) / 4;
        if (ctx < (uint64_t)p->nctx && w < PLIC_WORDS)
            return p->enable[ctx][w];
        return 0;
    }
    if (off >= 0x200000) {
        uint64_t ctx = (off - 0x200000) / 0x1000, reg = (off - 0x200000) % 0x1000;
        if (ctx >= (uint64_t)p->nctx)
            return 0;
        if (reg == 0)
            return p->threshold[ctx];
        if (reg == 4) {
            uint32_t irq = best(p, (int)ctx);
            if (irq) {
                set_bit(p->pending, irq, false);
                set_bit(p->claimed, irq, true);
            }
            update(p);
            return irq;
        }
    }
    return 0;
}

static void plic_write(void *opaque, uint64_t off, uint64_t val, unsigned size)
{
    plic *p = opaque;
    uint32_t v = (uint32_t)val;
    (void)size;
    if (off & 3)
        return;
    if (off < 4ULL * PLIC_NUM_SOURCES) {
        if (v <= NUM_PRIORITIES)
            p->priority[off / 4] = v;
        update(p);
        return;
    }
    if (off >= 0x2000 && off < 0x200000) {
        uint64_t ctx = (off - 0x2000) / 0x80, w = ((off - 0x2000) % 0x80) / 4;
        if (ctx < (uint64_t)p->nctx && w < PLIC_WORDS) {
            p->enable[ctx][w] = w == 0 ? (v & ~1u) : v;
            update(p);
        }
        return;
    }
    if (off >= 0x200000) {
        uint64_t ctx = (off - 0x200000) / 0x1000, reg = (off - 0x200000) % 0x1000;
        if (ctx >= (uint64_t)p->nctx)
            return;
        if (reg == 0 && v <= NUM_PRIORITIES) {
            p->threshold[ctx] = v;
            update(p);
        } else if (reg == 4 && v < PLIC_NUM_SOURCES) {
            set_bit(p->claimed, v, false);
            update(p);
        }
    }
}

const mmio_ops plic_ops = {plic_read, plic_write};
