/* Narrowing a divergence of hart state below the digest interval. A trace knows, per digest,
 * each hart's register hash at sixteen sub-checkpoints and its pc and x1..x31 at the digest
 * (trace_format.h), so a replay whose hart digest differs can name the sub-interval where the
 * hart's state first parted and each register that differs, with both values. Because the
 * replay is deterministic, it then runs again in a child process (the same binary, the same
 * trace, EMU_REPLAY_NARROW set) that single-steps the hart from the last matching
 * sub-checkpoint to the digest and says, for each differing register, where the replay gave
 * it the value it ends with: an instruction (pc and disassembly) or a write between
 * instructions (no guest instruction did it). The trace holds no more than this, so anything
 * finer is labelled as what the replay did, not as what the recording did.
 * Must never change what a replay that does not diverge does, and never step except in the
 * child that narrows. */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "emu/hw/virt.h"
#include "emu/record.h"
#include "emu/replay_narrow.h"
#include "emu/strbuf.h"
#include "emu/tcg/disas.h"
#include "replay/trace.h"

#define NARROW_ENV "EMU_REPLAY_NARROW"

bool replay_insn_at(uint64_t pc, uint32_t *insn)
{
    virt_board *b = machine_virt_board();
    uint64_t size;
    const uint8_t *ram = b ? virt_ram(b, &size) : NULL;
    uint64_t off = pc - VIRT_DRAM_BASE;
    if (!ram || pc < VIRT_DRAM_BASE || off + 2 > size) {
        return false;
    }
    uint32_t v = (uint32_t)ram[off] | (uint32_t)ram[off + 1] << 8;
    if ((v & 3) == 3) {
        if (off + 4 > size) {
            return false;
        }
        v |= (uint32_t)ram[off + 2] << 16 | (uint32_t)ram[off + 3] << 24;
    }
    *insn = v;
    return true;
}

/* ---- the child: steps through the window ---- */

static struct {
    int state; /* 0: not read yet, 1: off, 2: on */
    uint64_t from, to;
    int hart;      /* -1: no registers watched */
    uint32_t mask; /* bits 1..31: x registers to watch */
    bool primed;
    uint64_t last[32];
    uint64_t pc_before;
    reg_change change[32];
    /* RAM pages watched (page indexes into RAM), their bytes as last seen, and each hart's pc
     * before the step (whichever hart runs it may write them). */
    uint32_t npages;
    uint32_t pages[NARROW_MAX_PAGES];
    uint8_t (*seen)[RAM_LOG_PAGE];
    uint64_t pcs_before[VIRT_MAX_HARTS];
    uint32_t nchanges[NARROW_MAX_PAGES], noutside[NARROW_MAX_PAGES];
    char last_line[NARROW_MAX_PAGES][128];
} nw;

static hart *watched(void)
{
    virt_board *b = machine_virt_board();
    return b && nw.hart < virt_nharts(b) ? virt_hart(b, nw.hart) : NULL;
}

/* EMU_REPLAY_NARROW=FROM,TO,HART,MASK[,PAGE...]: registers of MASK of hart HART (-1: none)
 * and the RAM pages PAGE... */
static bool narrowing(void)
{
    if (nw.state == 0) {
        const char *e = getenv(NARROW_ENV);
        unsigned long long f, t, m;
        int h, used = 0;
        nw.state = 1;
        if (e && sscanf(e, "%llu,%llu,%d,%llu%n", &f, &t, &h, &m, &used) == 4 && f < t && h >= -1) {
            nw = (__typeof__(nw)){
                .state = 2, .from = f, .to = t, .hart = h, .mask = (uint32_t)m & ~1u};
            for (const char *p = e + used; *p == ',' && nw.npages < NARROW_MAX_PAGES;) {
                char *end;
                nw.pages[nw.npages++] = (uint32_t)strtoul(p + 1, &end, 10);
                p = end;
            }
        }
    }
    return nw.state == 2;
}

/* The bytes of a watched item now: a RAM page, or the hash of a device part (parts: the
 * parts' hashes, taken once per observation). */
static const uint8_t *item_bytes(uint32_t id, const uint64_t *parts, size_t *len)
{
    virt_board *b = machine_virt_board();
    if (id >= NARROW_DEV_BASE) {
        *len = sizeof parts[0];
        return id - NARROW_DEV_BASE < VIRT_DEVICE_PARTS
                   ? (const uint8_t *)&parts[id - NARROW_DEV_BASE]
                   : NULL;
    }
    const ram_log *l = b ? virt_ram_log(b) : NULL;
    *len = RAM_LOG_PAGE;
    return l && id < l->npages ? l->ram + ((uint64_t)id << RAM_LOG_PAGE_BITS) : NULL;
}

/* Prints a change of each watched item since it was last seen (the line the parent reads). */
static void observe_items(uint64_t icount, char how)
{
    virt_board *b = machine_virt_board();
    hart *ran = how == 'i' && b ? virt_last_ran_hart(b) : NULL;
    const ram_log *l = b ? virt_ram_log(b) : NULL;
    uint64_t parts[VIRT_DEVICE_PARTS] = {0};
    if (b && nw.npages && nw.pages[nw.npages - 1] >= NARROW_DEV_BASE) {
        virt_device_parts(b, parts); /* device parts come after any pages */
    }
    for (uint32_t k = 0; k < nw.npages; k++) {
        size_t len;
        const uint8_t *cur = item_bytes(nw.pages[k], parts, &len);
        /* A store that leaves the bytes as they were counts: the recorded run's store there
         * may have changed them. */
        bool stored = how == 'i' && l && ram_log_marked(l, nw.pages[k]);
        if (!cur || (!memcmp(cur, nw.seen[k], len) && !stored)) {
            continue;
        }
        uint32_t first = 0, n = 0;
        for (uint32_t i = (uint32_t)len; i-- > 0;) {
            if (cur[i] != nw.seen[k][i]) {
                first = i;
                n++;
            }
        }
        if (nw.primed) {
            int h = ran ? (int)ran->hartid : -1;
            uint64_t pc = h >= 0 && h < VIRT_MAX_HARTS ? nw.pcs_before[h] : 0;
            uint32_t insn = 0;
            bool has = h >= 0 && replay_insn_at(pc, &insn);
            /* The first changes, every one from outside the guest's code (up to a bound),
             * and the last (at the end): a loop storing to the page must not flood the
             * pipe. */
            bool print = ++nw.nchanges[k] <= NARROW_MAX_CHANGES ||
                         (how == 'b' && ++nw.noutside[k] <= NARROW_MAX_OUTSIDE);
            snprintf(nw.last_line[k], sizeof nw.last_line[k],
                     "%" PRIu32 " %" PRIu64 " %c %d %" PRIu64 " %d %" PRIu32 " %" PRIu32
                     " %u %u %" PRIu32,
                     nw.pages[k], icount, how, h, pc, has, insn, first, nw.seen[k][first],
                     cur[first], n);
            if (print) {
                printf("page %s\n", nw.last_line[k]);
            }
        }
        memcpy(nw.seen[k], cur, len);
    }
}

static void remember_pcs(void)
{
    virt_board *b = machine_virt_board();
    for (int i = 0; b && i < virt_nharts(b) && i < VIRT_MAX_HARTS; i++) {
        nw.pcs_before[i] = virt_hart(b, i)->pc;
    }
}

static void observe(uint64_t icount, char how)
{
    observe_items(icount, how);
    hart *h = nw.hart >= 0 ? watched() : NULL;
    if (!h) {
        return;
    }
    for (int r = 1; r < 32; r++) {
        if (!(nw.mask >> r & 1) || h->x[r] == nw.last[r]) {
            continue;
        }
        nw.last[r] = h->x[r];
        if (!nw.primed) {
            continue;
        }
        reg_change *c = &nw.change[r];
        *c = (reg_change){.seen = true, .how = how, .icount = icount, .pc = nw.pc_before};
        c->has_insn = how == 'i' && replay_insn_at(nw.pc_before, &c->insn);
    }
}

static void prime(void)
{
    if (nw.npages) {
        nw.seen = calloc(nw.npages, RAM_LOG_PAGE);
        if (!nw.seen) {
            abort();
        }
    }
    observe(0, 'b');
    nw.primed = true;
}

uint64_t replay_narrow_cap(uint64_t now, uint64_t part)
{
    if (!narrowing() || now >= nw.to) {
        return part;
    }
    if (now < nw.from) {
        return nw.from - now < part ? nw.from - now : part;
    }
    if (!nw.primed) {
        prime();
    }
    observe(now, 'b'); /* a change since the last step came from outside the guest's code */
    virt_board *b = machine_virt_board();
    if (nw.npages && b) {
        virt_ram_log_collect(b); /* unmarks: a mark after the step is the step's store */
    }
    hart *h = nw.hart >= 0 ? watched() : NULL;
    nw.pc_before = h ? h->pc : 0;
    remember_pcs();
    return part ? 1 : 0;
}

void replay_narrow_after(uint64_t now, uint64_t r)
{
    if (!narrowing()) {
        return;
    }
    if (!nw.primed && now + r == nw.from) {
        prime();
        return;
    }
    if (!nw.primed || now < nw.from) {
        return;
    }
    if (r) {
        observe(now + r, 'i');
    }
    if (now + r < nw.to) {
        return;
    }
    for (int i = 1; i < 32; i++) {
        const reg_change *c = &nw.change[i];
        if (c->seen) {
            printf("reg %d %" PRIu64 " %c %" PRIu64 " %d %" PRIu32 "\n", i, c->icount, c->how,
                   c->pc, c->has_insn, c->insn);
        }
    }
    for (uint32_t k = 0; k < nw.npages; k++) {
        if (nw.nchanges[k]) {
            printf("pagelast %" PRIu32 " %s\n", nw.nchanges[k], nw.last_line[k]);
        }
    }
    printf("end %" PRIu64 "\n", now + r);
    fflush(stdout);
    _exit(0);
}

/* ---- the replay that diverged: re-runs itself ---- */

static bool parse_page_change(const char *s, page_change *c, uint32_t *page)
{
    unsigned long long ic, pc;
    unsigned first, old_byte, new_byte, nbytes, insn, pg;
    int h, has;
    char how;
    if (sscanf(s, "%u %llu %c %d %llu %d %u %u %u %u %u", &pg, &ic, &how, &h, &pc, &has, &insn,
               &first, &old_byte, &new_byte, &nbytes) != 11) {
        return false;
    }
    *page = pg;
    *c = (page_change){.how = how,
                       .hart = h,
                       .icount = ic,
                       .pc = pc,
                       .insn = insn,
                       .has_insn = has != 0,
                       .first = first,
                       .old_byte = (uint8_t)old_byte,
                       .new_byte = (uint8_t)new_byte,
                       .nbytes = nbytes};
    return true;
}

static void keep_change(page_watch *w, const page_change *c)
{
    if (w->nkept == NARROW_MAX_CHANGES && c->how == 'b') {
        uint32_t i = w->nkept;
        while (i-- > 0 && w->change[i].how == 'b') {
        }
        if (i < w->nkept) {
            memmove(&w->change[i], &w->change[i + 1], (w->nkept - i - 1) * sizeof(w->change[0]));
            w->nkept--;
        }
    }
    if (w->nkept < NARROW_MAX_CHANGES) {
        w->change[w->nkept++] = *c;
    }
}

static page_watch *watch_of(page_watch *pw, uint32_t npw, uint32_t page)
{
    for (uint32_t k = 0; k < npw; k++) {
        if (pw[k].page == page) {
            return &pw[k];
        }
    }
    return NULL;
}

/* Runs `emu --replay path` with EMU_REPLAY_NARROW and reads what the child saw. */
bool narrow_rerun(const char *path, uint64_t from, uint64_t to, int hart_index, uint32_t mask,
                  reg_change out[32], page_watch *pw, uint32_t npw)
{
    int fds[2];
    if (pipe(fds) != 0) {
        return false;
    }
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        return false;
    }
    if (pid == 0) {
        dup2(fds[1], 1);
        int null = open("/dev/null", O_RDWR);
        dup2(null, 0);
        dup2(null, 2);
        char spec[96 + 11 * NARROW_MAX_PAGES];
        int at = snprintf(spec, sizeof spec, "%" PRIu64 ",%" PRIu64 ",%d,%" PRIu32, from, to,
                          hart_index, mask);
        for (uint32_t k = 0; k < npw && k < NARROW_MAX_PAGES; k++) {
            at += snprintf(spec + at, sizeof spec - (size_t)at, ",%" PRIu32, pw[k].page);
        }
        setenv(NARROW_ENV, spec, 1);
        char *argv[] = {"emu", "--replay", (char *)path, NULL};
        execv("/proc/self/exe", argv);
        _exit(127);
    }
    close(fds[1]);
    strbuf sb;
    sb_init(&sb);
    char buf[4096];
    ssize_t n;
    while ((n = read(fds[0], buf, sizeof buf)) > 0 || (n < 0 && errno == EINTR)) {
        if (n > 0) {
            sb_put(&sb, buf, (size_t)n);
        }
    }
    close(fds[0]);
    int status;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    bool reached = false;
    for (char *line = sb.buf; line && *line;) {
        char *nl = strchr(line, '\n');
        if (nl) {
            *nl = 0;
        }
        int r, has;
        char how;
        unsigned long long ic, pc, insn, end;
        if (sscanf(line, "reg %d %llu %c %llu %d %llu", &r, &ic, &how, &pc, &has, &insn) == 6 &&
            r > 0 && r < 32) {
            out[r] = (reg_change){.seen = true,
                                  .how = how,
                                  .icount = ic,
                                  .pc = pc,
                                  .has_insn = has != 0,
                                  .insn = (uint32_t)insn};
        } else if (sscanf(line, "end %llu", &end) == 1 && end == to) {
            reached = true;
        } else if (!strncmp(line, "page ", 5) || !strncmp(line, "pagelast ", 9)) {
            bool last = line[4] == 'l';
            unsigned total = 0;
            int skip = 0;
            page_change c;
            uint32_t page;
            if (last && sscanf(line, "pagelast %u %n", &total, &skip) < 1) {
                skip = 0;
            }
            page_watch *w = NULL;
            if ((!last || skip) && parse_page_change(line + (last ? skip : 5), &c, &page) &&
                (w = watch_of(pw, npw, page)) != NULL) {
                if (last) {
                    w->last = c;
                    w->nchanges = total;
                } else {
                    keep_change(w, &c);
                }
            }
        }
        line = nl ? nl + 1 : NULL;
    }
    sb_free(&sb);
    return reached;
}

static void put_change(strbuf *sb, int r, const reg_change *c, uint64_t from, uint64_t to)
{
    sb_printf(sb, "    x%d (%s): ", r, rv_reg_name((unsigned)r));
    if (!c->seen) {
        sb_printf(sb,
                  "not written in the replay after icount %" PRIu64 ": the recorded run "
                  "changed it before icount %" PRIu64 " and the replay did not\n",
                  from, to);
    } else if (c->how == 'b') {
        sb_printf(sb,
                  "took its replay value at icount %" PRIu64 ", between two instructions: no "
                  "guest instruction wrote it (a write from outside the guest's code, such as "
                  "EMU_REPLAY_PERTURB or a debugger)\n",
                  c->icount);
    } else {
        sb_printf(sb,
                  "took its replay value at icount %" PRIu64 ", written by instruction #%" PRIu64
                  " at pc 0x%016" PRIx64,
                  c->icount, c->icount, c->pc);
        if (c->has_insn) {
            sb_puts(sb, ": ");
            rv_disas(sb, c->pc, c->insn);
        }
        sb_putc(sb, '\n');
    }
}

/* The first check of the interval (sub-checkpoint 0..nsub-1, then nsub: the digest) where a
 * hart differs, and which (*bad); UINT32_MAX when all match. Without comparable
 * sub-checkpoints only the digest is looked at. */
static uint32_t harts_parted(const trace_event *ev, const uint64_t *harts, int *bad)
{
    uint32_t n = ev->nharts;
    bool comparable = ev->regs && ev->sub_interval == rr_sub_interval && ev->nsub == rr_nsub;
    for (uint32_t k = 0; comparable && k < ev->nsub; k++) {
        for (uint32_t i = 0; i < n; i++) {
            if (rr_sub[k * n + i] != ev->sub[k * n + i]) {
                *bad = (int)i;
                return k;
            }
        }
    }
    for (uint32_t i = 0; i < n; i++) {
        if (harts[i] != ev->harts[i]) {
            *bad = (int)i;
            return ev->nsub;
        }
    }
    return UINT32_MAX;
}

uint32_t replay_harts_parted(const trace_event *ev, const uint64_t *harts)
{
    int bad;
    return harts_parted(ev, harts, &bad);
}

bool replay_narrow_harts(strbuf *sb, const char *path, const trace_event *ev, uint64_t icount,
                         uint64_t interval, const uint64_t *harts)
{
    uint64_t prev = icount >= interval ? icount - interval : 0;
    bool comparable = ev->regs && ev->sub_interval == rr_sub_interval && ev->nsub == rr_nsub;
    int bad = -1;
    uint32_t k = harts_parted(ev, harts, &bad);
    if (k == UINT32_MAX) {
        return false;
    }
    /* lo: the last check where the hart matched; hi: the first where it differed */
    uint64_t lo, hi = icount;
    if (comparable && k < ev->nsub) {
        lo = prev + (uint64_t)k * ev->sub_interval;
        hi = prev + (uint64_t)(k + 1) * ev->sub_interval;
    } else {
        lo = prev + (comparable ? (uint64_t)ev->nsub * ev->sub_interval : 0);
    }
    sb_printf(sb,
              "digest at icount %" PRIu64 ": hart %d's state differs (xxh3 %016" PRIx64
              ", recorded %016" PRIx64 ")\n",
              icount, bad, harts[bad], ev->harts[bad]);
    if (comparable && !ev->sub_interval) {
        sb_printf(sb,
                  "  bound from the trace: between the digests at icount %" PRIu64 " and %" PRIu64
                  " (the interval is too short for sub-checkpoints)\n",
                  prev, icount);
    } else if (comparable) {
        sb_printf(sb,
                  "  bound from the trace: hart %d matched its recorded register hash at icount "
                  "%" PRIu64 " and differed at icount %" PRIu64 " (checks every %" PRIu64
                  " instructions): the runs parted after the check at "
                  "%" PRIu64 " and by %" PRIu64 "\n",
                  bad, lo, hi, ev->sub_interval, lo, hi);
    } else {
        sb_printf(sb,
                  "  bound from the trace: between the digests at icount %" PRIu64 " and %" PRIu64
                  " (the trace has no sub-checkpoints)\n",
                  prev, icount);
        return true;
    }
    uint64_t act[VIRT_MAX_HARTS * TRACE_REGS];
    record_regs(act, VIRT_MAX_HARTS);
    const uint64_t *exp = ev->regs + (size_t)bad * TRACE_REGS, *got = act + bad * TRACE_REGS;
    uint32_t mask = 0;
    for (int r = 0; r < TRACE_REGS; r++) {
        if (exp[r] != got[r]) {
            mask |= 1u << r;
        }
    }
    if (!mask) {
        sb_printf(sb, "  at icount %" PRIu64 " pc and x1..x31 of hart %d match the recording%s\n",
                  icount, bad,
                  harts[bad] == ev->harts[bad]
                      ? ": the states parted and met again within the interval"
                      : ": a CSR or the privilege level differs (the trace keeps those hashed)");
        return true;
    }
    sb_printf(sb, "  registers of hart %d at icount %" PRIu64 " (recorded, replay):\n", bad,
              icount);
    for (int r = 0; r < TRACE_REGS; r++) {
        if (!(mask >> r & 1)) {
            continue;
        }
        if (r) {
            sb_printf(sb, "    x%d (%s)", r, rv_reg_name((unsigned)r));
        } else {
            sb_puts(sb, "    pc");
        }
        sb_printf(sb, ": expected 0x%016" PRIx64 ", actual 0x%016" PRIx64 "\n", exp[r], got[r]);
    }
    if (!(mask & ~1u)) {
        sb_puts(sb, "  only pc differs: the control flow parted\n");
        return true;
    }
    reg_change ch[32] = {0};
    if (narrowing()) {
        /* this is already the re-run, and it parted elsewhere: the replay is not deterministic */
        sb_puts(sb, "  (a re-run made to narrow a divergence diverged itself)\n");
        return true;
    }
    if (!narrow_rerun(path, lo, icount, bad, mask & ~1u, ch, NULL, 0)) {
        sb_printf(sb,
                  "  (re-running the replay to narrow it further failed: it did not reach "
                  "icount %" PRIu64 ")\n",
                  icount);
        return true;
    }
    sb_printf(sb,
              "  narrowed by re-running the replay from icount %" PRIu64 " to %" PRIu64
              ", one instruction at a time:\n",
              lo, icount);
    uint64_t first = UINT64_MAX;
    for (int r = 1; r < 32; r++) {
        if (mask >> r & 1) {
            put_change(sb, r, &ch[r], lo, icount);
            if (ch[r].seen && ch[r].icount < first) {
                first = ch[r].icount;
            }
        }
    }
    if (first != UINT64_MAX && first >= lo && first <= hi) {
        sb_printf(sb,
                  "  earliest of those changes: icount %" PRIu64
                  ", inside the trace's bound: most likely where the runs parted\n",
                  first);
    } else if (first != UINT64_MAX) {
        sb_printf(sb,
                  "  earliest of those changes: icount %" PRIu64
                  ", outside the trace's bound: the runs parted within the bound, before any "
                  "of these registers took its replay value\n",
                  first);
    }
    return true;
}
