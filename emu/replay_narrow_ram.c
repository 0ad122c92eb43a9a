/* Locating a divergence of RAM. A trace made with the RAM write log knows, per digest, the
 * whole-RAM sum at sixteen sub-checkpoints and at the digest, and each page written since the
 * previous digest with its hash (trace_format.h). A replay whose RAM parts from the recording
 * names the pages that differ, the sub-interval where RAM first differed, and (re-running the
 * replay, which is deterministic, stepping through that sub-interval) every change the replay
 * made to those pages there: by which instruction of which hart, or between instructions (no
 * guest instruction did it). The trace holds no more than this, so anything finer is what the
 * replay did, not what the recording did.
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

static bool comparable(const trace_event *ev)
{
    return ev->ram_log && ev->sub_interval == rr_sub_interval && ev->nsub == rr_nsub;
}

uint32_t replay_ram_parted(const trace_event *ev, uint64_t sum)
{
    if (!comparable(ev)) {
        return UINT32_MAX;
    }
    for (uint32_t k = 0; k < ev->nsub; k++) {
        if (rr_sub_ram[k] != ev->sub_ram[k]) {
            return k;
        }
    }
    return sum != ev->ram_sum ? ev->nsub : UINT32_MAX;
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

static void put_change(strbuf *sb, const page_change *c, uint64_t base)
{
    sb_printf(sb, "      icount %" PRIu64 ", ", c->icount);
    if (c->how == 'b') {
        sb_puts(sb, "between two instructions: no guest instruction wrote it (a write from "
                    "outside the guest's code, such as EMU_REPLAY_PERTURB or a debugger)");
    } else {
        sb_printf(sb, "by instruction #%" PRIu64 ", hart %d at pc 0x%016" PRIx64, c->icount,
                  c->hart, c->pc);
        if (c->has_insn) {
            sb_puts(sb, ": ");
            rv_disas(sb, c->pc, c->insn);
        }
    }
    if (!c->nbytes) {
        sb_puts(sb, "; a store that left the page's bytes as they were\n");
        return;
    }
    sb_printf(sb, "; %" PRIu32 " byte%s changed, the first at 0x%016" PRIx64 ": 0x%02x -> 0x%02x\n",
              c->nbytes, c->nbytes == 1 ? "" : "s", base + c->first, c->old_byte, c->new_byte);
}

bool replay_narrow_ram(strbuf *sb, const char *path, const trace_event *ev, uint64_t icount,
                       uint64_t interval, uint64_t sum, uint32_t k)
{
    virt_board *b = machine_virt_board();
    if (!b || k == UINT32_MAX) {
        return false;
    }
    const ram_log *l = virt_ram_log(b);
    uint64_t prev = icount >= interval ? icount - interval : 0;
    uint64_t lo = prev + (uint64_t)k * ev->sub_interval;
    uint64_t hi = k < ev->nsub ? prev + (uint64_t)(k + 1) * ev->sub_interval : icount;
    page_diff d[NARROW_MAX_PAGES];
    uint32_t nd = differing_pages(ev, l, d, NARROW_MAX_PAGES);
    sb_printf(sb,
              "digest at icount %" PRIu64 ": RAM differs (sum of page hashes %016" PRIx64
              ", recorded %016" PRIx64 ")\n",
              icount, sum, ev->ram_sum);
    sb_printf(sb,
              "  bound from the trace: RAM matched its recorded sum at icount %" PRIu64
              " and differed at icount %" PRIu64 " (checks every %" PRIu64
              " instructions): the runs parted after the check at %" PRIu64 " and by %" PRIu64 "\n",
              lo, hi, ev->sub_interval ? ev->sub_interval : interval, lo, hi);
    if (!nd) {
        sb_puts(sb, "  no page either run wrote since the last digest differs: RAM changed "
                    "without a logged write (a write around the RAM log)\n");
        return true;
    }
    sb_printf(sb, "  %" PRIu32 " page%s of 4 KiB differ%s at icount %" PRIu64 ":\n", nd,
              nd == 1 ? "" : "s", nd == 1 ? "s" : "", icount);
    page_watch pw[NARROW_MAX_PAGES] = {0};
    uint32_t shown = nd < NARROW_MAX_PAGES ? nd : NARROW_MAX_PAGES;
    for (uint32_t i = 0; i < shown; i++) {
        sb_printf(sb,
                  "    page 0x%016" PRIx64 ": xxh3 low half %08" PRIx32 ", recorded %08" PRIx32
                  " (changed since the last digest by %s)\n",
                  (uint64_t)VIRT_DRAM_BASE + ((uint64_t)d[i].page << RAM_LOG_PAGE_BITS),
                  d[i].replayed, d[i].recorded,
                  d[i].by_recording && d[i].by_replay ? "both runs"
                  : d[i].by_replay                    ? "the replay only"
                                                      : "the recording only");
        pw[i].page = d[i].page;
    }
    if (nd > shown) {
        sb_printf(sb, "    (and %" PRIu32 " more)\n", nd - shown);
    }
    if (getenv("EMU_REPLAY_NARROW")) {
        sb_puts(sb, "  (a re-run made to narrow a divergence diverged itself)\n");
        return true;
    }
    reg_change unused[32];
    if (!narrow_rerun(path, lo, hi, -1, 0, unused, pw, shown)) {
        sb_printf(sb,
                  "  (re-running the replay to narrow it further failed: it did not reach "
                  "icount %" PRIu64 ")\n",
                  hi);
        return true;
    }
    sb_printf(sb,
              "  narrowed by re-running the replay from icount %" PRIu64 " to %" PRIu64
              ", one instruction at a time:\n",
              lo, hi);
    uint64_t first = UINT64_MAX, outside = UINT64_MAX;
    for (uint32_t i = 0; i < shown; i++) {
        const page_watch *w = &pw[i];
        uint64_t base = (uint64_t)VIRT_DRAM_BASE + ((uint64_t)w->page << RAM_LOG_PAGE_BITS);
        if (!w->nchanges) {
            sb_printf(sb,
                      "    page 0x%016" PRIx64 ": not changed by the replay in the bound: the "
                      "recorded run changed it and the replay did not\n",
                      base);
            continue;
        }
        sb_printf(sb, "    page 0x%016" PRIx64 ": written %" PRIu32 " time%s by the replay:\n",
                  base, w->nchanges, w->nchanges == 1 ? "" : "s");
        for (uint32_t j = 0; j < w->nkept; j++) {
            put_change(sb, &w->change[j], base);
            if (w->change[j].icount < first) {
                first = w->change[j].icount;
            }
            if (w->change[j].how == 'b' && w->change[j].icount < outside) {
                outside = w->change[j].icount;
            }
        }
        if (w->nchanges > w->nkept) {
            sb_printf(sb, "      ... %" PRIu32 " more; the last:\n", w->nchanges - w->nkept);
            put_change(sb, &w->last, base);
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
    return true;
}
