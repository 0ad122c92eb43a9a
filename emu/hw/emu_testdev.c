/* The emu test device (see the header for its registers). It must never stop the machine
 * itself: panics, suspends and watchdog expiry go to the board host. */
#include "emu/hw/emu_testdev.h"

void emu_testdev_reset(emu_testdev *t)
{
    t->wdt_period = 0;
    t->deadline_ns = DEV_NO_DEADLINE;
}

uint64_t emu_testdev_next_deadline(const emu_testdev *t)
{
    return t->deadline_ns;
}

void emu_testdev_update_time(emu_testdev *t, uint64_t now_ns)
{
    if (t->deadline_ns <= now_ns) {
        t->deadline_ns = DEV_NO_DEADLINE;
        if (t->host->watchdog_fired)
            t->host->watchdog_fired(t->host_opaque);
    }
}

static void arm(emu_testdev *t)
{
    t->deadline_ns = t->wdt_period ? dev_now(&t->clock) + t->wdt_period : DEV_NO_DEADLINE;
    dev_deadline_changed(&t->clock);
}

static uint64_t td_read(void *opaque, uint64_t off, unsigned size)
{
    emu_testdev *t = opaque;
    (void)size;
    if (off == 0x00)
        return EMU_TESTDEV_ID;
    if (off == 0x10) {
        uint64_t now = dev_now(&t->clock);
        return t->deadline_ns == DEV_NO_DEADLINE || t->deadline_ns < now ? 0 : t->deadline_ns - now;
    }
    return 0;
}

static void td_write(void *opaque, uint64_t off, uint64_t val, unsigned size)
{
    emu_testdev *t = opaque;
    switch (off) {
    case 0x04:
        if (t->host->panic)
            t->host->panic(t->host_opaque, (uint32_t)val);
        break;
    case 0x08:
        if (t->host->suspend)
            t->host->suspend(t->host_opaque);
        break;
    case 0x0c:
        if (t->host->shutdown_request)
            t->host->shutdown_request(t->host_opaque, BOARD_SHUTDOWN_REQUEST, 0);
        break;
    case 0x10:
        t->wdt_period = size == 8 ? val : (val & 0xffffffff);
        arm(t);
        break;
    case 0x18:
        arm(t);
        break;
    default:
        break;
    }
}

const mmio_ops emu_testdev_ops = {td_read, td_write};
