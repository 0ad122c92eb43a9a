/* HTIF: a guest that defines tohost/fromhost and passes by writing 1 to tohost. Under QEMU's
 * virt machine (no HTIF) the write is plain memory and the finisher ends the run instead, with
 * the same output. */
#include "guest.h"

volatile uint64_t tohost __attribute__((aligned(64)));
volatile uint64_t fromhost __attribute__((aligned(64)));

int main(void)
{
    puts_("htif guest\n");
    uint64_t n = csr_read(minstret);
    puts_("minstret ");
    put_dec(n);
    putc_('\n');
    tohost = 1;
    guest_exit(0);
}
