/* The emu test device (0x102000): checks its ID, then arms the watchdog and lets it fire while
 * spinning. Only for emu (QEMU has no such device); test_cpu checks the watchdog stop. */
#include "guest.h"

#define TESTDEV 0x102000UL

int main(void)
{
    check(*(volatile uint32_t *)TESTDEV == 0x454d5554u, "test device id");
    *(volatile uint64_t *)(TESTDEV + 0x10) = 100000; /* 100 us of virtual time */
    check(*(volatile uint64_t *)(TESTDEV + 0x10) > 0, "watchdog armed");
    puts_("waiting for the watchdog\n");
    for (;;)
        ;
}
