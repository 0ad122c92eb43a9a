/* Guest memory access: Sv39 translation (hardware A/D updates, as QEMU does), the per-hart TLBs
 * of host pointers, and the slow paths for loads, stores and atomics (MMIO, misaligned, faults,
 * code pages). Every guest access is bounds-checked here: it must never touch host memory
 * outside a bus range, and a bad address must become a guest exception. */
#include <string.h>

#include "emu/tcg/tcg_internal.h"

#define PTE_V (1u << 0)
#define PTE_R (1u << 1)
#define PTE_W (1u << 2)
#define PTE_X (1u << 3)
#define PTE_U (1u << 4)
#define PTE_A (1u << 6)
#define PTE_D (1u << 7)

void tlb_flush(hart *h)
{
    memset(h->tlb_r, 0xff, sizeof(h->tlb_r));
    tlb_flush_write(h);
}

void tlb_flush_write(hart *h)
{
    memset(h->tlb_w, 0xff, sizeof(h->tlb_w));
    memset(h->tlb_w_parked, 0xff, sizeof(h->tlb_w_parked));
}

void tlb_park_write(hart *h)
{
    for (int i = 0; i < TLB_SIZE; i++) {
        if (h->tlb_w[i].tag != UINT64_MAX) {
            h->tlb_w_parked[i] = h->tlb_w[i];
            h->tlb_w[i].tag = UINT64_MAX;
        }
    }
}

/* A store that missed the fast path to a page whose write entry is parked: the entry comes
 * back, its page is marked, and the store goes where the fast path would have put it. */
static bool unpark_store(hart *h, uint64_t a, unsigned size, uint64_t v)
{
    unsigned slot = (a >> 12) & (TLB_SIZE - 1);
    tlb_entry *p = &h->tlb_w_parked[slot];
    if (p->tag != (a & ~0xfffULL) || (a & (size - 1)))
        return false;
    h->tlb_w[slot] = *p;
    bus_note_host_write(h->bus, (const uint8_t *)(p->addend + (uintptr_t)p->tag), 0x1000);
    p->tag = UINT64_MAX;
    memcpy((void *)(h->tlb_w[slot].addend + (uintptr_t)a), &v, size);
    return true;
}

static int page_fault(int acc)
{
    return acc == ACC_FETCH ? EXC_INSN_PAGE : acc == ACC_LOAD ? EXC_LOAD_PAGE : EXC_STORE_PAGE;
}

static int access_fault(int acc)
{
    return acc == ACC_FETCH  ? EXC_INSN_ACCESS
           : acc == ACC_LOAD ? EXC_LOAD_ACCESS
                             : EXC_STORE_ACCESS;
}

static int effective_priv(const hart *h, int acc)
{
    if (acc != ACC_FETCH && (h->mstatus & MSTATUS_MPRV))
        return (int)((h->mstatus >> 11) & 3);
    return h->priv;
}

int mmu_translate(hart *h, uint64_t va, int acc, uint64_t *pa)
{
    int priv = effective_priv(h, acc);
    if (priv == PRV_M || (h->satp >> 60) != 8) {
        *pa = va;
        return 0;
    }
    /* Bits 63..39 must all equal bit 38. */
    if ((uint64_t)(((int64_t)va << 25) >> 25) != va)
        return page_fault(acc);
    uint64_t table = (h->satp & ((1ULL << 44) - 1)) << 12;
    for (int level = 2; level >= 0; level--) {
        uint64_t vpn = (va >> (12 + 9 * level)) & 0x1ff;
        uint64_t pte_addr = table + vpn * 8;
        const bus_range *r = bus_find(h->bus, pte_addr, 8);
        if (!r || !r->host)
            return access_fault(acc);
        uint64_t pte;
        memcpy(&pte, r->host + (pte_addr - r->base), 8);
        if (!(pte & PTE_V) || (!(pte & PTE_R) && (pte & PTE_W)))
            return page_fault(acc);
        uint64_t ppn = (pte >> 10) & ((1ULL << 44) - 1);
        if (!(pte & (PTE_R | PTE_X))) {
            table = ppn << 12;
            continue;
        }
        /* A leaf: permissions. */
        if (priv == PRV_U && !(pte & PTE_U))
            return page_fault(acc);
        if (priv == PRV_S && (pte & PTE_U) && (acc == ACC_FETCH || !(h->mstatus & MSTATUS_SUM)))
            return page_fault(acc);
        bool ok;
        if (acc == ACC_FETCH)
            ok = pte & PTE_X;
        else if (acc == ACC_LOAD)
            ok = (pte & PTE_R) || ((h->mstatus & MSTATUS_MXR) && (pte & PTE_X));
        else
            ok = pte & PTE_W;
        if (!ok)
            return page_fault(acc);
        if (level > 0 && (ppn & ((1ULL << (9 * level)) - 1)))
            return page_fault(acc); /* misaligned superpage */
        uint64_t want = PTE_A | (acc == ACC_STORE ? PTE_D : 0);
        if ((pte & want) != want) {
            if (r->readonly)
                return access_fault(acc);
            pte |= want;
            memcpy(r->host + (pte_addr - r->base), &pte, 8);
            bus_note_write(h->bus, pte_addr, 8);
        }
        uint64_t off_mask = (1ULL << (12 + 9 * level)) - 1;
        *pa = ((ppn << 12) & ~off_mask) | (va & off_mask);
        return 0;
    }
    return page_fault(acc);
}

static void tlb_fill(hart *h, uint64_t va, uint64_t pa, bool write)
{
    bool ro;
    uint8_t *host;
    if (!bus_page_is_plain(h->bus, pa & ~0xfffULL, &ro, &host))
        return;
    tlb_entry *e =
        write ? &h->tlb_w[(va >> 12) & (TLB_SIZE - 1)] : &h->tlb_r[(va >> 12) & (TLB_SIZE - 1)];
    if (write) {
        if (ro)
            return;
        /* Pages holding translated code must keep going through the slow path. */
        if (tb_page_has_code(h->tbc, pa))
            return;
    }
    if (write) {
        bus_note_write(h->bus, pa & ~0xfffULL, 0x1000);
        h->tlb_w_parked[(va >> 12) & (TLB_SIZE - 1)].tag = UINT64_MAX; /* replaced, as e is */
    }
    e->tag = va & ~0xfffULL;
    e->addend = (uintptr_t)host - (uintptr_t)(va & ~0xfffULL);
}

static bool phys_load(hart *h, const rv_op *o, uint64_t pa, unsigned size, uint64_t *v, bool *mmio)
{
    const bus_range *r = bus_find(h->bus, pa, size);
    if (!r)
        return false;
    if (r->host) {
        uint64_t val = 0;
        memcpy(&val, r->host + (pa - r->base), size);
        *v = val;
        return true;
    }
    hart_sync_icount(h, o);
    *v = r->ops->read(r->opaque, pa - r->base, size);
    *mmio = true;
    return true;
}

static bool phys_store(hart *h, const rv_op *o, uint64_t pa, unsigned size, uint64_t v, bool *exit)
{
    const bus_range *r = bus_find(h->bus, pa, size);
    if (!r)
        return false;
    if (r->host && r->readonly)
        return true; /* QEMU drops stores to ROM silently */
    if (r->host) {
        if (tb_code_written(h->tbc, pa, size))
            *exit = true; /* later ops of this block may be stale */
        memcpy(r->host + (pa - r->base), &v, size);
        bus_note_write(h->bus, pa, size);
        return true;
    }
    hart_sync_icount(h, o);
    r->ops->write(r->opaque, pa - r->base, v, size);
    if (h->exit_req)
        *exit = true;
    return true;
}

static uint64_t sext_load(const rv_op *o, uint64_t v)
{
    switch (o->opc) {
    case OP_lb:
        return (uint64_t)(int64_t)(int8_t)v;
    case OP_lh:
        return (uint64_t)(int64_t)(int16_t)v;
    case OP_lw:
        return (uint64_t)(int64_t)(int32_t)v;
    default:
        return v;
    }
}

int mem_load_slow(hart *h, const rv_op *o, uint64_t a, unsigned size, uint64_t *v)
{
    bool mmio = false;
    if (a & (size - 1)) {
        /* Misaligned: QEMU performs these (no trap); do it byte by byte so each byte is
         * translated and bounds-checked on its own. */
        uint64_t val = 0;
        for (unsigned i = 0; i < size; i++) {
            uint64_t pa, b;
            int cause = mmu_translate(h, a + i, ACC_LOAD, &pa);
            if (cause) {
                hart_trap(h, (uint64_t)cause, a + i, o->pc);
                return MEM_TRAP;
            }
            if (!phys_load(h, o, pa, 1, &b, &mmio)) {
                hart_trap(h, EXC_LOAD_ACCESS, a + i, o->pc);
                return MEM_TRAP;
            }
            val |= (b & 0xff) << (8 * i);
        }
        *v = sext_load(o, val);
        return mmio && h->exit_req ? MEM_EXIT : MEM_OK;
    }
    uint64_t pa;
    int cause = mmu_translate(h, a, ACC_LOAD, &pa);
    if (cause) {
        hart_trap(h, (uint64_t)cause, a, o->pc);
        return MEM_TRAP;
    }
    if (!phys_load(h, o, pa, size, v, &mmio)) {
        hart_trap(h, EXC_LOAD_ACCESS, a, o->pc);
        return MEM_TRAP;
    }
    *v = sext_load(o, *v);
    if (!mmio)
        tlb_fill(h, a, pa, false);
    return mmio && h->exit_req ? MEM_EXIT : MEM_OK;
}

int mem_store_slow(hart *h, const rv_op *o, uint64_t a, unsigned size, uint64_t v)
{
    bool exit = false;
    if (unpark_store(h, a, size, v))
        return MEM_OK;
    if (a & (size - 1)) {
        /* Translate every byte first so a fault leaves memory untouched. */
        uint64_t pas[8];
        for (unsigned i = 0; i < size; i++) {
            int cause = mmu_translate(h, a + i, ACC_STORE, &pas[i]);
            if (cause) {
                hart_trap(h, (uint64_t)cause, a + i, o->pc);
                return MEM_TRAP;
            }
            if (!bus_find(h->bus, pas[i], 1)) {
                hart_trap(h, EXC_STORE_ACCESS, a + i, o->pc);
                return MEM_TRAP;
            }
        }
        for (unsigned i = 0; i < size; i++)
            if (!phys_store(h, o, pas[i], 1, (v >> (8 * i)) & 0xff, &exit)) {
                hart_trap(h, EXC_STORE_ACCESS, a + i, o->pc);
                return MEM_TRAP;
            }
        return exit ? MEM_EXIT : MEM_OK;
    }
    uint64_t pa;
    int cause = mmu_translate(h, a, ACC_STORE, &pa);
    if (cause) {
        hart_trap(h, (uint64_t)cause, a, o->pc);
        return MEM_TRAP;
    }
    if (!phys_store(h, o, pa, size, v, &exit)) {
        hart_trap(h, EXC_STORE_ACCESS, a, o->pc);
        return MEM_TRAP;
    }
    if (!exit)
        tlb_fill(h, a, pa, true);
    return exit ? MEM_EXIT : MEM_OK;
}

/* Host pointer for an atomic access at va, or NULL with the trap taken. */
static uint8_t *amo_host(hart *h, const rv_op *o, uint64_t va, unsigned size, int acc)
{
    if (va & (size - 1)) {
        /* QEMU 7.2 reports every misaligned atomic as a load-address-misaligned exception. */
        hart_trap(h, EXC_LOAD_MISALIGNED, va, o->pc);
        return NULL;
    }
    uint64_t pa;
    int cause = mmu_translate(h, va, acc, &pa);
    if (cause) {
        hart_trap(h, (uint64_t)cause, va, o->pc);
        return NULL;
    }
    const bus_range *r = bus_find(h->bus, pa, size);
    /* Atomics on device registers are not supported by the virt devices: access fault. */
    if (!r || !r->host || (acc == ACC_STORE && r->readonly)) {
        hart_trap(h, acc == ACC_LOAD ? EXC_LOAD_ACCESS : EXC_STORE_ACCESS, va, o->pc);
        return NULL;
    }
    if (acc == ACC_STORE) {
        tb_code_written(h->tbc, pa, size);
        bus_note_write(h->bus, pa, size);
    }
    return r->host + (pa - r->base);
}

int mem_amo(hart *h, const rv_op *o)
{
    bool dbl = o->opc >= OP_lr_d;
    unsigned size = dbl ? 8 : 4;
    uint64_t va = h->x[o->rs1];
    uint64_t src = h->x[o->rs2];
    if (o->opc == OP_lr_w || o->opc == OP_lr_d) {
        uint8_t *p = amo_host(h, o, va, size, ACC_LOAD);
        if (!p)
            return MEM_TRAP;
        uint64_t v = 0;
        memcpy(&v, p, size);
        if (!dbl)
            v = (uint64_t)(int64_t)(int32_t)v;
        h->res_valid = true;
        h->res_addr = va;
        h->res_val = v;
        h->x[o->rd] = v;
        return MEM_OK;
    }
    uint8_t *p = amo_host(h, o, va, size, ACC_STORE);
    if (!p)
        return MEM_TRAP;
    uint64_t old = 0;
    memcpy(&old, p, size);
    if (!dbl)
        old = (uint64_t)(int64_t)(int32_t)old;
    uint64_t nv;
    switch (o->opc) {
    case OP_sc_w:
    case OP_sc_d: {
        /* Like QEMU: succeed when the reservation is ours and memory still holds what LR read. */
        bool ok = h->res_valid && h->res_addr == va && old == h->res_val;
        h->res_valid = false;
        if (ok)
            memcpy(p, &src, size);
        h->x[o->rd] = ok ? 0 : 1;
        return MEM_OK;
    }
    case OP_amoswap_w:
    case OP_amoswap_d:
        nv = src;
        break;
    case OP_amoadd_w:
    case OP_amoadd_d:
        nv = old + src;
        break;
    case OP_amoxor_w:
    case OP_amoxor_d:
        nv = old ^ src;
        break;
    case OP_amoand_w:
    case OP_amoand_d:
        nv = old & src;
        break;
    case OP_amoor_w:
    case OP_amoor_d:
        nv = old | src;
        break;
    case OP_amomin_w:
        nv = (int32_t)old < (int32_t)src ? old : src;
        break;
    case OP_amomax_w:
        nv = (int32_t)old > (int32_t)src ? old : src;
        break;
    case OP_amominu_w:
        nv = (uint32_t)old < (uint32_t)src ? old : src;
        break;
    case OP_amomaxu_w:
        nv = (uint32_t)old > (uint32_t)src ? old : src;
        break;
    case OP_amomin_d:
        nv = (int64_t)old < (int64_t)src ? old : src;
        break;
    case OP_amomax_d:
        nv = (int64_t)old > (int64_t)src ? old : src;
        break;
    case OP_amominu_d:
        nv = old < src ? old : src;
        break;
    default:
        nv = old > src ? old : src;
        break;
    }
    memcpy(p, &nv, size);
    h->x[o->rd] = old;
    return tb_flush_pending(h->tbc) ? MEM_EXIT : MEM_OK;
}
