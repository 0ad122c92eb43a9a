/* The other virt devices: the goldfish RTC (virtual ns since the 2000-01-01 base the runners
 * use), CLINT mtime/mtimecmp registers, and the RTC alarm interrupt through the PLIC. */
#include "guest.h"

#define RTC        0x101000UL
#define RTC_REG(o) (*(volatile uint32_t *)(RTC + (o)))
#define PLIC       0xc000000UL

static volatile uint64_t alarms;

void trap_handler(frame *f)
{
    (void)f;
    if (csr_read(mcause) != (1ULL << 63 | 11)) {
        puts_("unexpected trap\n");
        guest_exit(99);
    }
    uint32_t irq = *(volatile uint32_t *)(PLIC + 0x200004);
    if (irq == 11) {
        alarms++;
        RTC_REG(0x1c) = 1; /* clear interrupt */
    }
    *(volatile uint32_t *)(PLIC + 0x200004) = irq;
}

static uint64_t rtc_now(void)
{
    uint64_t lo = RTC_REG(0x00);
    uint64_t hi = RTC_REG(0x04);
    return hi << 32 | lo;
}

int main(void)
{
    uint64_t t1 = rtc_now();
    uint64_t t2 = rtc_now();
    check(t1 / 1000000000ULL >= 946684800ULL && t1 / 1000000000ULL < 946684800ULL + 3600,
          "RTC near the 2000-01-01 base");
    put_line("RTC delta between two reads (ns)", t2 - t1);

    MTIMECMP(0) = 0x123456789ULL;
    check(MTIMECMP(0) == 0x123456789ULL, "mtimecmp reads back");
    volatile uint32_t *cmp32 = (volatile uint32_t *)(CLINT + 0x4000);
    cmp32[1] = 0x7;
    check(MTIMECMP(0) == 0x723456789ULL, "mtimecmp high word write");
    uint64_t m1 = MTIME;
    for (volatile int i = 0; i < 1000; i++)
        ;
    uint64_t m2 = MTIME;
    put_line("mtime ticks over a loop", m2 - m1);

    /* RTC alarm -> PLIC source 11 -> M external interrupt. */
    *(volatile uint32_t *)(PLIC + 4 * 11) = 1;
    *(volatile uint32_t *)(PLIC + 0x2000) = 1 << 11;
    csr_set(mie, 1 << 11);
    csr_set(mstatus, 1 << 3);
    RTC_REG(0x10) = 1; /* IRQ enable */
    uint64_t when = rtc_now() + 20000;
    RTC_REG(0x0c) = (uint32_t)(when >> 32);
    RTC_REG(0x08) = (uint32_t)when;
    check(RTC_REG(0x18) == 1, "alarm running");
    uint64_t spins = 0;
    while (!alarms)
        spins++;
    check(alarms == 1, "RTC alarm interrupt");
    put_line("spins until the alarm", spins);
    guest_finish();
}
