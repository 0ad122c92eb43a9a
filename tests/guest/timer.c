/* Interrupts from the CLINT: a machine timer interrupt arriving while spinning (the spin count
 * shows the exact instruction it arrived at), a software interrupt taken right after the store
 * that raised it, WFI woken by the timer, vectored mtvec, and the counters (minstret writes,
 * time against mtime). */
#include "guest.h"

static volatile uint64_t ticks, msi, last_cause;

void trap_handler(frame *f)
{
    (void)f;
    uint64_t cause = csr_read(mcause);
    last_cause = cause;
    if (cause == (1ULL << 63 | 7)) {
        ticks++;
        MTIMECMP(0) = ~0ULL;
    } else if (cause == (1ULL << 63 | 3)) {
        msi++;
        MSIP(0) = 0;
    } else {
        puts_("unexpected trap\n");
        guest_exit(99);
    }
}

/* Vectored mode: interrupts enter at base + 4 * cause. */
extern void vec_table(void);
__asm__(".align 8\n"
        "vec_table:\n"
        ".rept 16\n"
        "j trap_entry\n"
        ".endr\n");

int main(void)
{
    /* Reset clears mtime and so raises MTIP against mtimecmp 0 (QEMU's aclint does this). */
    check(csr_read(mip) & (1 << 7), "MTIP pending after reset");
    MTIMECMP(0) = ~0ULL;
    check(!(csr_read(mip) & (1 << 7)), "MTIP drops when mtimecmp is in the future");
    csr_set(mie, 1 << 7);
    csr_set(mstatus, 1 << 3);
    uint64_t spins = 0;
    MTIMECMP(0) = MTIME + 30;
    while (!ticks)
        spins++;
    check(ticks == 1, "timer interrupt while spinning");
    put_line("spins until the timer", spins);
    check(MTIME >= 30, "mtime advanced");

    csr_set(mie, 1 << 3);
    MSIP(0) = 1;
    uint64_t seen = msi; /* the interrupt is taken before this load */
    check(seen == 1, "software interrupt right after the store");

    /* WFI with interrupts globally off still wakes; the interrupt is then taken when enabled. */
    csr_clear(mstatus, 1 << 3);
    MTIMECMP(0) = MTIME + 1000;
    __asm__ volatile("wfi");
    check(ticks == 1 && (csr_read(mip) & (1 << 7)), "wfi wakes with MTIP pending");
    csr_set(mstatus, 1 << 3);
    check(ticks == 2, "pending timer taken once enabled");

    csr_write(mtvec, (uint64_t)vec_table | 1);
    MTIMECMP(0) = MTIME + 5;
    while (ticks == 2)
        ;
    check(last_cause == (1ULL << 63 | 7), "vectored timer interrupt");
    extern void trap_entry(void);
    csr_write(mtvec, (uint64_t)trap_entry);

    csr_write(minstret, 1000);
    uint64_t n = csr_read(minstret);
    put_line("minstret after writing 1000", n);
    uint64_t c = csr_read(mcycle);
    check(c > 0, "mcycle counts");
    uint64_t t1 = csr_read(time), m = MTIME, t2 = csr_read(time);
    check(t1 <= m && m <= t2, "time CSR follows mtime");
    csr_write(minstret, 0);
    /* Reading minstret reads the virtual clock, so re-basing it makes the last line small. */
    guest_finish();
}
