/* The disassembler: prints an instruction using the operand format of its table row. It must
 * never print anything that depends on host state (addresses, locale). */
#include "emu/tcg/disas.h"

#include "emu/tcg/tcg_internal.h"

static const char *const reg_names[33] = {
    "zero", "ra", "sp", "gp", "tp",  "t0",  "t1", "t2", "s0", "s1", "a0",
    "a1",   "a2", "a3", "a4", "a5",  "a6",  "a7", "s2", "s3", "s4", "s5",
    "s6",   "s7", "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6", "zero",
};

const char *rv_reg_name(unsigned r)
{
    return r < 32 ? reg_names[r] : "?";
}

void rv_disas(strbuf *out, uint64_t pc, uint32_t insn)
{
    rv_op o;
    rv_decode(insn, &o);
    if (o.opc == OP_illegal) {
        if (o.len == 2)
            sb_printf(out, ".insn 0x%04x", (unsigned)o.raw);
        else
            sb_printf(out, ".insn 0x%08x", (unsigned)o.raw);
        return;
    }
    const rv_insn_info *in = &rv_insns[o.opc];
    const char *rd = reg_names[o.rd], *rs1 = reg_names[o.rs1], *rs2 = reg_names[o.rs2];
    const char *t = in->text;
    switch (in->fmt) {
    case FMT_R:
        sb_printf(out, "%s %s,%s,%s", t, rd, rs1, rs2);
        break;
    case FMT_I:
    case FMT_SH:
    case FMT_SHW:
        sb_printf(out, "%s %s,%s,%d", t, rd, rs1, (int)o.imm);
        break;
    case FMT_LOAD:
    case FMT_JALR:
        sb_printf(out, "%s %s,%d(%s)", t, rd, (int)o.imm, rs1);
        break;
    case FMT_S:
        sb_printf(out, "%s %s,%d(%s)", t, rs2, (int)o.imm, rs1);
        break;
    case FMT_B:
        sb_printf(out, "%s %s,%s,0x%llx", t, rs1, rs2,
                  (unsigned long long)(pc + (uint64_t)(int64_t)o.imm));
        break;
    case FMT_U:
        sb_printf(out, "%s %s,0x%x", t, rd, ((unsigned)o.imm) >> 12);
        break;
    case FMT_J:
        sb_printf(out, "%s %s,0x%llx", t, rd, (unsigned long long)(pc + (uint64_t)(int64_t)o.imm));
        break;
    case FMT_CSR:
        sb_printf(out, "%s %s,0x%03x,%s", t, rd, (unsigned)o.imm, rs1);
        break;
    case FMT_CSRI:
        sb_printf(out, "%s %s,0x%03x,%u", t, rd, (unsigned)o.imm, (unsigned)o.rs1);
        break;
    case FMT_AMO:
        sb_printf(out, "%s %s,%s,(%s)", t, rd, rs2, rs1);
        break;
    case FMT_LR:
        sb_printf(out, "%s %s,(%s)", t, rd, rs1);
        break;
    case FMT_SFENCE:
        sb_printf(out, "%s %s,%s", t, rs1, rs2);
        break;
    case FMT_FENCE:
    case FMT_NONE:
        sb_puts(out, t);
        break;
    }
}
