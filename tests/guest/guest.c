/* The guest runtime (see guest.h). It must never rely on anything the ROM leaves in registers. */
#include "guest.h"

int failures;

void putc_(char c)
{
    while (!(UART0[5] & 0x20))
        ;
    UART0[0] = (uint8_t)c;
}

void puts_(const char *s)
{
    while (*s)
        putc_(*s++);
}

void put_hex(uint64_t v)
{
    puts_("0x");
    for (int i = 60; i >= 0; i -= 4)
        putc_("0123456789abcdef"[(v >> i) & 15]);
}

void put_dec(uint64_t v)
{
    char buf[24];
    int n = 0;
    do {
        buf[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    while (n)
        putc_(buf[--n]);
}

void put_line(const char *label, uint64_t v)
{
    puts_(label);
    putc_(' ');
    put_hex(v);
    putc_('\n');
}

void check(int ok, const char *name)
{
    puts_(ok ? "ok " : "FAIL ");
    puts_(name);
    putc_('\n');
    if (!ok)
        failures++;
}

void guest_exit(int code)
{
    *FINISHER = code ? (((uint32_t)code << 16) | 0x3333) : 0x5555;
    for (;;)
        __asm__ volatile("wfi");
}

void guest_finish(void)
{
    uint64_t n = csr_read(minstret);
    puts_("minstret ");
    put_dec(n);
    putc_('\n');
    guest_exit(failures);
}

__attribute__((weak)) void trap_handler(frame *f)
{
    puts_("unexpected trap mcause ");
    put_hex(csr_read(mcause));
    puts_(" mepc ");
    put_hex(f->epc);
    putc_('\n');
    guest_exit(99);
}

__attribute__((weak)) void strap_handler(frame *f)
{
    (void)f;
    puts_("unexpected S trap\n");
    guest_exit(98);
}

__attribute__((weak)) void secondary_main(uint64_t hartid)
{
    (void)hartid;
    for (;;)
        __asm__ volatile("wfi");
}

void *memset(void *d, int c, unsigned long n)
{
    uint8_t *p = d;
    while (n--)
        *p++ = (uint8_t)c;
    return d;
}

void *memcpy(void *d, const void *s, unsigned long n)
{
    uint8_t *p = d;
    const uint8_t *q = s;
    while (n--)
        *p++ = *q++;
    return d;
}
