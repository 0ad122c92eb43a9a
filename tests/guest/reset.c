/* Resets the board once through the test finisher (0x7777, a guest-reset request), then powers
 * off on the second boot. A boot counter kept in RAM outside the image survives the reset (as on
 * QEMU, whose reset reloads the image but leaves the rest of RAM alone). A short spin first keeps
 * the guest's action well after the monitor's reply to the command that started it.
 * It must never keep state in the image (the reset reloads it), only at BOOTS. */
#include "guest.h"

#define BOOTS (*(volatile uint64_t *)0x80f00000UL)

int main(void)
{
    uint64_t boot = BOOTS;
    BOOTS = boot + 1;
    puts_("boot ");
    put_dec(boot);
    putc_('\n');
    for (volatile uint64_t i = 0; i < 100000; i++)
        ;
    if (boot == 0) {
        puts_("resetting\n");
        *FINISHER = 0x7777;
        for (;;)
            ;
    }
    guest_finish();
}
