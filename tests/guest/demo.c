/* The README's demo guest: greets, counts the primes below 2000000 with a sieve (some 25 million
 * instructions, so the guest runs over several main-loop slices while the monitor answers), and
 * powers off through the test finisher, as a bare-metal program on QEMU 7.2's virt board would.
 * It must only use devices of QEMU's virt board, so that QEMU runs it the same way. */
#include "guest.h"

#define LIMIT 2000000

static uint8_t composite[LIMIT];

int main(void)
{
    puts_("emu demo guest: hart ");
    put_dec(csr_read(mhartid));
    puts_(" up, counting primes below ");
    put_dec(LIMIT);
    putc_('\n');
    uint64_t count = 0;
    for (uint64_t i = 2; i < LIMIT; i++) {
        if (composite[i])
            continue;
        count++;
        for (uint64_t j = i * i; j < LIMIT; j += i)
            composite[j] = 1;
    }
    put_dec(count);
    puts_(" primes; powering off\n");
    check(count == 148933, "prime count");
    guest_finish();
}
