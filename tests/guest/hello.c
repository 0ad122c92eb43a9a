/* The smallest guest: greets and finishes. */
#include "guest.h"

int main(void)
{
    puts_("hello from the guest\n");
    check(csr_read(mhartid) == 0, "mhartid");
    guest_finish();
}
