/* Control and status registers: access checks, read/modify/write of the Zicsr instructions,
 * the counters (QEMU -icount semantics: cycle and instret read the virtual clock in ns,
 * including the reading instruction), and hart init/reset. It must never read host time. */
#include <string.h>

#include "emu/tcg/tcg_internal.h"

#define MSTATUS_WMASK                                                                              \
    (MSTATUS_SIE | MSTATUS_MIE | MSTATUS_SPIE | MSTATUS_MPIE | MSTATUS_SPP | MSTATUS_MPP |         \
     MSTATUS_MPRV | MSTATUS_SUM | MSTATUS_MXR | MSTATUS_TVM | MSTATUS_TW | MSTATUS_TSR)
#define SSTATUS_MASK  (MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP | MSTATUS_SUM | MSTATUS_MXR)
#define SSTATUS_RMASK (SSTATUS_MASK | (3ULL << 32))

#define S_INTS   ((1ULL << IRQ_SSI) | (1ULL << IRQ_STI) | (1ULL << IRQ_SEI))
#define ALL_INTS (S_INTS | (1ULL << IRQ_MSI) | (1ULL << IRQ_MTI) | (1ULL << IRQ_MEI))
/* The writable bits QEMU 7.2 exposes (its masks include hypervisor causes and interrupts). */
#define MEDELEG_MASK 0xf0bfffULL
#define MIDELEG_MASK 0x3666ULL

enum {
    CSR_SSTATUS = 0x100,
    CSR_SIE = 0x104,
    CSR_STVEC = 0x105,
    CSR_SCOUNTEREN = 0x106,
    CSR_SENVCFG = 0x10a,
    CSR_SSCRATCH = 0x140,
    CSR_SEPC = 0x141,
    CSR_SCAUSE = 0x142,
    CSR_STVAL = 0x143,
    CSR_SIP = 0x144,
    CSR_SATP = 0x180,
    CSR_MSTATUS = 0x300,
    CSR_MISA = 0x301,
    CSR_MEDELEG = 0x302,
    CSR_MIDELEG = 0x303,
    CSR_MIE = 0x304,
    CSR_MTVEC = 0x305,
    CSR_MCOUNTEREN = 0x306,
    CSR_MENVCFG = 0x30a,
    CSR_MCOUNTINHIBIT = 0x320,
    CSR_MSCRATCH = 0x340,
    CSR_MEPC = 0x341,
    CSR_MCAUSE = 0x342,
    CSR_MTVAL = 0x343,
    CSR_MIP = 0x344,
    CSR_PMPCFG0 = 0x3a0,
    CSR_PMPADDR0 = 0x3b0,
    CSR_MCYCLE = 0xb00,
    CSR_MINSTRET = 0xb02,
    CSR_CYCLE = 0xc00,
    CSR_TIME = 0xc01,
    CSR_INSTRET = 0xc02,
    CSR_MVENDORID = 0xf11,
    CSR_MARCHID = 0xf12,
    CSR_MIMPID = 0xf13,
    CSR_MHARTID = 0xf14,
    CSR_MCONFIGPTR = 0xf15,
};

void hart_update_fetch_mode(hart *h)
{
    h->fetch_bare = h->priv == PRV_M || (h->satp >> 60) == 0;
}

void hart_init(hart *h, uint64_t hartid, bus *b, hart_clock *clk, tb_cache *tbc, const bool *stop)
{
    memset(h, 0, sizeof(*h));
    h->hartid = hartid;
    h->bus = b;
    h->clock = clk;
    h->tbc = tbc;
    h->stop = stop;
    tb_cache_add_hart(tbc, h);
    hart_reset(h, 0x1000);
}

void hart_reset(hart *h, uint64_t reset_pc)
{
    memset(h->x, 0, sizeof(h->x));
    h->pc = reset_pc;
    h->priv = PRV_M;
    h->mstatus = MSTATUS_UXL | MSTATUS_SXL;
    h->misa =
        (2ULL << 62) | (1u << 0) | (1u << 2) | (1u << 8) | (1u << 12) | (1u << 18) | (1u << 20);
    h->medeleg = h->mideleg = h->mie = h->mip = 0;
    h->mtvec = h->mscratch = h->mepc = h->mcause = h->mtval = 0;
    h->mcounteren = h->mcountinhibit = h->menvcfg = 0;
    h->stvec = h->sscratch = h->sepc = h->scause = h->stval = 0;
    h->scounteren = h->senvcfg = h->satp = 0;
    memset(h->pmpcfg, 0, sizeof(h->pmpcfg));
    memset(h->pmpaddr, 0, sizeof(h->pmpaddr));
    memset(h->ctr_val, 0, sizeof(h->ctr_val));
    memset(h->ctr_prev, 0, sizeof(h->ctr_prev));
    h->res_valid = false;
    h->wfi = false;
    h->exit_req = 1;
    tlb_flush(h);
    hart_update_fetch_mode(h);
}

static uint64_t counter_read(hart *h, int i)
{
    return hart_clock_ns(h->clock) - h->ctr_prev[i] + h->ctr_val[i];
}

/* Counters below M-mode need the enable bits of mcounteren (and scounteren for U). */
static bool counter_allowed(hart *h, unsigned csr)
{
    unsigned bit = csr & 31;
    if (h->priv < PRV_M && !((h->mcounteren >> bit) & 1))
        return false;
    if (h->priv < PRV_S && !((h->scounteren >> bit) & 1))
        return false;
    return true;
}

static bool csr_read(hart *h, unsigned csr, uint64_t *v)
{
    switch (csr) {
    case CSR_SSTATUS:
        *v = h->mstatus & SSTATUS_RMASK;
        return true;
    case CSR_SIE:
        *v = h->mie & h->mideleg;
        return true;
    case CSR_STVEC:
        *v = h->stvec;
        return true;
    case CSR_SCOUNTEREN:
        *v = h->scounteren;
        return true;
    case CSR_SENVCFG:
        *v = h->senvcfg;
        return true;
    case CSR_SSCRATCH:
        *v = h->sscratch;
        return true;
    case CSR_SEPC:
        *v = h->sepc;
        return true;
    case CSR_SCAUSE:
        *v = h->scause;
        return true;
    case CSR_STVAL:
        *v = h->stval;
        return true;
    case CSR_SIP:
        *v = h->mip & h->mideleg;
        return true;
    case CSR_SATP:
        if (h->priv == PRV_S && (h->mstatus & MSTATUS_TVM))
            return false;
        *v = h->satp;
        return true;
    case CSR_MSTATUS:
        *v = h->mstatus;
        return true;
    case CSR_MISA:
        *v = h->misa;
        return true;
    case CSR_MEDELEG:
        *v = h->medeleg;
        return true;
    case CSR_MIDELEG:
        *v = h->mideleg;
        return true;
    case CSR_MIE:
        *v = h->mie;
        return true;
    case CSR_MTVEC:
        *v = h->mtvec;
        return true;
    case CSR_MCOUNTEREN:
        *v = h->mcounteren;
        return true;
    case CSR_MENVCFG:
        *v = h->menvcfg;
        return true;
    case CSR_MCOUNTINHIBIT:
        *v = h->mcountinhibit;
        return true;
    case CSR_MSCRATCH:
        *v = h->mscratch;
        return true;
    case CSR_MEPC:
        *v = h->mepc;
        return true;
    case CSR_MCAUSE:
        *v = h->mcause;
        return true;
    case CSR_MTVAL:
        *v = h->mtval;
        return true;
    case CSR_MIP:
        *v = h->mip;
        return true;
    case CSR_MCYCLE:
        *v = counter_read(h, 0);
        return true;
    case CSR_MINSTRET:
        *v = counter_read(h, 2);
        return true;
    case CSR_CYCLE:
    case CSR_INSTRET:
        if (!counter_allowed(h, csr))
            return false;
        *v = counter_read(h, (int)(csr & 3));
        return true;
    case CSR_TIME:
        if (!counter_allowed(h, csr) || !h->rdtime)
            return false;
        *v = h->rdtime(h->rdtime_opaque);
        return true;
    case CSR_MVENDORID:
    case CSR_MARCHID:
    case CSR_MIMPID:
    case CSR_MCONFIGPTR:
        *v = 0;
        return true;
    case CSR_MHARTID:
        *v = h->hartid;
        return true;
    default:
        break;
    }
    if (csr >= CSR_PMPCFG0 && csr < CSR_PMPCFG0 + 16) {
        if (csr & 1)
            return false; /* odd pmpcfg registers do not exist on RV64 */
        *v = h->pmpcfg[(csr - CSR_PMPCFG0) / 2];
        return true;
    }
    if (csr >= CSR_PMPADDR0 && csr < CSR_PMPADDR0 + 64) {
        *v = csr < CSR_PMPADDR0 + 16 ? h->pmpaddr[csr - CSR_PMPADDR0] : 0;
        return true;
    }
    if ((csr >= 0xb03 && csr <= 0xb1f) || (csr >= 0x323 && csr <= 0x33f)) {
        *v = 0; /* mhpmcounter3..31, mhpmevent3..31: no events implemented */
        return true;
    }
    if (csr >= 0xc03 && csr <= 0xc1f) {
        if (!counter_allowed(h, csr))
            return false;
        *v = 0;
        return true;
    }
    return false;
}

static bool csr_write(hart *h, unsigned csr, uint64_t v)
{
    switch (csr) {
    case CSR_SSTATUS:
        v = (h->mstatus & ~SSTATUS_MASK) | (v & SSTATUS_MASK);
        csr = CSR_MSTATUS;
        break;
    case CSR_SIE:
        h->mie = (h->mie & ~h->mideleg) | (v & h->mideleg & S_INTS);
        return true;
    case CSR_STVEC:
        if ((v & 3) < 2)
            h->stvec = v;
        return true;
    case CSR_SCOUNTEREN:
        h->scounteren = v & 0xffffffff;
        return true;
    case CSR_SENVCFG:
        h->senvcfg = v & 1;
        return true;
    case CSR_SSCRATCH:
        h->sscratch = v;
        return true;
    case CSR_SEPC:
        h->sepc = v & ~1ULL;
        return true;
    case CSR_SCAUSE:
        h->scause = v;
        return true;
    case CSR_STVAL:
        h->stval = v;
        return true;
    case CSR_SIP: {
        uint64_t m = h->mideleg & (1ULL << IRQ_SSI);
        h->mip = (h->mip & ~m) | (v & m);
        return true;
    }
    case CSR_SATP: {
        if (h->priv == PRV_S && (h->mstatus & MSTATUS_TVM))
            return false;
        uint64_t mode = v >> 60;
        if (mode != 0 && mode != 8)
            return true; /* WARL: unsupported modes leave satp unchanged */
        h->satp = v & ((0xfULL << 60) | (0xffffULL << 44) | ((1ULL << 44) - 1));
        tlb_flush(h);
        hart_update_fetch_mode(h);
        return true;
    }
    case CSR_MEDELEG:
        h->medeleg = v & MEDELEG_MASK;
        return true;
    case CSR_MIDELEG:
        h->mideleg = v & MIDELEG_MASK;
        return true;
    case CSR_MIE:
        h->mie = v & ALL_INTS;
        return true;
    case CSR_MTVEC:
        if ((v & 3) < 2)
            h->mtvec = v;
        return true;
    case CSR_MCOUNTEREN:
        h->mcounteren = v & 0xffffffff;
        return true;
    case CSR_MENVCFG:
        h->menvcfg = v & 1;
        return true;
    case CSR_MCOUNTINHIBIT:
        h->mcountinhibit = v & 0xfffffffd;
        return true;
    case CSR_MSCRATCH:
        h->mscratch = v;
        return true;
    case CSR_MEPC:
        h->mepc = v & ~1ULL;
        return true;
    case CSR_MCAUSE:
        h->mcause = v;
        return true;
    case CSR_MTVAL:
        h->mtval = v;
        return true;
    case CSR_MIP: {
        uint64_t m = S_INTS;
        h->mip = (h->mip & ~m) | (v & m);
        return true;
    }
    case CSR_MCYCLE:
    case CSR_MINSTRET: {
        int i = (int)(csr & 3);
        h->ctr_val[i] = v;
        h->ctr_prev[i] = hart_clock_ns(h->clock);
        return true;
    }
    case CSR_MISA:
        return true; /* WARL: the extensions are fixed */
    default:
        break;
    }
    if (csr == CSR_MSTATUS) {
        uint64_t nv = (h->mstatus & ~MSTATUS_WMASK) | (v & MSTATUS_WMASK);
        uint64_t ctx = MSTATUS_MPRV | MSTATUS_SUM | MSTATUS_MXR | MSTATUS_MPP;
        if ((nv ^ h->mstatus) & ctx)
            tlb_flush(h);
        h->mstatus = nv;
        return true;
    }
    if (csr >= CSR_PMPCFG0 && csr < CSR_PMPCFG0 + 16) {
        if (csr & 1)
            return false;
        h->pmpcfg[(csr - CSR_PMPCFG0) / 2] = v;
        return true;
    }
    if (csr >= CSR_PMPADDR0 && csr < CSR_PMPADDR0 + 64) {
        if (csr < CSR_PMPADDR0 + 16)
            h->pmpaddr[csr - CSR_PMPADDR0] = v & ((1ULL << 54) - 1);
        return true;
    }
    if ((csr >= 0xb03 && csr <= 0xb1f) || (csr >= 0x323 && csr <= 0x33f))
        return true;
    return false;
}

bool csr_insn(hart *h, const rv_op *o)
{
    unsigned csr = (unsigned)o->imm & 0xfff;
    bool imm = o->opc == OP_csrrwi || o->opc == OP_csrrsi || o->opc == OP_csrrci;
    uint64_t src = imm ? o->rs1 : h->x[o->rs1];
    bool is_rw = o->opc == OP_csrrw || o->opc == OP_csrrwi;
    bool write = is_rw || o->rs1 != 0;
    uint64_t old = 0;
    if ((int)((csr >> 8) & 3) > h->priv || (write && (csr >> 10) == 3) || !csr_read(h, csr, &old))
        goto illegal;
    if (write) {
        uint64_t nv = is_rw                                         ? src
                      : (o->opc == OP_csrrs || o->opc == OP_csrrsi) ? (old | src)
                                                                    : (old & ~src);
        if (!csr_write(h, csr, nv))
            goto illegal;
    }
    h->x[o->rd] = old;
    return true;
illegal:
    hart_trap(h, EXC_ILLEGAL, o->raw, o->pc);
    return false;
}

bool hart_csr_read(hart *h, unsigned csr, uint64_t *val)
{
    int saved = h->priv;
    h->priv = PRV_M;
    bool ok = csr_read(h, csr, val);
    h->priv = saved;
    return ok;
}
