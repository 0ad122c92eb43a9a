/* What devices need from their board, as plain callbacks: interrupt lines, the virtual clock,
 * and the host-facing requests (power off, reset, panic, suspend, watchdog, serial bytes, the
 * host's epoch for the RTC). Devices must never include qmp/ or the main loop: everything they
 * report leaves through board_host_ops, and the board decides what it means. */
#ifndef EMU_HW_BOARD_HOST_H
#define EMU_HW_BOARD_HOST_H

#include <stdbool.h>
#include <stdint.h>

/* Shutdown causes reported by shutdown_request. */
enum {
    BOARD_SHUTDOWN_POWEROFF = 0, /* guest powered off cleanly (test finisher PASS, HTIF pass) */
    BOARD_SHUTDOWN_FAIL = 1,     /* guest reported failure with an exit code */
    BOARD_SHUTDOWN_REQUEST = 2,  /* orderly power-off request (emu test device): an event */
};

typedef struct board_host_ops {
    /* cause: BOARD_SHUTDOWN_*; code: the guest's exit code (0 on poweroff). */
    void (*shutdown_request)(void *opaque, int cause, int code);
    void (*reset_request)(void *opaque);
    void (*panic)(void *opaque, uint32_t code);
    void (*suspend)(void *opaque);
    void (*watchdog_fired)(void *opaque);
    void (*serial_out)(void *opaque, uint8_t byte);
    /* ns since 1970 at virtual time 0 (the RTC's base); must be deterministic or recorded. */
    int64_t (*host_time_ns)(void *opaque);
} board_host_ops;

/* One interrupt output of a device. */
typedef struct irq_line {
    void (*set)(void *opaque, int n, bool level);
    void *opaque;
    int n;
} irq_line;

static inline void irq_set(const irq_line *l, bool level)
{
    if (l->set)
        l->set(l->opaque, l->n, level);
}

/* The board's virtual time in ns, as devices see it. */
typedef struct dev_clock {
    uint64_t (*now_ns)(void *opaque);
    /* A device armed or moved a deadline: the board must recompute how far harts may run. */
    void (*deadline_changed)(void *opaque);
    void *opaque;
} dev_clock;

static inline uint64_t dev_now(const dev_clock *c)
{
    return c->now_ns(c->opaque);
}

static inline void dev_deadline_changed(const dev_clock *c)
{
    if (c->deadline_changed)
        c->deadline_changed(c->opaque);
}

#define DEV_NO_DEADLINE UINT64_MAX

#endif
