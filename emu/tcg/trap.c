/* Traps: exception and interrupt entry with medeleg/mideleg delegation, mret/sret, WFI and
 * sfence.vma, following the privileged spec and, where it leaves a choice, QEMU 7.2 (whose
 * behaviour the differential tests compare against). It must never run guest code itself. */
#include "emu/tcg/tcg_internal.h"

void hart_set_priv(hart *h, int priv)
{
    if (priv != h->priv && ((h->satp >> 60) || (h->mstatus & MSTATUS_MPRV)))
        tlb_flush(h);
    h->priv = priv;
    hart_update_fetch_mode(h);
}

void hart_trap(hart *h, uint64_t cause, uint64_t tval, uint64_t epc)
{
    bool irq = cause >> 63;
    uint64_t code = cause & ~(1ULL << 63);
    uint64_t deleg = irq ? h->mideleg : h->medeleg;
    if (h->priv <= PRV_S && code < 64 && ((deleg >> code) & 1)) {
        h->scause = cause;
        h->sepc = epc;
        h->stval = tval;
        uint64_t s = h->mstatus;
        s = (s & ~MSTATUS_SPIE) | ((s & MSTATUS_SIE) ? MSTATUS_SPIE : 0);
        s = (s & ~MSTATUS_SPP) | (h->priv == PRV_S ? MSTATUS_SPP : 0);
        s &= ~MSTATUS_SIE;
        h->mstatus = s;
        h->pc = (h->stvec & ~3ULL) + ((irq && (h->stvec & 1)) ? 4 * code : 0);
        hart_set_priv(h, PRV_S);
    } else {
        h->mcause = cause;
        h->mepc = epc;
        h->mtval = tval;
        uint64_t s = h->mstatus;
        s = (s & ~MSTATUS_MPIE) | ((s & MSTATUS_MIE) ? MSTATUS_MPIE : 0);
        s = (s & ~MSTATUS_MPP) | ((uint64_t)h->priv << 11);
        s &= ~MSTATUS_MIE;
        h->mstatus = s;
        h->pc = (h->mtvec & ~3ULL) + ((irq && (h->mtvec & 1)) ? 4 * code : 0);
        hart_set_priv(h, PRV_M);
    }
    h->exit_req = 1;
}

bool hart_take_interrupt(hart *h)
{
    uint64_t pending = h->mip & h->mie;
    if (!pending)
        return false;
    bool m_on = h->priv < PRV_M || (h->mstatus & MSTATUS_MIE);
    bool s_on = h->priv < PRV_S || (h->priv == PRV_S && (h->mstatus & MSTATUS_SIE));
    uint64_t irqs = pending & ~h->mideleg & (m_on ? ~0ULL : 0);
    if (!irqs)
        irqs = pending & h->mideleg & (s_on ? ~0ULL : 0);
    if (!irqs)
        return false;
    /* QEMU 7.2 without AIA takes the lowest-numbered pending interrupt first. */
    uint64_t code = (uint64_t)__builtin_ctzll(irqs);
    hart_trap(h, (1ULL << 63) | code, 0, h->pc);
    return true;
}

bool hart_mret(hart *h, const rv_op *o)
{
    if (h->priv < PRV_M) {
        hart_trap(h, EXC_ILLEGAL, o->raw, o->pc);
        return false;
    }
    uint64_t s = h->mstatus;
    int prev = (int)((s >> 11) & 3);
    s = (s & ~MSTATUS_MIE) | ((s & MSTATUS_MPIE) ? MSTATUS_MIE : 0);
    s |= MSTATUS_MPIE;
    s &= ~MSTATUS_MPP; /* U */
    if (prev != PRV_M)
        s &= ~MSTATUS_MPRV;
    if ((s ^ h->mstatus) & MSTATUS_MPRV)
        tlb_flush(h);
    h->mstatus = s;
    h->pc = h->mepc;
    hart_set_priv(h, prev);
    h->exit_req = 1;
    return true;
}

bool hart_sret(hart *h, const rv_op *o)
{
    if (h->priv < PRV_S || (h->priv == PRV_S && (h->mstatus & MSTATUS_TSR))) {
        hart_trap(h, EXC_ILLEGAL, o->raw, o->pc);
        return false;
    }
    uint64_t s = h->mstatus;
    int prev = (s & MSTATUS_SPP) ? PRV_S : PRV_U;
    s = (s & ~MSTATUS_SIE) | ((s & MSTATUS_SPIE) ? MSTATUS_SIE : 0);
    s |= MSTATUS_SPIE;
    s &= ~MSTATUS_SPP;
    s &= ~MSTATUS_MPRV;
    if ((s ^ h->mstatus) & MSTATUS_MPRV)
        tlb_flush(h);
    h->mstatus = s;
    h->pc = h->sepc;
    hart_set_priv(h, prev);
    h->exit_req = 1;
    return true;
}

bool hart_wfi(hart *h, const rv_op *o)
{
    /* With S implemented, U-mode WFI is illegal; S-mode WFI is illegal under TW. */
    if (h->priv == PRV_U || (h->priv == PRV_S && (h->mstatus & MSTATUS_TW))) {
        hart_trap(h, EXC_ILLEGAL, o->raw, o->pc);
        return false;
    }
    if (!(h->mip & h->mie))
        h->wfi = true;
    h->exit_req = 1;
    return true;
}

bool hart_sfence(hart *h, const rv_op *o)
{
    if (h->priv == PRV_U || (h->priv == PRV_S && (h->mstatus & MSTATUS_TVM))) {
        hart_trap(h, EXC_ILLEGAL, o->raw, o->pc);
        return false;
    }
    tlb_flush(h);
    return true;
}
