/* Instruction decoding: compressed expansion and the table-driven decoder that turns raw bits
 * into pre-decoded ops. It must never execute anything or read guest state. */
#include <string.h>

#include "emu/tcg/tcg_internal.h"

const rv_insn_info rv_insns[OP_COUNT] = {
#define RV_INSN(name, text, mask, match, fmt) [OP_##name] = {text, mask, match, FMT_##fmt},
#include "emu/tcg/insn_table.h"
#undef RV_INSN
    [OP_illegal] = {"illegal", 0, 0, FMT_NONE},
    [OP_exit] = {"exit", 0, 0, FMT_NONE},
};

static uint32_t bits(uint32_t v, int hi, int lo)
{
    return (v >> lo) & ((1u << (hi - lo + 1)) - 1);
}

static int32_t sext(uint32_t v, int width)
{
    uint32_t m = 1u << (width - 1);
    return (int32_t)((v ^ m) - m);
}

static uint32_t enc_i(uint32_t op, uint32_t rd, uint32_t f3, uint32_t rs1, int32_t imm)
{
    return ((uint32_t)imm & 0xfff) << 20 | rs1 << 15 | f3 << 12 | rd << 7 | op;
}

static uint32_t enc_r(uint32_t op, uint32_t rd, uint32_t f3, uint32_t rs1, uint32_t rs2,
                      uint32_t f7)
{
    return f7 << 25 | rs2 << 20 | rs1 << 15 | f3 << 12 | rd << 7 | op;
}

static uint32_t enc_s(uint32_t op, uint32_t f3, uint32_t rs1, uint32_t rs2, int32_t imm)
{
    uint32_t u = (uint32_t)imm;
    return bits(u, 11, 5) << 25 | rs2 << 20 | rs1 << 15 | f3 << 12 | bits(u, 4, 0) << 7 | op;
}

static uint32_t enc_b(uint32_t f3, uint32_t rs1, uint32_t rs2, int32_t imm)
{
    uint32_t u = (uint32_t)imm;
    return bits(u, 12, 12) << 31 | bits(u, 10, 5) << 25 | rs2 << 20 | rs1 << 15 | f3 << 12 |
           bits(u, 4, 1) << 8 | bits(u, 11, 11) << 7 | 0x63;
}

static uint32_t enc_j(uint32_t rd, int32_t imm)
{
    uint32_t u = (uint32_t)imm;
    return bits(u, 20, 20) << 31 | bits(u, 10, 1) << 21 | bits(u, 11, 11) << 20 |
           bits(u, 19, 12) << 12 | rd << 7 | 0x6f;
}

uint32_t rvc_expand(uint16_t c)
{
    uint32_t rd = bits(c, 11, 7), rs2 = bits(c, 6, 2);
    uint32_t rdp = 8 + bits(c, 4, 2), rs1p = 8 + bits(c, 9, 7);
    int32_t imm6 = sext(bits(c, 12, 12) << 5 | bits(c, 6, 2), 6);
    uint32_t f3 = bits(c, 15, 13);
    switch (c & 3) {
    case 0:
        switch (f3) {
        case 0: { /* c.addi4spn */
            uint32_t imm = bits(c, 12, 11) << 4 | bits(c, 10, 7) << 6 | bits(c, 6, 6) << 2 |
                           bits(c, 5, 5) << 3;
            return imm ? enc_i(0x13, rdp, 0, 2, (int32_t)imm) : 0;
        }
        case 2: /* c.lw */
            return enc_i(0x03, rdp, 2, rs1p,
                         (int32_t)(bits(c, 12, 10) << 3 | bits(c, 6, 6) << 2 | bits(c, 5, 5) << 6));
        case 3: /* c.ld */
            return enc_i(0x03, rdp, 3, rs1p, (int32_t)(bits(c, 12, 10) << 3 | bits(c, 6, 5) << 6));
        case 6: /* c.sw */
            return enc_s(0x23, 2, rs1p, rdp,
                         (int32_t)(bits(c, 12, 10) << 3 | bits(c, 6, 6) << 2 | bits(c, 5, 5) << 6));
        case 7: /* c.sd */
            return enc_s(0x23, 3, rs1p, rdp, (int32_t)(bits(c, 12, 10) << 3 | bits(c, 6, 5) << 6));
        default: /* c.fld, c.fsd (no D), reserved */
            return 0;
        }
    case 1:
        switch (f3) {
        case 0: /* c.addi / c.nop */
            return enc_i(0x13, rd, 0, rd, imm6);
        case 1: /* c.addiw */
            return rd ? enc_i(0x1b, rd, 0, rd, imm6) : 0;
        case 2: /* c.li */
            return enc_i(0x13, rd, 0, 0, imm6);
        case 3:
            if (rd == 2) { /* c.addi16sp */
                int32_t imm = sext(bits(c, 12, 12) << 9 | bits(c, 6, 6) << 4 | bits(c, 5, 5) << 6 |
                                       bits(c, 4, 3) << 7 | bits(c, 2, 2) << 5,
                                   10);
                return imm ? enc_i(0x13, 2, 0, 2, imm) : 0;
            }
            /* c.lui */
            if (imm6 == 0)
                return 0;
            return ((uint32_t)imm6 & 0xfffff) << 12 | rd << 7 | 0x37;
        case 4: {
            uint32_t shamt = bits(c, 12, 12) << 5 | bits(c, 6, 2);
            switch (bits(c, 11, 10)) {
            case 0:
                return enc_i(0x13, rs1p, 5, rs1p, (int32_t)shamt);
            case 1:
                return enc_i(0x13, rs1p, 5, rs1p, (int32_t)(shamt | 0x400));
            case 2:
                return enc_i(0x13, rs1p, 7, rs1p, imm6);
            default: {
                static const uint32_t f3s[4] = {0, 4, 6, 7};
                uint32_t sel = bits(c, 6, 5);
                if (!bits(c, 12, 12))
                    return enc_r(0x33, rs1p, f3s[sel], rs1p, rdp, sel == 0 ? 0x20 : 0);
                if (sel == 0)
                    return enc_r(0x3b, rs1p, 0, rs1p, rdp, 0x20);
                if (sel == 1)
                    return enc_r(0x3b, rs1p, 0, rs1p, rdp, 0);
                return 0;
            }
            }
        }
        case 5: { /* c.j */
            int32_t imm = sext(bits(c, 12, 12) << 11 | bits(c, 11, 11) << 4 | bits(c, 10, 9) << 8 |
                                   bits(c, 8, 8) << 10 | bits(c, 7, 7) << 6 | bits(c, 6, 6) << 7 |
                                   bits(c, 5, 3) << 1 | bits(c, 2, 2) << 5,
                               12);
            return enc_j(0, imm);
        }
        default: { /* c.beqz, c.bnez */
            int32_t imm = sext(bits(c, 12, 12) << 8 | bits(c, 11, 10) << 3 | bits(c, 6, 5) << 6 |
                                   bits(c, 4, 3) << 1 | bits(c, 2, 2) << 5,
                               9);
            return enc_b(f3 == 6 ? 0 : 1, rs1p, 0, imm);
        }
        }
    case 2:
        switch (f3) {
        case 0: /* c.slli */
            return enc_i(0x13, rd, 1, rd, (int32_t)(bits(c, 12, 12) << 5 | bits(c, 6, 2)));
        case 2: /* c.lwsp */
            if (!rd)
                return 0;
            return enc_i(0x03, rd, 2, 2,
                         (int32_t)(bits(c, 12, 12) << 5 | bits(c, 6, 4) << 2 | bits(c, 3, 2) << 6));
        case 3: /* c.ldsp */
            if (!rd)
                return 0;
            return enc_i(0x03, rd, 3, 2,
                         (int32_t)(bits(c, 12, 12) << 5 | bits(c, 6, 5) << 3 | bits(c, 4, 2) << 6));
        case 4:
            if (!bits(c, 12, 12)) {
                if (rs2 == 0) /* c.jr */
                    return rd ? enc_i(0x67, 0, 0, rd, 0) : 0;
                return enc_r(0x33, rd, 0, 0, rs2, 0); /* c.mv */
            }
            if (rs2 == 0) {
                if (rd == 0)
                    return 0x00100073;           /* c.ebreak */
                return enc_i(0x67, 1, 0, rd, 0); /* c.jalr */
            }
            return enc_r(0x33, rd, 0, rd, rs2, 0); /* c.add */
        case 6:                                    /* c.swsp */
            return enc_s(0x23, 2, 2, rs2, (int32_t)(bits(c, 12, 9) << 2 | bits(c, 8, 7) << 6));
        case 7: /* c.sdsp */
            return enc_s(0x23, 3, 2, rs2, (int32_t)(bits(c, 12, 10) << 3 | bits(c, 9, 7) << 6));
        default:
            return 0;
        }
    default:
        return 0;
    }
}

static unsigned lookup(uint32_t insn)
{
    for (unsigned i = 0; i < OP_illegal; i++)
        if ((insn & rv_insns[i].mask) == rv_insns[i].match)
            return i;
    return OP_illegal;
}

void rv_decode(uint32_t raw, rv_op *op)
{
    uint32_t insn = raw;
    memset(op, 0, sizeof(*op));
    op->raw = raw;
    op->len = 4;
    if ((raw & 3) != 3) {
        op->raw = raw & 0xffff;
        op->len = 2;
        insn = rvc_expand((uint16_t)raw);
    }
    unsigned opc = (insn & 3) == 3 ? lookup(insn) : OP_illegal;
    op->opc = (uint16_t)opc;
    uint32_t rd = bits(insn, 11, 7), rs1 = bits(insn, 19, 15), rs2 = bits(insn, 24, 20);
    op->rd = (uint8_t)(rd ? rd : 32);
    op->rs1 = (uint8_t)rs1;
    op->rs2 = (uint8_t)rs2;
    switch (rv_insns[opc].fmt) {
    case FMT_I:
    case FMT_LOAD:
    case FMT_JALR:
        op->imm = sext(bits(insn, 31, 20), 12);
        break;
    case FMT_S:
        op->imm = sext(bits(insn, 31, 25) << 5 | bits(insn, 11, 7), 12);
        break;
    case FMT_B:
        op->imm = sext(bits(insn, 31, 31) << 12 | bits(insn, 7, 7) << 11 | bits(insn, 30, 25) << 5 |
                           bits(insn, 11, 8) << 1,
                       13);
        break;
    case FMT_U:
        op->imm = (int32_t)(insn & 0xfffff000u);
        break;
    case FMT_J:
        op->imm = sext(bits(insn, 31, 31) << 20 | bits(insn, 19, 12) << 12 |
                           bits(insn, 20, 20) << 11 | bits(insn, 30, 21) << 1,
                       21);
        break;
    case FMT_SH:
        op->imm = (int32_t)bits(insn, 25, 20);
        break;
    case FMT_SHW:
        op->imm = (int32_t)bits(insn, 24, 20);
        break;
    case FMT_CSR:
    case FMT_CSRI:
        op->imm = (int32_t)bits(insn, 31, 20);
        break;
    default:
        break;
    }
}

bool rv_op_ends_block(unsigned opc)
{
    switch (rv_insns[opc].fmt) {
    case FMT_B:
    case FMT_J:
    case FMT_JALR:
    case FMT_CSR:
    case FMT_CSRI:
    case FMT_NONE:
    case FMT_SFENCE:
        return true;
    default:
        return opc == OP_illegal;
    }
}
