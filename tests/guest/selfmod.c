/* Self-modifying code: a function written to RAM, run, rewritten and run again, with fence.i
 * (and once without: translated code is invalidated by the store itself). */
#include "guest.h"

static uint32_t code[16] __attribute__((aligned(64)));

static uint64_t call(void)
{
    uint64_t (*fn)(void) = (uint64_t(*)(void))(uintptr_t)code;
    return fn();
}

static void emit_li_ret(uint32_t value)
{
    code[0] = (value << 20) | (10 << 7) | 0x13; /* addi a0, zero, value */
    code[1] = 0x00008067;                       /* ret */
}

int main(void)
{
    emit_li_ret(1);
    __asm__ volatile("fence.i" ::: "memory");
    check(call() == 1, "run written code");
    emit_li_ret(2);
    __asm__ volatile("fence.i" ::: "memory");
    check(call() == 2, "rewritten code after fence.i");
    uint64_t sum = 0;
    for (uint32_t i = 3; i < 40; i++) {
        emit_li_ret(i);
        __asm__ volatile("fence.i" ::: "memory");
        sum += call();
    }
    put_line("sum", sum);
    guest_finish();
}
