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
#include "emu/strbuf.h"
#include "emu/tcg/disas.h"
#include "replay/trace.h"

#define NARROW_ENV "EMU_REPLAY_NARROW"

/* Where the replay gave a register the value it ends the window with. */
typedef struct reg_change {
    bool seen;
    char how; /* 'i': by an instruction of the hart; 'b': between instructions */
    uint64_t icount;
    uint64_t pc;
    uint32_t insn;
    bool has_insn;
} reg_change;

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
    int hart;
    uint32_t mask; /* bits 1..31: x registers to watch */
    bool primed;
    uint64_t last[32];
    uint64_t pc_before;
    reg_change change[32];
} nw;

static hart *watched(void)
{
    virt_board *b = machine_virt_board();
    return b && nw.hart < virt_nharts(b) ? virt_hart(b, nw.hart) : NULL;
}

static bool narrowing(void)
{
    if (nw.state == 0) {
        const char *e = getenv(NARROW_ENV);
        unsigned long long f, t, m;
        int h;
        nw.state = 1;
        if (e && sscanf(e, "%llu,%llu,%d,%llu", &f, &t, &h, &m) == 4 && f < t && h >= 0) {
            nw = (__typeof__(nw)){
                .state = 2, .from = f, .to = t, .hart = h, .mask = (uint32_t)m & ~1u};
        }
    }
    return nw.state == 2;
}

static void observe(uint64_t icount, char how)
{
    hart *h = watched();
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
    hart *h = watched();
    nw.pc_before = h ? h->pc : 0;
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
    printf("end %" PRIu64 "\n", now + r);
    fflush(stdout);
    _exit(0);
}

/* ---- the replay that diverged: re-runs itself ---- */

/* Runs `emu --replay path` with EMU_REPLAY_NARROW and reads what the child saw. */
static bool rerun(const char *path, uint64_t from, uint64_t to, int hart_index, uint32_t mask,
                  reg_change out[32])
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
        char spec[96];
        snprintf(spec, sizeof spec, "%" PRIu64 ",%" PRIu64 ",%d,%" PRIu32, from, to, hart_index,
                 mask);
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

bool replay_narrow_harts(strbuf *sb, const char *path, const trace_event *ev, uint64_t icount,
                         uint64_t interval, const uint64_t *harts)
{
    uint32_t n = ev->nharts;
    uint64_t prev = icount >= interval ? icount - interval : 0;
    bool comparable = ev->regs && ev->sub_interval == rr_sub_interval && ev->nsub == rr_nsub;
    int bad = -1;
    uint32_t k = 0;
    for (; comparable && k < ev->nsub && bad < 0; k++) {
        for (uint32_t i = 0; i < n; i++) {
            if (rr_sub[k * n + i] != ev->sub[k * n + i]) {
                bad = (int)i;
                break;
            }
        }
    }
    /* lo: the last check where the hart matched; hi: the first where it differed */
    uint64_t lo, hi = icount;
    if (bad >= 0) {
        lo = prev + (uint64_t)(k - 1) * ev->sub_interval;
        hi = prev + (uint64_t)k * ev->sub_interval;
    } else {
        for (uint32_t i = 0; i < n && bad < 0; i++) {
            if (harts[i] != ev->harts[i]) {
                bad = (int)i;
            }
        }
        if (bad < 0) {
            return false;
        }
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
    if (!rerun(path, lo, icount, bad, mask & ~1u, ch)) {
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
