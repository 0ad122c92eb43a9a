/* Suspends through the emu test device (0x102000 + 0x08: SUSPEND event, state suspended), and
 * once woken (system_wakeup: WAKEUP, running) goes on after the store and powers off. Only for
 * emu: QEMU's virt board cannot suspend. It must never power off before it is woken. */
#include "guest.h"

int main(void)
{
    puts_("suspending\n");
    *(volatile uint32_t *)(0x102000UL + 0x08) = 1;
    puts_("woken up\n");
    guest_finish();
}
