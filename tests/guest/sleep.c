/* Sleeps 10 s of virtual time in WFI on a machine-timer deadline, then powers off: the main loop
 * must jump the clock to the deadline (QEMU -icount sleep=off does the same), not spin or wait
 * 10 host seconds. */
#include "guest.h"

static volatile int woke;

void trap_handler(frame *f)
{
    (void)f;
    if (csr_read(mcause) == (1ULL << 63 | 7)) {
        MTIMECMP(0) = ~0ULL;
        woke = 1;
        return;
    }
    puts_("unexpected trap\n");
    guest_exit(99);
}

int main(void)
{
    uint64_t t0 = MTIME;
    MTIMECMP(0) = t0 + 100000000ULL; /* 10 s at 10 MHz */
    csr_set(mie, 1 << 7);
    csr_set(mstatus, 1 << 3);
    while (!woke)
        __asm__ volatile("wfi");
    check(MTIME - t0 >= 100000000ULL, "10 s of virtual time passed");
    puts_("slept 10 s\n");
    guest_finish();
}
