/* emu's own test device at 0x102000 (size 0x1000; free in QEMU's virt map, between the RTC at
 * 0x101000 and the CLINT), through which a guest raises a panic, requests a suspend or an
 * orderly shutdown, and arms a watchdog: what a guest can cause that QEMU's virt board has no
 * device for. Registers (32-bit unless noted):
 *   0x00 ID        read: 0x454d5554 ("EMUT")
 *   0x04 PANIC     write code: board_host_ops.panic(code)
 *   0x08 SUSPEND   write any: board_host_ops.suspend; the guest goes on after the store once
 *                  woken (system_wakeup)
 *   0x0c SHUTDOWN  write any: board_host_ops.shutdown_request(BOARD_SHUTDOWN_REQUEST), the
 *                  orderly power-off request (SHUTDOWN event, -no-shutdown applies) that the
 *                  test finisher's immediate exit is not
 *   0x10 WDT       64-bit, write period in virtual ns (0 disarms) and (re)starts the countdown;
 *                  read: ns left (0 when disarmed)
 *   0x18 WDT_KICK  write any: restart the countdown with the last period
 * It must never act on host time: the watchdog counts virtual ns. */
#ifndef EMU_HW_EMU_TESTDEV_H
#define EMU_HW_EMU_TESTDEV_H

#include "emu/hw/board_host.h"
#include "emu/hw/bus.h"

#define EMU_TESTDEV_BASE 0x102000ULL
#define EMU_TESTDEV_SIZE 0x1000ULL
#define EMU_TESTDEV_ID   0x454d5554u

typedef struct emu_testdev {
    const board_host_ops *host;
    void *host_opaque;
    dev_clock clock;
    uint64_t wdt_period;
    uint64_t deadline_ns;
} emu_testdev;

extern const mmio_ops emu_testdev_ops;
void emu_testdev_reset(emu_testdev *t);
uint64_t emu_testdev_next_deadline(const emu_testdev *t);
void emu_testdev_update_time(emu_testdev *t, uint64_t now_ns);

#endif
