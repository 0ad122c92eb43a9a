/* Internal shapes of the translator: pre-decoded ops, blocks, and the helpers the executor
 * calls on slow paths. Only emu/tcg/ includes this; it must never be used by devices. */
#ifndef EMU_TCG_INTERNAL_H
#define EMU_TCG_INTERNAL_H

#include <stdint.h>

#include "emu/tcg/hart.h"

enum {
#define RV_INSN(name, text, mask, match, fmt) OP_##name,
#include "emu/tcg/insn_table.h"

/* mstatus fields (one definition for csr.c, trap.c and mmu.c) */
#define MSTATUS_SIE  (1ULL << 1)
#define MSTATUS_MIE  (1ULL << 3)
#define MSTATUS_SPIE (1ULL << 5)
#define MSTATUS_MPIE (1ULL << 7)
#define MSTATUS_SPP  (1ULL << 8)
#define MSTATUS_MPP  (3ULL << 11)
#define MSTATUS_MPRV (1ULL << 17)
#define MSTATUS_SUM  (1ULL << 18)
#define MSTATUS_MXR  (1ULL << 19)
#define MSTATUS_TVM  (1ULL << 20)
#define MSTATUS_TW   (1ULL << 21)
#define MSTATUS_TSR  (1ULL << 22)
#define MSTATUS_UXL  (2ULL << 32)
#define MSTATUS_SXL  (2ULL << 34)

#undef RV_INSN
    OP_illegal, /* undecodable: raises illegal instruction when reached */
    OP_exit,    /* end of a block that falls through: pc = op.pc */
    OP_COUNT
};

enum rv_fmt {
    FMT_R,
    FMT_I,
    FMT_LOAD,
    FMT_S,
    FMT_B,
    FMT_U,
    FMT_J,
    FMT_JALR,
    FMT_SH,
    FMT_SHW,
    FMT_CSR,
    FMT_CSRI,
    FMT_AMO,
    FMT_LR,
    FMT_NONE,
    FMT_SFENCE,
    FMT_FENCE,
};

typedef struct rv_op {
    uint16_t opc;
    uint8_t rd, rs1, rs2; /* rd 0 is stored as 32 (the sink) */
    uint8_t len;          /* 2 or 4 */
    uint16_t idx;         /* position in the block: instructions before it */
    int32_t imm;          /* immediate, shift amount, or CSR number; zimm in rs1 for CSRI */
    uint32_t raw;         /* instruction bits as fetched (16 for compressed), for mtval */
    uint64_t pc;
} rv_op;

typedef struct tb {
    uint64_t vpc, ppc;
    uint32_t ninsn; /* guest instructions; ops[ninsn] is OP_exit */
    struct tb *hnext;
    uint64_t succ_pc[2];
    struct tb *succ[2];
    rv_op ops[];
} tb;

#define TB_MAX_INSNS 64

/* The backend boundary: the interpreter implements it today; a JIT would provide another
 * function with the same contract (run from b, chain while budget allows, return the number of
 * instructions executed, leave h->pc and traps exactly as the interpreter does). */
typedef uint64_t (*tb_exec_fn)(hart *h, tb *b, uint64_t budget);
uint64_t tb_interp_exec(hart *h, tb *b, uint64_t budget);

/* decode.c */
typedef struct rv_insn_info {
    const char *text;
    uint32_t mask, match;
    enum rv_fmt fmt;
} rv_insn_info;
extern const rv_insn_info rv_insns[OP_COUNT];
/* 0 when the 16-bit instruction is illegal or uses an extension we lack. */
uint32_t rvc_expand(uint16_t c);
/* Fills op from raw bits (compressed when the low two bits are not 3). */
void rv_decode(uint32_t raw, rv_op *op);
bool rv_op_ends_block(unsigned opc);

/* tb.c */
/* The block for h->pc (translating it if needed), limited to max_insns instructions; NULL when
 * the fetch trapped (the trap is already taken). */
tb *tb_find(tb_cache *c, hart *h, uint64_t max_insns);
tb *tb_lookup_succ(tb_cache *c, tb *from, uint64_t pc);
void tb_cache_add_hart(tb_cache *c, hart *h);
void tb_request_flush(tb_cache *c);
bool tb_flush_pending(tb_cache *c);
/* A guest store hit physical [pa, pa+len): true when it overlaps translated code. */
bool tb_code_written(tb_cache *c, uint64_t pa, uint64_t len);
bool tb_page_has_code(tb_cache *c, uint64_t pa);
tb_exec_fn tb_cache_exec(tb_cache *c);

/* mmu.c */
enum {
    ACC_FETCH,
    ACC_LOAD,
    ACC_STORE
};
enum {
    MEM_TRAP = 0,
    MEM_OK = 1,
    MEM_EXIT = 2
};
void tlb_flush(hart *h);
/* Virtual to physical; returns 0 or the exception cause. */
int mmu_translate(hart *h, uint64_t va, int acc, uint64_t *pa);
int mem_load_slow(hart *h, const rv_op *o, uint64_t a, unsigned size, uint64_t *v);
int mem_store_slow(hart *h, const rv_op *o, uint64_t a, unsigned size, uint64_t v);
int mem_amo(hart *h, const rv_op *o);

/* csr.c */
bool csr_insn(hart *h, const rv_op *o);
void hart_update_fetch_mode(hart *h);

/* trap.c */
void hart_trap(hart *h, uint64_t cause, uint64_t tval, uint64_t epc);
/* Takes the highest pending enabled interrupt; true if one was taken. */
bool hart_take_interrupt(hart *h);
bool hart_mret(hart *h, const rv_op *o);
bool hart_sret(hart *h, const rv_op *o);
/* 0: illegal (trap taken), 1: executed */
bool hart_wfi(hart *h, const rv_op *o);
bool hart_sfence(hart *h, const rv_op *o);
void hart_set_priv(hart *h, int priv);

static inline void hart_sync_icount(hart *h, const rv_op *o)
{
    /* QEMU's clock at a device access or CSR read includes the current instruction. */
    h->clock->icount = h->blk_icount + o->idx + 1;
    h->access_pc = o->pc; /* which instruction a device saw (replay's divergence reports) */
}

#endif
