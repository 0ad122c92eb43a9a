/* The goldfish RTC, register for register as QEMU 7.2's hw/rtc/goldfish_rtc.c. It must never
 * let time go through the host: the count is epoch + virtual ns. */
#include "emu/hw/goldfish_rtc.h"

enum {
    TIME_LOW = 0x00,
    TIME_HIGH = 0x04,
    ALARM_LOW = 0x08,
    ALARM_HIGH = 0x0c,
    IRQ_ENABLED = 0x10,
    CLEAR_ALARM = 0x14,
    ALARM_STATUS = 0x18,
    CLEAR_INTERRUPT = 0x1c,
};

void goldfish_rtc_reset(goldfish_rtc *r, int64_t epoch_ns)
{
    r->tick_offset = epoch_ns;
    r->alarm_next = 0;
    r->deadline_ns = DEV_NO_DEADLINE;
    r->time_high = 0;
    r->irq_pending = r->irq_enabled = r->alarm_running = 0;
    irq_set(&r->irq, false);
}

static uint64_t count(goldfish_rtc *r)
{
    return dev_now(&r->clock) + (uint64_t)r->tick_offset;
}

static void update(goldfish_rtc *r)
{
    irq_set(&r->irq, r->irq_pending && r->irq_enabled);
}

static void clear_alarm(goldfish_rtc *r)
{
    r->deadline_ns = DEV_NO_DEADLINE;
    r->alarm_running = 0;
}

static void set_alarm(goldfish_rtc *r)
{
    uint64_t ticks = count(r);
    if (r->alarm_next <= ticks) {
        clear_alarm(r);
        r->irq_pending = 1;
        update(r);
    } else {
        r->deadline_ns = r->alarm_next - (uint64_t)r->tick_offset;
        r->alarm_running = 1;
        dev_deadline_changed(&r->clock);
    }
}

uint64_t goldfish_rtc_next_deadline(const goldfish_rtc *r)
{
    return r->deadline_ns;
}

void goldfish_rtc_update_time(goldfish_rtc *r, uint64_t now_ns)
{
    if (r->deadline_ns <= now_ns) {
        clear_alarm(r);
        r->irq_pending = 1;
        update(r);
    }
}

static uint64_t rtc_read(void *opaque, uint64_t off, unsigned size)
{
    goldfish_rtc *r = opaque;
    (void)size;
    switch (off) {
    case TIME_LOW: {
        uint64_t c = count(r);
        r->time_high = (uint32_t)(c >> 32);
        return c & 0xffffffff;
    }
    case TIME_HIGH:
        return r->time_high;
    case ALARM_LOW:
        return r->alarm_next & 0xffffffff;
    case ALARM_HIGH:
        return r->alarm_next >> 32;
    case IRQ_ENABLED:
        return r->irq_enabled;
    case ALARM_STATUS:
        return r->alarm_running;
    default:
        return 0;
    }
}

static void rtc_write(void *opaque, uint64_t off, uint64_t val, unsigned size)
{
    goldfish_rtc *r = opaque;
    (void)size;
    uint64_t v32 = val & 0xffffffff;
    switch (off) {
    case TIME_LOW: {
        uint64_t cur = count(r), nt = (cur & ~0xffffffffULL) | v32;
        r->tick_offset += (int64_t)(nt - cur);
        break;
    }
    case TIME_HIGH: {
        uint64_t cur = count(r), nt = (cur & 0xffffffffULL) | (v32 << 32);
        r->tick_offset += (int64_t)(nt - cur);
        break;
    }
    case ALARM_LOW:
        r->alarm_next = (r->alarm_next & ~0xffffffffULL) | v32;
        set_alarm(r);
        break;
    case ALARM_HIGH:
        r->alarm_next = (r->alarm_next & 0xffffffffULL) | (v32 << 32);
        break;
    case IRQ_ENABLED:
        r->irq_enabled = (uint32_t)(val & 1);
        update(r);
        break;
    case CLEAR_ALARM:
        clear_alarm(r);
        break;
    case CLEAR_INTERRUPT:
        r->irq_pending = 0;
        update(r);
        break;
    default:
        break;
    }
}

const mmio_ops goldfish_rtc_ops = {rtc_read, rtc_write};
