/* SMP: every hart adds to a shared counter with amoadd and, under an LR/SC spinlock, to a plain
 * one; hart 0 then wakes the others with software interrupts (IPIs) and waits for their replies.
 * The printed results do not depend on how harts interleave; the minstret line does (QEMU's
 * round-robin differs from ours), so the differential test ignores it for this guest. */
#include "guest.h"

#define NHARTS 4
#define ROUNDS 2000

static volatile uint64_t atomic_sum, locked_sum, lock, arrived, woken;
static volatile uint64_t ipi_seen[NHARTS];

static void spin_lock(void)
{
    uint64_t tmp;
    __asm__ volatile("1: lr.d %0, (%1)\n"
                     "   bnez %0, 1b\n"
                     "   li %0, 1\n"
                     "   sc.d %0, %0, (%1)\n"
                     "   bnez %0, 1b\n"
                     : "=&r"(tmp)
                     : "r"(&lock)
                     : "memory");
}

static void spin_unlock(void)
{
    __asm__ volatile("amoswap.d zero, zero, (%0)" ::"r"(&lock) : "memory");
}

static void work(void)
{
    for (int i = 0; i < ROUNDS; i++) {
        __asm__ volatile("amoadd.d zero, %0, (%1)" ::"r"(1), "r"(&atomic_sum) : "memory");
        spin_lock();
        locked_sum = locked_sum + 1;
        spin_unlock();
    }
    __asm__ volatile("amoadd.d zero, %0, (%1)" ::"r"(1), "r"(&arrived) : "memory");
}

void trap_handler(frame *f)
{
    (void)f;
    uint64_t id = csr_read(mhartid);
    if (csr_read(mcause) == (1ULL << 63 | 3)) {
        MSIP(id) = 0;
        ipi_seen[id]++;
        __asm__ volatile("amoadd.d zero, %0, (%1)" ::"r"(1), "r"(&woken) : "memory");
        return;
    }
    puts_("unexpected trap\n");
    guest_exit(99);
}

void secondary_main(uint64_t hartid)
{
    if (hartid >= NHARTS)
        for (;;)
            __asm__ volatile("wfi");
    work();
    csr_set(mie, 1 << 3);
    csr_set(mstatus, 1 << 3);
    for (;;)
        __asm__ volatile("wfi");
}

int main(void)
{
    work();
    while (arrived != NHARTS)
        ;
    check(atomic_sum == NHARTS * ROUNDS, "amoadd from every hart");
    check(locked_sum == NHARTS * ROUNDS, "LR/SC spinlock");
    for (int h = 1; h < NHARTS; h++)
        MSIP(h) = 1;
    while (woken != NHARTS - 1)
        ;
    int ok = 1;
    for (int h = 1; h < NHARTS; h++)
        ok &= ipi_seen[h] == 1;
    check(ok, "IPI to every other hart");
    put_line("sum", atomic_sum + locked_sum);
    guest_finish();
}
