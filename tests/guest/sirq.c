/* Supervisor interrupts delegated with mideleg: a software interrupt (SSIP set by M) and a
 * timer interrupt forwarded by M as STIP, both taken by the S-mode handler; and an M timer
 * interrupt preempting S-mode (never delegable). */
#include "lower.h"

static volatile uint64_t s_ssi, s_sti, m_mti, s_spins;
extern void strap_entry(void);

void trap_handler(frame *f)
{
    uint64_t cause = csr_read(mcause);
    if (lower_handle(f, cause))
        return;
    if (cause == 9 && REG(f, 17) == 0x5152) {
        csr_clear(mip, 1 << 5);
        f->epc += 4;
        return;
    }
    if (cause == (1ULL << 63 | 7)) {
        m_mti++;
        MTIMECMP(0) = ~0ULL;
        csr_set(mip, 1 << 5); /* forward to S as STIP */
        return;
    }
    puts_("unexpected M trap\n");
    guest_exit(99);
}

void strap_handler(frame *f)
{
    (void)f;
    uint64_t cause = csr_read(scause);
    if (cause == (1ULL << 63 | 1)) {
        s_ssi++;
        csr_clear(sip, 1 << 1);
    } else if (cause == (1ULL << 63 | 5)) {
        s_sti++;
        __asm__ volatile("li a7, 0x5152\n ecall" ::: "a7"); /* ask M to clear STIP */
    } else {
        guest_exit(98);
    }
}

static void s_code(void)
{
    csr_set(sstatus, 1 << 1); /* SIE */
    csr_set(sip, 1 << 1);     /* SSIP: taken at once */
    uint64_t first = s_ssi;
    while (!s_sti)
        s_spins++;
    s_ssi += first == 1 ? 100 : 0;
    lower_exit();
}

int main(void)
{
    MTIMECMP(0) = ~0ULL;
    csr_write(mideleg, (1 << 1) | (1 << 5));
    csr_write(stvec, (uint64_t)strap_entry);
    csr_write(mie, (1 << 1) | (1 << 5) | (1 << 7));
    MTIMECMP(0) = MTIME + 20;
    run_lower(1, s_code);
    check(s_ssi == 101, "SSIP taken in S right after sip write");
    check(m_mti == 1, "M timer interrupt preempts S");
    check(s_sti == 1, "STIP forwarded to S");
    put_line("S spins until STIP", s_spins);
    guest_finish();
}
