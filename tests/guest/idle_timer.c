/* Arms the machine timer 1 s ahead with every interrupt disabled, then waits in WFI forever:
 * the main loop jumps the clock silently to the deadline (nothing wakes the hart), then blocks
 * in poll. For emu's replay tests (an input taken after that jump, at the count of earlier
 * boundaries); QEMU would wait forever as well. */
#include "guest.h"

int main(void)
{
    csr_write(mie, 0);
    MTIMECMP(0) = MTIME + 10000000ULL; /* 1 s at 10 MHz */
    puts_("waiting\n");
    for (;;)
        __asm__ volatile("wfi");
}
