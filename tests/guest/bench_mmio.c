/* Benchmark: a loop of UART LSR reads (device access on every iteration). */
#include "guest.h"

int main(void)
{
    uint64_t acc = 0;
    for (int i = 0; i < 5000000; i++)
        acc += UART0[5];
    put_line("acc", acc);
    guest_finish();
}
