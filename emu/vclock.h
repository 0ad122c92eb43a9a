/* The virtual clock: time is the retired-instruction count scaled by -icount shift (2^shift ns
 * per instruction), plus explicit jumps to the next timer deadline when every hart waits.
 * Timers fire in (deadline, arming order). Must never read host time. */
#ifndef EMU_VCLOCK_H
#define EMU_VCLOCK_H

#include <stdbool.h>
#include <stdint.h>

typedef struct vtimer {
    uint64_t deadline_ns;
    uint64_t seq; /* arming order: ties fire first-armed first */
    void (*cb)(void *opaque);
    void *opaque;
    bool armed;
    struct vtimer *next;
} vtimer;

#define VCLOCK_NO_DEADLINE UINT64_MAX

/* Resets the clock to 0 with the given shift. The epoch (ns since 1970, -rtc base) stays. */
void vclock_init(int icount_shift);
void vclock_set_epoch_ns(int64_t epoch_ns);
int64_t vclock_epoch_ns(void);
int vclock_shift(void);
uint64_t vclock_now_ns(void);
uint64_t vclock_insns(void);
/* The CPU loop reports retired instructions. */
void vclock_add_insns(uint64_t n);
/* Idle: advance time to ns (never backwards). */
void vclock_jump_to(uint64_t ns);
/* Instructions until the next deadline (UINT64_MAX: none). */
uint64_t vclock_insns_to_deadline(void);

void vtimer_init(vtimer *t, void (*cb)(void *), void *opaque);
void vtimer_mod(vtimer *t, uint64_t deadline_ns);
void vtimer_del(vtimer *t);
uint64_t vclock_next_deadline(void);
/* Runs every timer whose deadline <= now; returns how many ran. */
int vclock_run_expired(void);

#endif
