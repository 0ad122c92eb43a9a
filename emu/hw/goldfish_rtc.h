/* Goldfish RTC at 0x101000 (IRQ 11): time in ns = the host epoch (board_host_ops.host_time_ns,
 * read once at reset) + virtual ns; an alarm raising the IRQ. It must never read host time
 * other than through that one callback. */
#ifndef EMU_HW_GOLDFISH_RTC_H
#define EMU_HW_GOLDFISH_RTC_H

#include "emu/hw/board_host.h"
#include "emu/hw/bus.h"

#define GOLDFISH_RTC_BASE 0x101000ULL
#define GOLDFISH_RTC_SIZE 0x1000ULL
#define GOLDFISH_RTC_IRQ  11

typedef struct goldfish_rtc {
    dev_clock clock;
    irq_line irq;
    int64_t tick_offset;
    uint64_t alarm_next;
    uint64_t deadline_ns; /* virtual ns of the armed alarm */
    uint32_t time_high;
    uint32_t irq_pending, irq_enabled, alarm_running;
} goldfish_rtc;

extern const mmio_ops goldfish_rtc_ops;
void goldfish_rtc_reset(goldfish_rtc *r, int64_t epoch_ns);
uint64_t goldfish_rtc_next_deadline(const goldfish_rtc *r);
void goldfish_rtc_update_time(goldfish_rtc *r, uint64_t now_ns);

#endif
