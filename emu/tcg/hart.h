/* One RISC-V hart (RV64IMAC, Zicsr, Zifencei, M/S/U, Sv39) and the run loop that executes it for
 * an exact number of instructions. Boards create harts, wire interrupt lines with hart_set_irq
 * and run them with hart_run. This header must never expose device internals: memory is
 * reached only through emu/hw/bus.h and time only through hart_clock and the rdtime hook. */
#ifndef EMU_TCG_HART_H
#define EMU_TCG_HART_H

#include <stdbool.h>
#include <stdint.h>

#include "emu/hw/bus.h"

/* Privilege levels. */
enum {
    PRV_U = 0,
    PRV_S = 1,
    PRV_M = 3
};

/* Interrupt numbers (bit positions in mip/mie). */
enum {
    IRQ_SSI = 1,
    IRQ_MSI = 3,
    IRQ_STI = 5,
    IRQ_MTI = 7,
    IRQ_SEI = 9,
    IRQ_MEI = 11,
};

/* Exception causes. */
enum {
    EXC_INSN_MISALIGNED = 0,
    EXC_INSN_ACCESS = 1,
    EXC_ILLEGAL = 2,
    EXC_BREAKPOINT = 3,
    EXC_LOAD_MISALIGNED = 4,
    EXC_LOAD_ACCESS = 5,
    EXC_STORE_MISALIGNED = 6,
    EXC_STORE_ACCESS = 7,
    EXC_ECALL_U = 8,
    EXC_ECALL_S = 9,
    EXC_ECALL_M = 11,
    EXC_INSN_PAGE = 12,
    EXC_LOAD_PAGE = 13,
    EXC_STORE_PAGE = 15,
};

/* The board's virtual clock as the CPU sees it: every instruction executed by any hart adds one
 * to icount; time in ns is (icount << shift) + bias_ns (bias grows when all harts idle). */
typedef struct hart_clock {
    uint64_t icount;
    uint64_t bias_ns;
    unsigned shift;
} hart_clock;

static inline uint64_t hart_clock_ns(const hart_clock *c)
{
    return (c->icount << c->shift) + c->bias_ns;
}

typedef struct tlb_entry {
    uint64_t tag;     /* virtual page address; UINT64_MAX when empty */
    uintptr_t addend; /* host address - guest virtual address */
} tlb_entry;

#define TLB_SIZE 256

typedef struct tb_cache tb_cache;

/* Debugger breakpoints (emu/gdbstub.c), shared by the harts of a board. NULL in hart.dbg (the
 * normal case) costs one test per block; with breakpoints, hart_run stops before executing an
 * instruction whose pc is one of bp[], without changing what it counts. */
#define HART_MAX_BP 64
typedef struct hart_debug {
    int nbp;
    uint64_t bp[HART_MAX_BP];
    bool hit;     /* set by hart_run when a hart stopped at a breakpoint */
    int hit_hart; /* which hart (its hartid) */
    bool skip;    /* resuming: the first instruction checked runs even at a breakpoint */
} hart_debug;

typedef struct hart {
    /* x[32] is a sink for writes to x0, so handlers never test rd == 0. */
    uint64_t x[33];
    uint64_t pc;
    tlb_entry tlb_r[TLB_SIZE];
    tlb_entry tlb_w[TLB_SIZE];
    /* Write entries set aside by tlb_park_write: each is what tlb_w would hold in that slot
     * had it not been parked, and comes back (its page marked for the RAM log) at the next
     * store to it, without a page walk, as the fast path would have done. */
    tlb_entry tlb_w_parked[TLB_SIZE];
    /* Global icount at the start of the block being executed; slow paths add the op index. */
    uint64_t blk_icount;
    uint64_t exec_icount; /* global icount when the current exec call began */
    uint64_t access_pc;   /* pc of the last instruction that reached a device or CSR */
    int exit_req;         /* leave the block loop at the next boundary */
    bool fetch_bare;      /* instruction fetch is untranslated (M-mode or satp.MODE=Bare) */
    bool wfi;
    bool yield; /* end hart_run at the next boundary (a device deadline moved) */

    int priv;
    uint64_t hartid;
    uint64_t mstatus, misa, medeleg, mideleg, mie, mip;
    uint64_t mtvec, mscratch, mepc, mcause, mtval, mcounteren, mcountinhibit, menvcfg;
    uint64_t stvec, sscratch, sepc, scause, stval, scounteren, senvcfg, satp;
    uint64_t pmpcfg[8], pmpaddr[16];
    /* QEMU -icount semantics: counters read the virtual clock (ns) minus prev plus val. */
    uint64_t ctr_val[3], ctr_prev[3];

    bool res_valid;
    uint64_t res_addr, res_val;

    bus *bus;
    hart_clock *clock;
    tb_cache *tbc;
    const bool *stop; /* board-wide: stop running (shutdown, reset, panic) */
    hart_debug *dbg;  /* debugger breakpoints, or NULL */
    uint64_t (*rdtime)(void *opaque);
    void *rdtime_opaque;
} hart;

/* A translation cache shared by the harts of one board (blocks are keyed by physical address).
 * ram_base/ram_size: the region whose writes are watched for self-modifying code. */
tb_cache *tb_cache_new(bus *b, uint64_t ram_base, uint64_t ram_size);
void tb_cache_free(tb_cache *c);
/* Drops every translated block (after loading an image, on reset). */
void tb_cache_flush(tb_cache *c);

void hart_init(hart *h, uint64_t hartid, bus *b, hart_clock *clk, tb_cache *tbc, const bool *stop);
/* Architectural reset: M-mode, pc = reset_pc, registers zero. */
void hart_reset(hart *h, uint64_t reset_pc);
/* Executes at most budget instructions; returns how many were executed (and added to the clock).
 * Returns early on WFI with nothing pending, on *stop, and when budget is reached. Instructions
 * that trap while executing (memory faults, CSR privilege) are not counted; ecall, ebreak and
 * undecodable instructions are, as QEMU -icount counts them (its counts are the reference). */
uint64_t hart_run(hart *h, uint64_t budget);
/* Devices drive mip bits (MSIP, MTIP, SEIP, MEIP) through this. */
void hart_set_irq(hart *h, int irq, bool level);
/* Waiting in WFI with no locally enabled interrupt pending. */
bool hart_is_idle(const hart *h);
/* Drops the cached write pointers (parked ones too): the next store to each page walks the
 * page table again. */
void tlb_flush_write(hart *h);
/* Sets the cached write pointers aside, so the next store to each page takes the slow path,
 * which notes it on the bus, and reinstates the pointer without walking the page table: what
 * the guest sees is exactly what it would see had they stayed (a walk could set A/D bits the
 * guest had cleared without sfence.vma). */
void tlb_park_write(hart *h);

/* Read/write a CSR as M-mode would (debugging, digests); false if it does not exist. */
bool hart_csr_read(hart *h, unsigned csr, uint64_t *val);

#endif
