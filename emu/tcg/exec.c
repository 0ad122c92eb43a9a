/* The interpreter backend: runs pre-decoded blocks with computed-goto threaded dispatch and
 * chains block to block without returning while the budget allows. Also the outer hart_run loop
 * (interrupts, WFI, exact budget). It must never execute a block that does not fit the budget:
 * exact counts depend on it, and must never cross into a block after anything asked to exit. */
#include <string.h>

#include "emu/tcg/tcg_internal.h"

#define LIKELY(x) __builtin_expect(!!(x), 1)

uint64_t tb_interp_exec(hart *h, tb *b, uint64_t budget)
{
    static const void *const labels[OP_COUNT] = {
#define RV_INSN(name, text, mask, match, fmt) [OP_##name] = &&L_##name,
#include "emu/tcg/insn_table.h"
#undef RV_INSN
        [OP_illegal] = &&L_illegal,
        [OP_exit] = &&L_exit,
    };
    uint64_t *const x = h->x;
    uint64_t done = 0;
    uint64_t next;
    const rv_op *o;

enter:
    h->blk_icount = h->exec_icount + done;
    o = b->ops;
    goto *labels[o->opc];

#define NEXT                                                                                       \
    do {                                                                                           \
        o++;                                                                                       \
        goto *labels[o->opc];                                                                      \
    } while (0)
#define RD      x[o->rd]
#define RS1     x[o->rs1]
#define RS2     x[o->rs2]
#define IMM     ((int64_t)o->imm)
#define SX32(v) ((uint64_t)(int64_t)(int32_t)(uint32_t)(v))
#define BRANCH(cond)                                                                               \
    do {                                                                                           \
        if (cond) {                                                                                \
            next = o->pc + (uint64_t)IMM;                                                          \
            goto chain;                                                                            \
        }                                                                                          \
        NEXT;                                                                                      \
    } while (0)
/* The fast path needs the access inside one page and naturally aligned; everything else
 * (misaligned, MMIO, faults, code pages) takes the slow path. */
#define LOAD(type, conv)                                                                           \
    do {                                                                                           \
        uint64_t a = RS1 + (uint64_t)IMM;                                                          \
        const tlb_entry *e = &h->tlb_r[(a >> 12) & (TLB_SIZE - 1)];                                \
        if (LIKELY(e->tag == (a & (~0xfffULL | (sizeof(type) - 1))))) {                            \
            type v;                                                                                \
            memcpy(&v, (const void *)(e->addend + (uintptr_t)a), sizeof(v));                       \
            RD = conv v;                                                                           \
            NEXT;                                                                                  \
        }                                                                                          \
        uint64_t sv;                                                                               \
        int r = mem_load_slow(h, o, a, sizeof(type), &sv);                                         \
        if (r == MEM_TRAP)                                                                         \
            goto trapped;                                                                          \
        RD = conv(type) sv;                                                                        \
        if (r == MEM_EXIT)                                                                         \
            goto exit_after;                                                                       \
        NEXT;                                                                                      \
    } while (0)
#define STORE(type)                                                                                \
    do {                                                                                           \
        uint64_t a = RS1 + (uint64_t)IMM;                                                          \
        const tlb_entry *e = &h->tlb_w[(a >> 12) & (TLB_SIZE - 1)];                                \
        if (LIKELY(e->tag == (a & (~0xfffULL | (sizeof(type) - 1))))) {                            \
            type v = (type)RS2;                                                                    \
            memcpy((void *)(e->addend + (uintptr_t)a), &v, sizeof(v));                             \
            NEXT;                                                                                  \
        }                                                                                          \
        int r = mem_store_slow(h, o, a, sizeof(type), RS2);                                        \
        if (r == MEM_TRAP)                                                                         \
            goto trapped;                                                                          \
        if (r == MEM_EXIT)                                                                         \
            goto exit_after;                                                                       \
        NEXT;                                                                                      \
    } while (0)

L_lui:
    RD = (uint64_t)IMM;
    NEXT;
L_auipc:
    RD = o->pc + (uint64_t)IMM;
    NEXT;
L_jal:
    RD = o->pc + o->len;
    next = o->pc + (uint64_t)IMM;
    goto chain;
L_jalr:
    next = (RS1 + (uint64_t)IMM) & ~1ULL;
    RD = o->pc + o->len;
    goto chain;
L_beq:
    BRANCH(RS1 == RS2);
L_bne:
    BRANCH(RS1 != RS2);
L_blt:
    BRANCH((int64_t)RS1 < (int64_t)RS2);
L_bge:
    BRANCH((int64_t)RS1 >= (int64_t)RS2);
L_bltu:
    BRANCH(RS1 < RS2);
L_bgeu:
    BRANCH(RS1 >= RS2);
L_lb:
    LOAD(int8_t, (uint64_t)(int64_t));
L_lh:
    LOAD(int16_t, (uint64_t)(int64_t));
L_lw:
    LOAD(int32_t, (uint64_t)(int64_t));
L_ld:
    LOAD(uint64_t, (uint64_t));
L_lbu:
    LOAD(uint8_t, (uint64_t));
L_lhu:
    LOAD(uint16_t, (uint64_t));
L_lwu:
    LOAD(uint32_t, (uint64_t));
L_sb:
    STORE(uint8_t);
L_sh:
    STORE(uint16_t);
L_sw:
    STORE(uint32_t);
L_sd:
    STORE(uint64_t);
L_addi:
    RD = RS1 + (uint64_t)IMM;
    NEXT;
L_slti:
    RD = (int64_t)RS1 < IMM;
    NEXT;
L_sltiu:
    RD = RS1 < (uint64_t)IMM;
    NEXT;
L_xori:
    RD = RS1 ^ (uint64_t)IMM;
    NEXT;
L_ori:
    RD = RS1 | (uint64_t)IMM;
    NEXT;
L_andi:
    RD = RS1 & (uint64_t)IMM;
    NEXT;
L_slli:
    RD = RS1 << o->imm;
    NEXT;
L_srli:
    RD = RS1 >> o->imm;
    NEXT;
L_srai:
    RD = (uint64_t)((int64_t)RS1 >> o->imm);
    NEXT;
L_add:
    RD = RS1 + RS2;
    NEXT;
L_sub:
    RD = RS1 - RS2;
    NEXT;
L_sll:
    RD = RS1 << (RS2 & 63);
    NEXT;
L_slt:
    RD = (int64_t)RS1 < (int64_t)RS2;
    NEXT;
L_sltu:
    RD = RS1 < RS2;
    NEXT;
L_xor:
    RD = RS1 ^ RS2;
    NEXT;
L_srl:
    RD = RS1 >> (RS2 & 63);
    NEXT;
L_sra:
    RD = (uint64_t)((int64_t)RS1 >> (RS2 & 63));
    NEXT;
L_or:
    RD = RS1 | RS2;
    NEXT;
L_and:
    RD = RS1 & RS2;
    NEXT;
L_addiw:
    RD = SX32(RS1 + (uint64_t)IMM);
    NEXT;
L_slliw:
    RD = SX32((uint32_t)RS1 << o->imm);
    NEXT;
L_srliw:
    RD = SX32((uint32_t)RS1 >> o->imm);
    NEXT;
L_sraiw:
    RD = (uint64_t)(int64_t)((int32_t)(uint32_t)RS1 >> o->imm);
    NEXT;
L_addw:
    RD = SX32(RS1 + RS2);
    NEXT;
L_subw:
    RD = SX32(RS1 - RS2);
    NEXT;
L_sllw:
    RD = SX32((uint32_t)RS1 << (RS2 & 31));
    NEXT;
L_srlw:
    RD = SX32((uint32_t)RS1 >> (RS2 & 31));
    NEXT;
L_sraw:
    RD = (uint64_t)(int64_t)((int32_t)(uint32_t)RS1 >> (RS2 & 31));
    NEXT;
L_fence:
    NEXT;
L_mul:
    RD = RS1 * RS2;
    NEXT;
L_mulh:
    RD = (uint64_t)(((__int128)(int64_t)RS1 * (__int128)(int64_t)RS2) >> 64);
    NEXT;
L_mulhsu:
    RD = (uint64_t)(((__int128)(int64_t)RS1 * (__int128)(unsigned __int128)RS2) >> 64);
    NEXT;
L_mulhu:
    RD = (uint64_t)(((unsigned __int128)RS1 * (unsigned __int128)RS2) >> 64);
    NEXT;
L_div : {
    int64_t a = (int64_t)RS1, d = (int64_t)RS2;
    RD = d == 0 ? UINT64_MAX : (a == INT64_MIN && d == -1) ? (uint64_t)a : (uint64_t)(a / d);
    NEXT;
}
L_divu:
    RD = RS2 == 0 ? UINT64_MAX : RS1 / RS2;
    NEXT;
L_rem : {
    int64_t a = (int64_t)RS1, d = (int64_t)RS2;
    RD = d == 0 ? (uint64_t)a : (a == INT64_MIN && d == -1) ? 0 : (uint64_t)(a % d);
    NEXT;
}
L_remu:
    RD = RS2 == 0 ? RS1 : RS1 % RS2;
    NEXT;
L_mulw:
    RD = SX32(RS1 * RS2);
    NEXT;
L_divw : {
    int32_t a = (int32_t)RS1, d = (int32_t)RS2;
    RD = d == 0 ? UINT64_MAX : (a == INT32_MIN && d == -1) ? SX32(a) : SX32(a / d);
    NEXT;
}
L_divuw : {
    uint32_t a = (uint32_t)RS1, d = (uint32_t)RS2;
    RD = d == 0 ? UINT64_MAX : SX32(a / d);
    NEXT;
}
L_remw : {
    int32_t a = (int32_t)RS1, d = (int32_t)RS2;
    RD = d == 0 ? SX32(a) : (a == INT32_MIN && d == -1) ? 0 : SX32(a % d);
    NEXT;
}
L_remuw : {
    uint32_t a = (uint32_t)RS1, d = (uint32_t)RS2;
    RD = d == 0 ? SX32(a) : SX32(a % d);
    NEXT;
}
L_lr_w:
L_sc_w:
L_amoswap_w:
L_amoadd_w:
L_amoxor_w:
L_amoand_w:
L_amoor_w:
L_amomin_w:
L_amomax_w:
L_amominu_w:
L_amomaxu_w:
L_lr_d:
L_sc_d:
L_amoswap_d:
L_amoadd_d:
L_amoxor_d:
L_amoand_d:
L_amoor_d:
L_amomin_d:
L_amomax_d:
L_amominu_d:
L_amomaxu_d : {
    int r = mem_amo(h, o);
    if (r == MEM_TRAP)
        goto trapped;
    if (r == MEM_EXIT)
        goto exit_after;
    NEXT;
}
L_csrrw:
L_csrrs:
L_csrrc:
L_csrrwi:
L_csrrsi:
L_csrrci:
    hart_sync_icount(h, o);
    if (!csr_insn(h, o))
        goto trapped;
    /* Like QEMU, every CSR access ends the block so new interrupt state is seen at once. */
    goto exit_after;
L_fence_i:
    tb_request_flush(h->tbc);
    goto exit_after;
L_sfence_vma:
    if (!hart_sfence(h, o))
        goto trapped;
    goto exit_after;
L_wfi:
    if (!hart_wfi(h, o))
        goto trapped;
    goto exit_after;
L_mret:
    if (!hart_mret(h, o))
        goto trapped;
    return done + o->idx + 1;
L_sret:
    if (!hart_sret(h, o))
        goto trapped;
    return done + o->idx + 1;
L_ecall:
    /* Counted: QEMU raises these at translation time without rewinding its icount. */
    hart_trap(h,
              h->priv == PRV_M   ? EXC_ECALL_M
              : h->priv == PRV_S ? EXC_ECALL_S
                                 : EXC_ECALL_U,
              0, o->pc);
    return done + o->idx + 1;
L_ebreak:
    hart_trap(h, EXC_BREAKPOINT, 0, o->pc);
    return done + o->idx + 1;
L_illegal:
    hart_trap(h, EXC_ILLEGAL, o->raw, o->pc);
    return done + o->idx + 1;
L_exit:
    next = o->pc;
    goto chain;

chain:
    done += b->ninsn;
    h->pc = next;
    if (h->exit_req || !h->fetch_bare)
        return done;
    {
        tb *nb = tb_lookup_succ(h->tbc, b, next);
        if (!nb || nb->ninsn > budget - done)
            return done;
        b = nb;
    }
    goto enter;

trapped:
    /* The slow path already entered the trap handler; the faulting instruction is not counted. */
    return done + o->idx;

exit_after:
    h->pc = o->pc + o->len;
    return done + o->idx + 1;
}

void hart_set_irq(hart *h, int irq, bool level)
{
    uint64_t bit = 1ULL << irq;
    uint64_t old = h->mip;
    h->mip = level ? (old | bit) : (old & ~bit);
    if (h->mip != old)
        h->exit_req = 1;
}

bool hart_is_idle(const hart *h)
{
    return h->wfi && !(h->mip & h->mie);
}

static bool dbg_is_bp(const hart_debug *d, uint64_t pc)
{
    for (int i = 0; i < d->nbp; i++) {
        if (d->bp[i] == pc) {
            return true;
        }
    }
    return false;
}

/* With breakpoints: true when h must stop before its next instruction; else *b may be cut
 * short before the first breakpoint inside it. */
static bool dbg_check(hart *h, tb **b)
{
    hart_debug *d = h->dbg;
    if (!*b) {
        bool skip = d->skip;
        d->skip = false;
        if (!skip && dbg_is_bp(d, h->pc)) {
            d->hit = true;
            d->hit_hart = (int)h->hartid;
            return true;
        }
        return false;
    }
    for (uint32_t i = 1; i < (*b)->ninsn; i++) {
        if (dbg_is_bp(d, (*b)->ops[i].pc)) {
            *b = tb_find(h->tbc, h, i);
            break;
        }
    }
    return false;
}

uint64_t hart_run(hart *h, uint64_t budget)
{
    uint64_t base = h->clock->icount;
    uint64_t done = 0;
    int stuck = 0;
    tb_exec_fn exec = tb_cache_exec(h->tbc);
    h->yield = false;
    while (done < budget && !*h->stop && !h->yield) {
        h->exit_req = 0;
        if (h->mip & h->mie) {
            h->wfi = false;
            hart_take_interrupt(h);
        }
        if (h->wfi)
            break;
        h->clock->icount = base + done;
        tb *b = NULL;
        if (h->dbg && h->dbg->nbp && dbg_check(h, &b)) {
            break;
        }
        b = tb_find(h->tbc, h, budget - done);
        if (!b) {
            /* The fetch trapped and the handler runs next. A handler that cannot be fetched
             * either would loop here forever without retiring anything: park the hart instead,
             * as if in WFI, so the board sees it idle. */
            if (++stuck > 64) {
                h->wfi = true;
                break;
            }
            continue;
        }
        uint64_t lim = budget - done;
        if (h->dbg && h->dbg->nbp) {
            dbg_check(h, &b); /* the block ends before the next breakpoint and does not chain */
            if (!b) {
                continue;
            }
            lim = b->ninsn;
        }
        h->exec_icount = base + done;
        uint64_t r = exec(h, b, lim);
        done += r;
        /* A trap whose handler traps again before retiring anything would spin here forever
         * without time advancing (QEMU hangs the same way): park the hart as if in WFI. */
        if (r == 0 && ++stuck > 64) {
            h->wfi = true;
            break;
        }
        if (r)
            stuck = 0;
    }
    h->clock->icount = base + done;
    return done;
}
