/* Virtual clock and timer list (one thread). The list is sorted by (deadline, seq) so firing
 * order is a pure function of the arming history. Must never consult the host clock. */
#include "emu/vclock.h"

static struct {
    int shift;
    uint64_t insns;
    uint64_t idle_ns; /* time added by idle jumps */
    int64_t epoch_ns;
    uint64_t next_seq;
    vtimer *head;
} vc;

void vclock_init(int icount_shift)
{
    int64_t epoch = vc.epoch_ns;
    vc.shift = icount_shift;
    vc.insns = 0;
    vc.idle_ns = 0;
    vc.next_seq = 0;
    vc.head = 0;
    vc.epoch_ns = epoch;
}

void vclock_set_epoch_ns(int64_t epoch_ns)
{
    vc.epoch_ns = epoch_ns;
}

int64_t vclock_epoch_ns(void)
{
    return vc.epoch_ns;
}

int vclock_shift(void)
{
    return vc.shift;
}

uint64_t vclock_now_ns(void)
{
    return (vc.insns << vc.shift) + vc.idle_ns;
}

uint64_t vclock_insns(void)
{
    return vc.insns;
}

void vclock_add_insns(uint64_t n)
{
    vc.insns += n;
}

void vclock_jump_to(uint64_t ns)
{
    uint64_t now = vclock_now_ns();
    if (ns > now) {
        vc.idle_ns += ns - now;
    }
}

uint64_t vclock_insns_to_deadline(void)
{
    uint64_t d = vclock_next_deadline();
    if (d == VCLOCK_NO_DEADLINE) {
        return UINT64_MAX;
    }
    uint64_t now = vclock_now_ns();
    if (d <= now) {
        return 0;
    }
    uint64_t per = (uint64_t)1 << vc.shift;
    return (d - now + per - 1) / per;
}

void vtimer_init(vtimer *t, void (*cb)(void *), void *opaque)
{
    t->cb = cb;
    t->opaque = opaque;
    t->armed = false;
    t->next = 0;
    t->deadline_ns = 0;
    t->seq = 0;
}

void vtimer_del(vtimer *t)
{
    if (!t->armed) {
        return;
    }
    for (vtimer **p = &vc.head; *p; p = &(*p)->next) {
        if (*p == t) {
            *p = t->next;
            break;
        }
    }
    t->armed = false;
    t->next = 0;
}

void vtimer_mod(vtimer *t, uint64_t deadline_ns)
{
    vtimer_del(t);
    t->deadline_ns = deadline_ns;
    t->seq = vc.next_seq++;
    vtimer **p = &vc.head;
    while (*p && ((*p)->deadline_ns < deadline_ns ||
                  ((*p)->deadline_ns == deadline_ns && (*p)->seq < t->seq))) {
        p = &(*p)->next;
    }
    t->next = *p;
    *p = t;
    t->armed = true;
}

uint64_t vclock_next_deadline(void)
{
    return vc.head ? vc.head->deadline_ns : VCLOCK_NO_DEADLINE;
}

int vclock_run_expired(void)
{
    int n = 0;
    uint64_t now = vclock_now_ns();
    while (vc.head && vc.head->deadline_ns <= now) {
        vtimer *t = vc.head;
        vc.head = t->next;
        t->armed = false;
        t->next = 0;
        t->cb(t->opaque);
        n++;
    }
    return n;
}
