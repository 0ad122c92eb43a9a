/* Exceptions and privilege: illegal instruction, breakpoint, ecall from M/S/U, access faults,
 * misaligned atomics, CSR privilege, delegation to S with medeleg, mret/sret state. */
#include "lower.h"

static volatile uint64_t last_cause, last_tval, last_epc, s_cause, s_tval, traps;

static unsigned insn_len(uint64_t epc)
{
    return (*(volatile uint16_t *)epc & 3) == 3 ? 4 : 2;
}

void trap_handler(frame *f)
{
    uint64_t cause = csr_read(mcause);
    if (lower_handle(f, cause))
        return;
    last_cause = cause;
    last_tval = csr_read(mtval);
    last_epc = f->epc;
    traps++;
    f->epc += insn_len(f->epc);
}

void strap_handler(frame *f)
{
    uint64_t cause = csr_read(scause);
    if (cause == 8 && REG(f, 17) == 0x5151) {
        /* U asked to return: hand over to M with an ecall from S. */
        __asm__ volatile("li a7, 0x5151\n ecall" ::: "a7");
    }
    s_cause = cause;
    s_tval = csr_read(stval);
    f->epc += insn_len(f->epc);
}

static volatile uint64_t u_result, s_result;
extern void strap_entry(void);

/* a7 must not hold lower_exit's magic, or the ecall would be taken as a return to M. */
#define PLAIN_ECALL() __asm__ volatile("li a7, 0\n ecall" ::: "a7")

static void u_code(void)
{
    PLAIN_ECALL();
    u_result = last_cause; /* readable: PMP allows U */
    lower_exit();
}

static void u_csr(void)
{
    uint64_t v;
    __asm__ volatile("csrr %0, mstatus" : "=r"(v));
    u_result = v;
    lower_exit();
}

static void u_wfi(void)
{
    __asm__ volatile("wfi");
    lower_exit();
}

static void s_code(void)
{
    uint64_t sp;
    __asm__ volatile("csrr %0, sstatus" : "=r"(sp));
    s_result = sp;
    PLAIN_ECALL();            /* not delegated: ecall from S reaches M */
    __asm__ volatile("mret"); /* illegal in S */
    lower_exit();
}

static void u_under_s(void)
{
    PLAIN_ECALL(); /* delegated to S */
    __asm__ volatile("li a7, 0x5151\n ecall" ::: "a7");
}

int main(void)
{
    __asm__ volatile(".word 0xffffffff");
    check(last_cause == 2 && last_tval == 0xffffffff, "illegal 32-bit, mtval holds the bits");
    __asm__ volatile(".2byte 0x0000");
    check(last_cause == 2 && last_tval == 0, "illegal compressed 0x0000");
    __asm__ volatile(".2byte 0x2002"); /* c.fldsp: no D extension */
    check(last_cause == 2 && last_tval == 0x2002, "c.fldsp is illegal without D");
    __asm__ volatile("ebreak");
    check(last_cause == 3, "ebreak");
    __asm__ volatile("c.ebreak");
    check(last_cause == 3 && last_tval == 0, "c.ebreak");
    __asm__ volatile("ecall");
    check(last_cause == 11, "ecall from M");
    static volatile uint64_t bad_addr = 0x8;
    volatile uint64_t x = *(volatile uint64_t *)bad_addr;
    (void)x;
    check(last_cause == 5 && last_tval == 0x8, "load access fault");
    bad_addr = 0x8000000UL; /* a hole in QEMU's virt map too */
    *(volatile uint32_t *)bad_addr = 1;
    check(last_cause == 7 && last_tval == 0x8000000UL, "store access fault");
    static volatile uint64_t word[2];
    uint64_t old;
    __asm__ volatile("amoadd.w %0, %1, (%2)" : "=r"(old) : "r"(1), "r"((uint64_t)word + 2));
    /* QEMU 7.2 reports misaligned AMOs as load-address-misaligned (4); we follow it. */
    check(last_cause == 4 && last_tval == (uint64_t)word + 2, "misaligned amo");
    __asm__ volatile("lr.d %0, (%1)" : "=r"(old) : "r"((uint64_t)word + 4));
    check(last_cause == 4, "misaligned lr");
    uint64_t v;
    __asm__ volatile("csrr %0, 0x7c0" : "=r"(v));
    check(last_cause == 2, "unknown CSR is illegal");
    __asm__ volatile("csrw mvendorid, zero");
    check(last_cause == 2, "write to read-only CSR is illegal");
    __asm__ volatile("csrr %0, pmpcfg1" : "=r"(v));
    check(last_cause == 2, "odd pmpcfg is illegal on RV64");

    traps = 0;
    run_lower(0, u_code);
    check(u_result == 8, "ecall from U");
    uint64_t before = traps;
    csr_write(mscratch, 0x1234); /* would trap outside M */
    check(traps == before && csr_read(mscratch) == 0x1234, "back in M");
    run_lower(0, u_csr);
    check(last_cause == 2 && (last_tval & 0x7f) == 0x73 && (last_tval >> 20) == 0x300,
          "M CSR from U is illegal, mtval holds the bits");
    run_lower(0, u_wfi);
    check(last_cause == 2, "wfi from U is illegal");
    run_lower(1, s_code);
    check(last_cause == 2 && traps == 5, "ecall from S, then mret from S is illegal");
    put_line("sstatus in S", s_result);

    /* Delegate U ecalls to S: U -> S handler -> M. */
    csr_write(medeleg, 1 << 8);
    csr_write(stvec, (uint64_t)strap_entry);
    s_cause = 0;
    run_lower(0, u_under_s);
    check(s_cause == 8, "ecall from U delegated to S");
    csr_write(medeleg, 0);
    check(csr_read(medeleg) == 0, "medeleg cleared");
    csr_write(medeleg, ~0ULL);
    put_line("medeleg mask", csr_read(medeleg));
    csr_write(mideleg, ~0ULL);
    put_line("mideleg mask", csr_read(mideleg));
    csr_write(medeleg, 0);
    csr_write(mideleg, 0);
    put_line("traps", traps);
    guest_finish();
}
