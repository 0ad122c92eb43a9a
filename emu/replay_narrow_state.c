/* Locating a divergence of RAM or device state. A trace made with the RAM write log knows,
 * per digest, the whole-RAM sum and the device state hash at sixteen sub-checkpoints and at the
 * digest, each page changed since the previous digest with its hash, and the hash of each
 * device part (trace_format.h). A replay whose RAM or device state parts from the recording
 * names the pages or device parts that differ, the sub-interval where the state first
 * differed, and (re-running the replay, which is deterministic, stepping through that
 * sub-interval) every change the replay made to them there: by which instruction of which
 * hart, or between instructions (no guest instruction did it). The trace holds no more than
 * this, so anything finer is what the replay did, not what the recording did.
 * Must never change what a replay that does not diverge does. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "emu/hw/virt.h"
#include "emu/record.h"
#include "emu/replay_narrow.h"
#include "emu/strbuf.h"
#include "emu/tcg/disas.h"
#include "replay/trace.h"

/* The first check (sub-checkpoint 0..nsub-1, then nsub: the digest) where the replay's values
 * mine differ from the trace's, UINT32_MAX when none does or the trace has no such values
 * (logged false) or its sub-checkpoints are not the replay's. */
static uint32_t first_parted(const trace_event *ev, bool logged, const uint32_t *mine,
                             const uint32_t *recorded, bool digest_differs)
{
    if (!logged || ev->sub_interval != rr_sub_interval || ev->nsub != rr_nsub) {
        return UINT32_MAX;
    }
    for (uint32_t k = 0; k < ev->nsub; k++) {
        if (mine[k] != recorded[k]) {
            return k;
        }
    }
    return digest_differs ? ev->nsub : UINT32_MAX;
}

uint32_t replay_ram_parted(const trace_event *ev, uint64_t sum)
{
    return first_parted(ev, ev->ram_log, rr_sub_ram, ev->sub_ram, sum != ev->ram_sum);
}

/* The recorded hash of page p, if the recording wrote it in this interval. */
static bool recorded_page(const trace_event *ev, uint32_t p, uint32_t *hash)
{
    uint32_t lo = 0, hi = ev->nram_pages;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2, page;
        trace_ram_page(ev, mid, &page, hash);
        if (page == p) {
            return true;
        }
        if (page < p) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return false;
}

typedef struct page_diff {
    uint32_t page;
    uint32_t recorded, replayed;  /* low halves of the hashes */
    bool by_recording, by_replay; /* which runs wrote the page in this interval */
} page_diff;

/* The pages whose bytes differ at the digest (at most max; returns how many differ). */
static uint32_t differing_pages(const trace_event *ev, const ram_log *l, page_diff *out,
                                uint32_t max)
{
    uint32_t n = 0;
    for (uint32_t i = 0; i < ev->nram_pages; i++) {
        uint32_t p, h;
        trace_ram_page(ev, i, &p, &h);
        uint32_t mine = p < l->npages ? (uint32_t)l->page_hash[p] : 0;
        if (p >= l->npages || mine != h) {
            if (n < max) {
                out[n] = (page_diff){.page = p,
                                     .recorded = h,
                                     .replayed = mine,
                                     .by_recording = true,
                                     .by_replay = p < l->npages && l->changed[p]};
            }
            n++;
        }
    }
    /* Written by the replay only: the recording's page kept the bytes both had at the last
     * digest, where RAM matched. */
    for (uint32_t k = 0; k < l->nchanged; k++) {
        uint32_t p = l->changed_list[k], h;
        if (!recorded_page(ev, p, &h) && l->page_hash[p] != l->changed_before[k]) {
            if (n < max) {
                out[n] = (page_diff){.page = p,
                                     .recorded = (uint32_t)l->changed_before[k],
                                     .replayed = (uint32_t)l->page_hash[p],
                                     .by_replay = true};
            }
            n++;
        }
    }
    return n;
}

/* Where watched item w sits, for the report: a page's guest address, or a device part. */
static void put_item(strbuf *sb, uint32_t id)
{
    if (id >= NARROW_DEV_BASE) {
        sb_printf(sb, "%s", virt_device_part_name((int)(id - NARROW_DEV_BASE)));
    } else {
        sb_printf(sb, "page 0x%016" PRIx64,
                  (uint64_t)VIRT_DRAM_BASE + ((uint64_t)id << RAM_LOG_PAGE_BITS));
    }
}

static void put_change(strbuf *sb, const page_change *c, uint32_t id)
{
    sb_printf(sb, "      icount %" PRIu64 ", ", c->icount);
    if (c->how == 'b') {
        sb_puts(sb, id >= NARROW_DEV_BASE
                        ? "between two instructions (a device event: a deadline, an input, or "
                          "a write from outside the guest's code such as EMU_REPLAY_PERTURB)"
                        : "between two instructions: no guest instruction wrote it (a write "
                          "from outside the guest's code, such as EMU_REPLAY_PERTURB or a "
                          "debugger)");
    } else {
        sb_printf(sb, "by instruction #%" PRIu64 ", hart %d at pc 0x%016" PRIx64, c->icount,
                  c->hart, c->pc);
        if (c->has_insn) {
            sb_puts(sb, ": ");
            rv_disas(sb, c->pc, c->insn);
        }
    }
    if (id >= NARROW_DEV_BASE) {
        sb_putc(sb, '\n');
    } else if (!c->nbytes) {
        sb_puts(sb, "; a store that left the page's bytes as they were\n");
    } else {
        uint64_t base = (uint64_t)VIRT_DRAM_BASE + ((uint64_t)id << RAM_LOG_PAGE_BITS);
        sb_printf(sb,
                  "; %" PRIu32 " byte%s changed, the first at 0x%016" PRIx64 ": 0x%02x -> 0x%02x\n",
                  c->nbytes, c->nbytes == 1 ? "" : "s", base + c->first, c->old_byte, c->new_byte);
    }
}

/* The report's first two lines: what differs at the digest (or that it differed at a
 * sub-checkpoint and its hash at the digest is the recorded one again), and the bound, the
 * sub-interval [*lo, *hi] where check k (sub-checkpoint k, or the digest when k == nsub)
 * first differed. */
typedef struct state_names {
    const char *what, *hash, *short_hash, *in_bound;
} state_names;
static const state_names ram_names = {"RAM", "sum of page hashes", "sum", "RAM's sum"};
static const state_names dev_names = {"device state", "xxh3", "hash", "the device state"};

static void put_header(strbuf *sb, const trace_event *ev, uint64_t icount, uint64_t interval,
                       uint32_t k, const state_names *n, uint64_t got, uint64_t recorded,
                       uint64_t *lo, uint64_t *hi)
{
    if (got == recorded) {
        sb_printf(sb,
                  "digest at icount %" PRIu64 ": %s differed at a sub-checkpoint (its %s at the "
                  "digest, %016" PRIx64 ", is the recorded one)\n",
                  icount, n->what, n->short_hash, got);
    } else {
        sb_printf(sb,
                  "digest at icount %" PRIu64 ": %s differs (%s %016" PRIx64
                  ", recorded %016" PRIx64 ")\n",
                  icount, n->what, n->hash, got, recorded);
    }
    uint64_t prev = icount >= interval ? icount - interval : 0;
    *lo = prev + (uint64_t)k * ev->sub_interval;
    *hi = k < ev->nsub ? prev + (uint64_t)(k + 1) * ev->sub_interval : icount;
    sb_printf(sb,
              "  bound from the trace: %s matched at icount %" PRIu64 " and differed at icount "
              "%" PRIu64 " (checks every %" PRIu64 " instructions): the runs parted after the "
              "check at %" PRIu64 " and by %" PRIu64 "\n",
              n->in_bound, *lo, *hi, ev->sub_interval ? ev->sub_interval : interval, *lo, *hi);
}

/* Re-runs the replay over [lo, hi] watching the items of pw and reports every change the
 * replay made to each (replay_only[i]: only the replay changed item i, or NULL). */
static void narrow_items(strbuf *sb, const char *path, uint64_t lo, uint64_t hi, page_watch *pw,
                         uint32_t n, const bool *replay_only)
{
    if (getenv("EMU_REPLAY_NARROW")) {
        sb_puts(sb, "  (a re-run made to narrow a divergence diverged itself)\n");
        return;
    }
    reg_change unused[32];
    if (!narrow_rerun(path, lo, hi, -1, 0, unused, pw, n)) {
        sb_printf(sb,
                  "  (re-running the replay to narrow it further failed: it did not reach "
                  "icount %" PRIu64 ")\n",
                  hi);
        return;
    }
    sb_printf(sb,
              "  narrowed by re-running the replay from icount %" PRIu64 " to %" PRIu64
              ", one instruction at a time:\n",
              lo, hi);
    uint64_t first = UINT64_MAX, outside = UINT64_MAX;
    for (uint32_t i = 0; i < n; i++) {
        const page_watch *w = &pw[i];
        sb_puts(sb, "    ");
        put_item(sb, w->page);
        if (!w->nchanges) {
            sb_puts(sb, replay_only && replay_only[i]
                            ? ": not changed by this re-run in the bound: the replay's change "
                              "came from outside it (a debugger's write, which a re-run does "
                              "not repeat)\n"
                            : ": not changed by the replay in the bound: the recorded run "
                              "changed it and the replay did not\n");
            continue;
        }
        sb_printf(sb, ": %s %" PRIu32 " time%s by the replay:\n",
                  w->page >= NARROW_DEV_BASE ? "changed" : "written", w->nchanges,
                  w->nchanges == 1 ? "" : "s");
        for (uint32_t j = 0; j < w->nkept; j++) {
            put_change(sb, &w->change[j], w->page);
            if (w->change[j].icount < first) {
                first = w->change[j].icount;
            }
            /* a device changes between instructions as a matter of course (deadlines) */
            if (w->change[j].how == 'b' && w->page < NARROW_DEV_BASE &&
                w->change[j].icount < outside) {
                outside = w->change[j].icount;
            }
        }
        if (w->nchanges > w->nkept) {
            sb_printf(sb, "      ... %" PRIu32 " more; the last:\n", w->nchanges - w->nkept);
            put_change(sb, &w->last, w->page);
        }
    }
    if (outside != UINT64_MAX) {
        sb_printf(sb,
                  "  changed from outside the guest's code at icount %" PRIu64
                  ", inside the trace's bound: most likely where the runs parted\n",
                  outside);
    } else if (first != UINT64_MAX) {
        sb_printf(sb,
                  "  earliest of those changes: icount %" PRIu64
                  "; the runs parted at one of them (the trace keeps no finer record)\n",
                  first);
    }
}

bool replay_narrow_ram(strbuf *sb, const char *path, const trace_event *ev, uint64_t icount,
                       uint64_t interval, uint64_t sum, uint32_t k)
{
    virt_board *b = machine_virt_board();
    if (!b || k == UINT32_MAX) {
        return false;
    }
    uint64_t lo, hi;
    put_header(sb, ev, icount, interval, k, &ram_names, sum, ev->ram_sum, &lo, &hi);
    page_diff d[NARROW_MAX_PAGES];
    uint32_t nd = differing_pages(ev, virt_ram_log(b), d, NARROW_MAX_PAGES);
    if (sum == ev->ram_sum) {
        sb_puts(sb, "  RAM matches again at the digest: the runs parted and met again within "
                    "the interval (the trace keeps no page list for a sub-checkpoint)\n");
        return true;
    }
    if (!nd) {
        sb_puts(sb, "  no page either run wrote since the last digest differs: RAM changed "
                    "without a logged write (a write around the RAM log)\n");
        return true;
    }
    sb_printf(sb, "  %" PRIu32 " page%s of 4 KiB differ%s at icount %" PRIu64 ":\n", nd,
              nd == 1 ? "" : "s", nd == 1 ? "s" : "", icount);
    page_watch pw[NARROW_MAX_PAGES] = {0};
    bool replay_only[NARROW_MAX_PAGES] = {0};
    uint32_t shown = nd < NARROW_MAX_PAGES ? nd : NARROW_MAX_PAGES;
    for (uint32_t i = 0; i < shown; i++) {
        sb_puts(sb, "    ");
        put_item(sb, d[i].page);
        sb_printf(sb,
                  ": xxh3 low half %08" PRIx32 ", recorded %08" PRIx32
                  " (changed since the last digest by %s)\n",
                  d[i].replayed, d[i].recorded,
                  d[i].by_recording && d[i].by_replay ? "both runs"
                  : d[i].by_replay                    ? "the replay only"
                                                      : "the recording only");
        pw[i].page = d[i].page;
        replay_only[i] = !d[i].by_recording;
    }
    if (nd > shown) {
        sb_printf(sb, "    (and %" PRIu32 " more)\n", nd - shown);
    }
    narrow_items(sb, path, lo, hi, pw, shown, replay_only);
    return true;
}

uint32_t replay_dev_parted(const trace_event *ev, uint64_t devices)
{
    /* the sub-checkpoints leave the scheduler out; the digest has it */
    return first_parted(ev, ev->dev_log, rr_sub_dev, ev->sub_dev, devices != ev->devices);
}

bool replay_narrow_dev(strbuf *sb, const char *path, const trace_event *ev, uint64_t icount,
                       uint64_t interval, uint64_t devices, uint32_t k)
{
    virt_board *b = machine_virt_board();
    if (!b || k == UINT32_MAX) {
        return false;
    }
    uint64_t lo, hi;
    put_header(sb, ev, icount, interval, k, &dev_names, devices, ev->devices, &lo, &hi);
    uint64_t parts[VIRT_DEVICE_PARTS];
    virt_device_parts(b, parts);
    page_watch pw[VIRT_DEVICE_PARTS] = {0};
    uint32_t n = 0;
    bool scheduler = false;
    for (int i = 0; i < VIRT_DEVICE_PARTS && (uint32_t)i < ev->ndev_parts; i++) {
        if ((uint32_t)parts[i] == ev->dev_parts[i]) {
            continue;
        }
        sb_printf(sb, "    %s: xxh3 low half %08" PRIx32 ", recorded %08" PRIx32 "\n",
                  virt_device_part_name(i), (uint32_t)parts[i], ev->dev_parts[i]);
        /* the scheduler's part moves at every instruction: nothing to watch */
        if (i == VIRT_DEVICE_PARTS - 1) {
            scheduler = true;
        } else {
            pw[n++].page = NARROW_DEV_BASE + (uint32_t)i;
        }
    }
    if (devices == ev->devices) {
        sb_puts(sb, "  the device state matches again at the digest: the runs parted and met "
                    "again within the interval\n");
        return true;
    }
    if (scheduler) {
        sb_puts(sb, "  the scheduler's state (clock bias, whose turn, slice left) differs: "
                    "the harts were scheduled differently\n");
    }
    if (n) {
        narrow_items(sb, path, lo, hi, pw, n, NULL);
    }
    return true;
}
