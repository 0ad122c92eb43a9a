/* Powers off through the test finisher after a long spin (25 million instructions, tens of
 * milliseconds on QEMU 7.2): the differential transcripts need QEMU to have written its reply
 * to the command that started the guest before its finisher calls exit(). It must
 * never shorten that spin, nor use a device QEMU's virt board lacks. */
#include "guest.h"

int main(void)
{
    puts_("spinning\n");
    for (volatile uint64_t i = 0; i < 5000000; i++)
        ;
    puts_("powering off\n");
    guest_finish();
}
