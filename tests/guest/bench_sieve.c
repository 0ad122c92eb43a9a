/* Benchmark: sieve of Eratosthenes over 1 MiB of flags, repeated. */
#include "guest.h"

#define N (1u << 20)
static uint8_t composite[N];

int main(void)
{
    uint64_t count = 0;
    for (int rep = 0; rep < 10; rep++) {
        memset(composite, 0, N);
        count = 0;
        for (uint64_t i = 2; i < N; i++) {
            if (composite[i])
                continue;
            count++;
            for (uint64_t j = i * i; j < N; j += i)
                composite[j] = 1;
        }
    }
    put_line("primes", count);
    guest_finish();
}
