/* Waits for an interrupt that can never come (all interrupts disabled, no timer armed): the
 * main loop must block in poll rather than spin. Only for emu's process tests: QEMU would wait
 * forever as well. */
#include "guest.h"

int main(void)
{
    puts_("idle forever\n");
    csr_write(mie, 0);
    for (;;)
        __asm__ volatile("wfi");
}
