/* Asks for an orderly power-off through the emu test device (0x102000 + 0x0c): a SHUTDOWN
 * event (guest-shutdown), so -no-shutdown pauses in state shutdown instead of exiting. Only for
 * emu: QEMU's virt board has no such device (its test finisher exits at once). It must never power
 * off any other way. */
#include "guest.h"

int main(void)
{
    puts_("shutting down\n");
    for (volatile uint64_t i = 0; i < 100000; i++)
        ;
    *(volatile uint32_t *)(0x102000UL + 0x0c) = 1;
    for (;;)
        __asm__ volatile("wfi");
}
