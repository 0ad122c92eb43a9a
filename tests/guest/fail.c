/* Reports failure through the test finisher: (3 << 16) | 0x3333, exit status 3 on QEMU 7.2
 * (it calls exit(3)) and on emu alike, after the same long spin as poweroff.c. It must
 * never use a device QEMU's virt board lacks. */
#include "guest.h"

int main(void)
{
    puts_("failing with code 3\n");
    for (volatile uint64_t i = 0; i < 5000000; i++)
        ;
    failures = 3;
    guest_finish();
}
