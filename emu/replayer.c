/* The replayer (emu --replay TRACE): rebuilds the recorded run from the trace's header (its
 * command line and embedded images), opens no real chardev (monitors write into capture
 * buffers, in the recorded order), then walks the trace: inputs are delivered through the
 * same functions the live run used, at the recorded instruction count; outputs must equal the
 * next bytes emu produced for that monitor or port; digests are compared at their points; the
 * exit status must match. The first mismatch stops the replay with a report (exit 3): a
 * serial byte names the store that sent it, a hart digest is narrowed by emu/replay_narrow.c.
 * Inputs are placed by instruction count and, when the trace has it, idle time (one count can
 * hold several boundaries when time jumps while every hart waits).
 * Must never read host input or host time, never do per-instruction work, and never go on
 * past a mismatch. */
#include <stdarg.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xxhash.h>

#include "emu/cli.h"
#include "emu/hw/virt.h"
#include "emu/record.h"
#include "emu/runstate.h"
#include "emu/serial.h"
#include "emu/strbuf.h"
#include "emu/tcg/disas.h"
#include "emu/vclock.h"
#include "qmp/monitor.h"
#include "replay/trace.h"

extern uint64_t rr_interval, rr_next_digest, rr_digest_seq;

/* Iterations of the main loop at one point without progress before the replay gives up. */
#define STALL_LIMIT 8

static struct {
    const char *path;
    trace_reader *r;
    const trace_header *h;
    trace_event ev;
    bool have;
    bool ended;
    trace_status st;
    trace_error err;
    uint64_t consumed; /* events matched or delivered */
    strbuf cap[MAX_MONITORS];
    uint64_t cap_off[MAX_MONITORS]; /* bytes of each monitor's output matched so far */
    strbuf ser;
    uint64_t ser_off;
    /* for each byte in ser: the instruction whose store sent it */
    struct ser_origin {
        uint64_t icount, pc;
        int hart;
    } * ser_from;
    size_t ser_from_cap;
    int nmons;
    bool have_digest;
    uint64_t last_digest; /* icount of the last matching digest */
    int stall;
    uint64_t seen_insns, seen_ns, seen_consumed, seen_out;
    uint64_t at;           /* the icount a report names when not vclock_insns() (mid-slice) */
    uint64_t perturb;      /* test hook (EMU_REPLAY_PERTURB): 0 = off */
    int perturb_reg;       /* the register of hart 0 whose bit 0 it flips (1..31), or 0 */
    uint64_t perturb_addr; /* ... or the guest physical RAM address whose bit 0 it flips */
    bool perturb_dev;      /* ... or the UART's scratch register */
    char **argv;
    uint8_t *loaded[8]; /* images left out of the trace, read from their paths */
} rp;

bool replay_quiet;

static const char *kind_name(uint32_t k)
{
    const char *n = trace_event_kind_name(k);
    return n ? n : "?";
}

/* Escapes bytes for a report: printable ASCII as is, the rest as \xNN (\r \n \" \\). */
static void escape(strbuf *sb, const uint8_t *p, size_t n, size_t max)
{
    sb_putc(sb, '"');
    for (size_t i = 0; i < n && i < max; i++) {
        uint8_t c = p[i];
        if (c == '\n') {
            sb_puts(sb, "\\n");
        } else if (c == '\r') {
            sb_puts(sb, "\\r");
        } else if (c == '"' || c == '\\') {
            sb_putc(sb, '\\');
            sb_putc(sb, (char)c);
        } else if (c >= 0x20 && c < 0x7f) {
            sb_putc(sb, (char)c);
        } else {
            sb_printf(sb, "\\x%02x", c);
        }
    }
    sb_putc(sb, '"');
    if (n > max) {
        sb_printf(sb, "... (%zu bytes)", n);
    }
}

/* Where the machine is: each hart's pc and the instruction there. */
static void describe_machine(strbuf *sb)
{
    virt_board *b = machine_virt_board();
    if (!b) {
        sb_puts(sb, "  (no board: -M none or not built yet)\n");
        return;
    }
    for (int i = 0; i < virt_nharts(b); i++) {
        hart *h = virt_hart(b, i);
        sb_printf(sb, "  hart %d pc 0x%016llx", i, (unsigned long long)h->pc);
        uint32_t insn;
        if (replay_insn_at(h->pc, &insn)) {
            sb_puts(sb, ": ");
            rv_disas(sb, h->pc, insn);
        }
        sb_putc(sb, '\n');
    }
}

/* Stops the replay: the report on stderr, then exit 3. */
static _Noreturn void diverge(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static _Noreturn void diverge(const char *fmt, ...)
{
    replay_progress_clear();
    strbuf sb;
    sb_init(&sb);
    sb_printf(&sb, "emu: replay: divergence at icount %llu (trace %s, event #%llu):\n  ",
              (unsigned long long)(rp.at ? rp.at : vclock_insns()), rp.path,
              (unsigned long long)rp.consumed);
    va_list ap;
    va_start(ap, fmt);
    sb_vprintf(&sb, fmt, ap);
    va_end(ap);
    sb_putc(&sb, '\n');
    describe_machine(&sb);
    if (rp.have_digest) {
        sb_printf(&sb, "  last matching digest: icount %llu (the runs parted after it)\n",
                  (unsigned long long)rp.last_digest);
    } else {
        sb_puts(&sb, "  no digest matched before this point\n");
    }
    fputs(sb.buf, stderr);
    sb_free(&sb);
    exit(RR_EXIT_DIVERGED);
}

static void fetch(void)
{
    if (rp.have || rp.ended) {
        return;
    }
    rp.st = trace_next_event(rp.r, &rp.ev, &rp.err);
    if (rp.st == TRACE_OK) {
        rp.have = true;
    } else {
        rp.ended = true;
    }
}

static void consume(void)
{
    rp.have = false;
    rp.consumed++;
}

/* The trace has no more events and the run has not exited. */
static _Noreturn void trace_ends(void)
{
    replay_progress_clear();
    if (rp.st == TRACE_TRUNCATED) {
        fprintf(stderr, "emu: replay: %s: %s; the %llu events before it matched (icount %llu)\n",
                rp.path, rp.err.msg, (unsigned long long)rp.consumed,
                (unsigned long long)vclock_insns());
        exit(RR_EXIT_TRUNCATED);
    }
    if (rp.st == TRACE_END) {
        diverge("the trace ends (without an exit event) while emu still runs");
    }
    fprintf(stderr, "emu: replay: %s: %s (after %llu matching events)\n", rp.path, rp.err.msg,
            (unsigned long long)rp.consumed);
    exit(RR_EXIT_BAD_TRACE);
}

int replay_open(const char *path, int *argc, char ***argv)
{
    rp.path = path;
    trace_error e;
    if (trace_reader_open(path, 0, &rp.r, &e) != TRACE_OK) {
        fprintf(stderr, "emu: --replay %s: %s\n", path, e.msg);
        return RR_EXIT_BAD_TRACE;
    }
    rp.h = trace_read_header(rp.r);
    if (rp.h->argc < 1 || rp.h->argc > 4096) {
        fprintf(stderr, "emu: --replay %s: the header has no command line\n", path);
        return RR_EXIT_BAD_TRACE;
    }
    rp.argv = calloc(rp.h->argc + 1, sizeof(char *));
    for (size_t i = 0; i < rp.h->argc; i++) {
        rp.argv[i] = strdup(rp.h->argv[i]);
    }
    for (size_t i = 0; i < rp.h->nimages; i++) {
        const trace_image *im = &rp.h->images[i];
        if (im->data && XXH3_64bits(im->data, im->size) != im->xxh3) {
            fprintf(stderr, "emu: --replay %s: image %s does not match its xxh3\n", path, im->path);
            return RR_EXIT_BAD_TRACE;
        }
        if (!im->data && im->size && i < 8) {
            /* recorded with --no-images: the file must still be the one recorded */
            size_t len = 0;
            rp.loaded[i] = record_read_file(im->path, &len);
            if (!rp.loaded[i]) {
                fprintf(stderr,
                        "emu: --replay %s: image %s is not in the trace (recorded with "
                        "--no-images) and cannot be read: %s\n",
                        path, im->path, strerror(errno));
                return RR_EXIT_BAD_TRACE;
            }
            if (len != im->size || XXH3_64bits(rp.loaded[i], len) != im->xxh3) {
                fprintf(stderr,
                        "emu: --replay %s: image %s is not in the trace (recorded with "
                        "--no-images) and the file differs from the recorded one (size %zu, "
                        "recorded %llu, or its xxh3)\n",
                        path, im->path, len, (unsigned long long)im->size);
                return RR_EXIT_BAD_TRACE;
            }
        }
    }
    record_set_interval(rp.h->digest_interval);
    /* TEST HOOK (tests/check_replay.py only): EMU_REPLAY_PERTURB=N[:xR|:mADDR|:d] flips bit 0
     * of hart 0's x1 (or xR, or the RAM byte at guest physical ADDR, or the UART's scratch
     * register) once the replay reaches instruction count N, to check that a divergence is
     * caught, narrowed and placed. */
    const char *p = getenv("EMU_REPLAY_PERTURB");
    char *rest = NULL;
    rp.perturb = p ? strtoull(p, &rest, 0) : 0;
    rp.perturb_reg = 1; /* N alone: x1 */
    if (rest && rest[0] == ':' && rest[1] == 'x') {
        rp.perturb_reg = (int)strtol(rest + 2, NULL, 0) & 31;
    } else if (rest && rest[0] == ':' && rest[1] == 'm') {
        rp.perturb_reg = 0;
        rp.perturb_addr = strtoull(rest + 2, NULL, 0);
    } else if (rest && rest[0] == ':' && rest[1] == 'd') {
        rp.perturb_dev = true;
    }
    sb_init(&rp.ser);
    rr_mode = RR_REPLAY;
    *argc = (int)rp.h->argc;
    *argv = rp.argv;
    return -1;
}

bool replay_startup_is(const char *startup)
{
    for (size_t i = 0; rp.h && i < rp.h->nstart; i++) {
        const trace_kv *kv = &rp.h->start[i];
        if (!strcmp(kv->key, "startup") && kv->str && !strcmp(kv->str, startup)) {
            return true;
        }
    }
    return false;
}

const uint8_t *replay_image(const char *path, size_t *len)
{
    for (size_t i = 0; rp.h && i < rp.h->nimages; i++) {
        const trace_image *im = &rp.h->images[i];
        const uint8_t *data = im->data ? im->data : (i < 8 ? rp.loaded[i] : NULL);
        if (data && strcmp(im->path, path) == 0) {
            *len = (size_t)im->size;
            return data;
        }
    }
    return NULL;
}

bool replay_open_monitors(void)
{
    int want = 0;
    for (int i = 0; i < emu_opts.nchardevs; i++) {
        want += emu_opts.chardevs[i].is_monitor;
    }
    if (replay_startup_is("chardevs-failed")) {
        return false; /* the recording's chardevs failed to open (a host matter): so do we */
    }
    for (int i = 0; i < want; i++) {
        sb_init(&rp.cap[i]);
        monitor_new(&rp.cap[i]);
    }
    rp.nmons = want;
    return true;
}

static monitor *mon_of(uint32_t dev)
{
    if ((int)dev >= monitor_count() || (int)dev >= rp.nmons) {
        fprintf(stderr, "emu: replay: %s: event #%llu names monitor %u; the command line has %d\n",
                rp.path, (unsigned long long)rp.consumed, dev, monitor_count());
        exit(RR_EXIT_BAD_TRACE);
    }
    return monitor_at((int)dev);
}

void replay_start(void)
{
    for (;;) {
        fetch();
        if (!rp.have || rp.ev.kind != TRACE_EV_QMP_CONNECT || rp.ev.icount != vclock_insns()) {
            return;
        }
        monitor *m = mon_of(rp.ev.dev);
        consume();
        monitor_opened(m);
    }
}

void replay_serial_byte(uint8_t byte)
{
    if (rp.ser.len >= rp.ser_from_cap) {
        rp.ser_from_cap = rp.ser_from_cap ? 2 * rp.ser_from_cap : 256;
        rp.ser_from = realloc(rp.ser_from, rp.ser_from_cap * sizeof *rp.ser_from);
        if (!rp.ser_from) {
            abort();
        }
    }
    virt_board *b = machine_virt_board();
    hart *h = b ? virt_running_hart(b) : NULL;
    rp.ser_from[rp.ser.len] = (struct ser_origin){.icount = b ? virt_insns(b) : vclock_insns(),
                                                  .pc = h ? h->access_pc : 0,
                                                  .hart = h ? (int)h->hartid : -1};
    sb_putc(&rp.ser, (char)byte);
}

/* Names the instruction whose store sent serial byte i of the capture (not yet matched). */
static void serial_origin(strbuf *sb, size_t i)
{
    if (i >= rp.ser.len) {
        return;
    }
    const struct ser_origin *o = &rp.ser_from[i];
    if (o->hart < 0) {
        return;
    }
    sb_printf(sb,
              "\n  the replay's byte %llu was sent by instruction #%llu, hart %d's store at pc "
              "0x%016llx",
              (unsigned long long)(rp.ser_off + i), (unsigned long long)o->icount, o->hart,
              (unsigned long long)o->pc);
    uint32_t insn;
    if (replay_insn_at(o->pc, &insn)) {
        sb_puts(sb, ": ");
        rv_disas(sb, o->pc, insn);
    }
}

enum {
    MATCHED,
    NEED_MORE
};

/* Compares the next recorded output with what emu produced. */
static int match_output(void)
{
    const trace_event *ev = &rp.ev;
    bool serial = ev->kind == TRACE_EV_SERIAL_OUT || ev->kind == TRACE_EV_SERIAL_OUT_HASH;
    bool hashed = ev->kind == TRACE_EV_QMP_OUT_HASH || ev->kind == TRACE_EV_SERIAL_OUT_HASH;
    strbuf *cap;
    uint64_t *off;
    if (serial) {
        cap = &rp.ser;
        off = &rp.ser_off;
    } else {
        if ((int)ev->dev >= rp.nmons) {
            (void)mon_of(MAX_MONITORS); /* a bad trace: exits */
        }
        cap = &rp.cap[ev->dev];
        off = &rp.cap_off[ev->dev];
    }
    const uint8_t *got = (const uint8_t *)cap->buf;
    size_t n = cap->len < ev->len ? cap->len : ev->len;
    if (!hashed) {
        size_t i = 0;
        while (i < n && got[i] == ev->data[i]) {
            i++;
        }
        if (i < n) {
            strbuf a, b;
            sb_init(&a);
            sb_init(&b);
            size_t from = i > 16 ? i - 16 : 0;
            escape(&a, ev->data + from, ev->len - from, 200);
            escape(&b, got + from, cap->len - from, 200);
            char where[32];
            snprintf(where, sizeof(where), serial ? "serial %u" : "monitor %u", ev->dev);
            strbuf msg;
            sb_init(&msg);
            sb_printf(&msg, "%s output differs at byte %llu of the stream (event %s):\n", where,
                      (unsigned long long)(*off + i), kind_name(ev->kind));
            sb_printf(&msg, "  expected (from byte %llu): %s\n  actual   (from byte %llu): %s",
                      (unsigned long long)(*off + from), a.buf, (unsigned long long)(*off + from),
                      b.buf);
            if (serial) {
                serial_origin(&msg, i);
            } else {
                sb_printf(&msg, "\n  monitor output is sent between instructions: at icount %llu",
                          (unsigned long long)vclock_insns());
            }
            diverge("%s", msg.buf);
        }
    }
    if (cap->len < ev->len) {
        return NEED_MORE;
    }
    if (hashed && XXH3_64bits(got, ev->len) != ev->hash) {
        diverge("%s %u: the %zu bytes from byte %llu do not hash as recorded", kind_name(ev->kind),
                ev->dev, ev->len, (unsigned long long)*off);
    }
    if (serial && cap->len > ev->len) {
        memmove(rp.ser_from, rp.ser_from + ev->len, (cap->len - ev->len) * sizeof *rp.ser_from);
    }
    sb_consume(cap, ev->len);
    *off += ev->len;
    return MATCHED;
}

static bool is_output(uint32_t k)
{
    return k == TRACE_EV_QMP_OUT || k == TRACE_EV_QMP_OUT_HASH || k == TRACE_EV_SERIAL_OUT ||
           k == TRACE_EV_SERIAL_OUT_HASH;
}

static void deliver(const trace_event *ev)
{
    switch (ev->kind) {
    case TRACE_EV_QMP_CONNECT:
        monitor_opened(mon_of(ev->dev));
        break;
    case TRACE_EV_QMP_DISCONNECT:
        monitor_closed(mon_of(ev->dev));
        break;
    case TRACE_EV_QMP_IN:
        monitor_input(mon_of(ev->dev), (const char *)ev->data, ev->len);
        break;
    case TRACE_EV_SERIAL_IN:
        serial_input(ev->data, ev->len);
        break;
    case TRACE_EV_SIGNAL:
        request_signal_shutdown((int)ev->value);
        break;
    default:
        diverge("unexpected %s event in the main loop", kind_name(ev->kind));
    }
}

/* Matches outputs and delivers the inputs due now, in trace order; stops at the first event
 * that needs the machine to run (or emu to exit). */
static void pump(void)
{
    for (;;) {
        fetch();
        if (!rp.have) {
            trace_ends();
        }
        uint64_t now = vclock_insns();
        uint32_t k = rp.ev.kind;
        if (is_output(k)) {
            if (match_output() == MATCHED) {
                consume();
                continue;
            }
            if (rp.ev.icount < now) {
                diverge("expected %s on %u by icount %llu (%zu bytes); emu produced only a "
                        "prefix",
                        kind_name(k), rp.ev.dev, (unsigned long long)rp.ev.icount, rp.ev.len);
            }
            return;
        }
        if (rp.ev.icount < now) {
            diverge("the trace has %s at icount %llu; the replay went past it", kind_name(k),
                    (unsigned long long)rp.ev.icount);
        }
        if (k == TRACE_EV_DIGEST || k == TRACE_EV_EXIT || rp.ev.icount > now) {
            return;
        }
        if (rp.ev.timed && rp.ev.idle_ns != record_idle_ns()) {
            /* one count, several boundaries: the input belongs after an idle jump to come */
            if (rp.ev.idle_ns > record_idle_ns()) {
                return;
            }
            diverge("the trace has %s at icount %llu after %llu ns of idle time jumps; the "
                    "replay's clock has jumped %llu ns already",
                    kind_name(k), (unsigned long long)rp.ev.icount,
                    (unsigned long long)rp.ev.idle_ns, (unsigned long long)record_idle_ns());
        }
        trace_event ev = rp.ev;
        consume();
        deliver(&ev);
    }
}

uint64_t replay_budget_cap(void)
{
    fetch();
    uint64_t now = vclock_insns();
    uint64_t cap = UINT64_MAX;
    if (!rp.have) {
        cap = 0; /* the trace ends here */
    } else if (rp.ev.kind == TRACE_EV_DIGEST) {
        /* record_run stops at digest points itself, mid-slice (no extra boundary), and caps
         * again once the digest is checked */
    } else if (rp.ev.icount > now) {
        cap = rp.ev.icount - now;
    } else {
        /* An event of this count that pump could not take yet belongs to a later boundary
         * with the same count: in the recording only slices that ran no instruction (every
         * hart waiting, time jumping to a deadline) lay between. A budget of one lets that
         * happen again; a hart that does run goes past the event and is reported. */
        cap = 1;
    }
    if (rp.perturb > now && rp.perturb - now < cap) {
        cap = rp.perturb - now;
    }
    return cap;
}

void replay_boundary(bool busy)
{
    (void)busy;
    uint64_t now = vclock_insns();
    if (rp.perturb && rp.perturb == now) {
        virt_board *b = machine_virt_board();
        uint64_t size;
        uint8_t *ram = b ? virt_ram(b, &size) : NULL;
        if (b && rp.perturb_dev) {
            virt_flip_uart_scratch(b); /* TEST HOOK: see replay_open */
        } else if (b && rp.perturb_reg) {
            virt_hart(b, 0)->x[rp.perturb_reg] ^= 1; /* TEST HOOK: see replay_open */
        } else if (ram && rp.perturb_addr - VIRT_DRAM_BASE < size) {
            ram[rp.perturb_addr - VIRT_DRAM_BASE] ^= 1;
            virt_note_ram_write(b, rp.perturb_addr - VIRT_DRAM_BASE, 1);
        }
        rp.perturb = 0;
    }
    pump();
    uint64_t out = rp.ser.len;
    for (int i = 0; i < rp.nmons; i++) {
        out += rp.cap[i].len;
    }
    if (now != rp.seen_insns || vclock_now_ns() != rp.seen_ns || rp.consumed != rp.seen_consumed ||
        out != rp.seen_out) {
        rp.stall = 0;
        rp.seen_insns = now;
        rp.seen_ns = vclock_now_ns();
        rp.seen_consumed = rp.consumed;
        rp.seen_out = out;
        return;
    }
    if (++rp.stall < STALL_LIMIT) {
        return;
    }
    if (rp.ev.kind == TRACE_EV_EXIT) {
        diverge("the recorded run exited with status %lld here; the replay goes on",
                (long long)rp.ev.value);
    }
    diverge("emu %s at icount %llu; the trace's next event is %s at icount %llu",
            machine_guest_runs() ? "cannot go on" : "waits for input (the guest is not running)",
            (unsigned long long)now, kind_name(rp.ev.kind), (unsigned long long)rp.ev.icount);
}

void replay_digest(uint64_t icount, uint64_t seq)
{
    rp.at = icount;
    fetch();
    if (!rp.have) {
        trace_ends();
    }
    if (rp.ev.kind != TRACE_EV_DIGEST || rp.ev.icount != icount) {
        diverge("the replay reached digest point %llu; the trace's next event is %s at icount "
                "%llu",
                (unsigned long long)icount, kind_name(rp.ev.kind),
                (unsigned long long)rp.ev.icount);
    }
    uint64_t harts[VIRT_MAX_HARTS], ram, dev;
    int n = record_digest(harts, VIRT_MAX_HARTS, &ram, &dev, seq);
    if ((uint32_t)n != rp.ev.nharts) {
        diverge("digest at icount %llu: %d harts, the trace has %u", (unsigned long long)icount, n,
                rp.ev.nharts);
    }
    trace_event mine = {0};
    record_digest_logs(&mine);
    uint32_t ram_k = replay_ram_parted(&rp.ev, mine.ram_sum);
    uint32_t dev_k = replay_dev_parted(&rp.ev, dev);
    uint32_t hart_k = replay_harts_parted(&rp.ev, harts);
    strbuf why;
    sb_init(&why);
    /* Whatever parted first; all of those that parted between the same two checks (any can be
     * the cause: a register written wrong and then stored, a byte of RAM changed and then
     * loaded, a device register read). */
    uint32_t first = hart_k < ram_k ? hart_k : ram_k;
    first = dev_k < first ? dev_k : first;
    if (first != UINT32_MAX) {
        if (hart_k == first) {
            replay_narrow_harts(&why, rp.path, &rp.ev, icount, rr_interval, harts);
        }
        if (ram_k == first) {
            replay_narrow_ram(&why, rp.path, &rp.ev, icount, rr_interval, mine.ram_sum, ram_k);
        }
        if (dev_k == first) {
            replay_narrow_dev(&why, rp.path, &rp.ev, icount, rr_interval, dev, dev_k);
        }
        if (hart_k != UINT32_MAX && hart_k > first) {
            sb_puts(&why, "a hart's state differs too, from a later check\n");
        }
        if (ram_k != UINT32_MAX && ram_k > first) {
            sb_puts(&why, "RAM differs too, from a later check\n");
        }
        if (dev_k != UINT32_MAX && dev_k > first) {
            sb_puts(&why, "the device state differs too, from a later check\n");
        }
        if (why.len && why.buf[why.len - 1] == '\n') {
            why.buf[--why.len] = 0;
        }
        diverge("%s", why.buf);
    }
    sb_free(&why);
    if (ram != rp.ev.ram) {
        diverge("digest at icount %llu: RAM differs (window %llu of 16)",
                (unsigned long long)icount, (unsigned long long)(seq % 16));
    }
    if (dev != rp.ev.devices) {
        diverge("digest at icount %llu: device state differs", (unsigned long long)icount);
    }
    consume();
    rp.have_digest = true;
    rp.last_digest = icount;
    rp.at = 0;
}

uint64_t replay_events_done(void)
{
    return rp.consumed;
}

int64_t replay_host_time(void)
{
    /* Outputs recorded before the read were produced already (they wait in the capture
     * buffers, e.g. replies before a dumpdtb answer): match them first. */
    for (fetch(); rp.have && is_output(rp.ev.kind); fetch()) {
        if (match_output() != MATCHED) {
            diverge("emu reads a host answer before producing all of %s on %u",
                    kind_name(rp.ev.kind), rp.ev.dev);
        }
        consume();
    }
    if (!rp.have || rp.ev.kind != TRACE_EV_HOST_TIME) {
        if (!rp.have) {
            trace_ends();
        }
        diverge("emu reads the host clock; the trace has %s at icount %llu", kind_name(rp.ev.kind),
                (unsigned long long)rp.ev.icount);
    }
    int64_t v = rp.ev.value;
    consume();
    return v;
}

int replay_exit(int status)
{
    replay_progress_clear();
    for (;;) {
        fetch();
        if (!rp.have) {
            trace_ends();
        }
        if (is_output(rp.ev.kind)) {
            if (match_output() != MATCHED) {
                diverge("emu exited (status %d) before producing all of %s on %u", status,
                        kind_name(rp.ev.kind), rp.ev.dev);
            }
            consume();
            continue;
        }
        break;
    }
    if (rp.ev.kind != TRACE_EV_EXIT) {
        diverge("emu exited with status %d; the trace goes on with %s at icount %llu", status,
                kind_name(rp.ev.kind), (unsigned long long)rp.ev.icount);
    }
    if (rp.ev.value != status) {
        diverge("emu exited with status %d; the recorded run exited with %lld", status,
                (long long)rp.ev.value);
    }
    if (rp.ev.icount != vclock_insns()) {
        diverge("emu exited at icount %llu; the recorded run at %llu",
                (unsigned long long)vclock_insns(), (unsigned long long)rp.ev.icount);
    }
    for (int i = 0; i < rp.nmons; i++) {
        if (rp.cap[i].len) {
            strbuf b;
            sb_init(&b);
            escape(&b, (const uint8_t *)rp.cap[i].buf, rp.cap[i].len, 200);
            diverge("monitor %d: output the recording does not have, from byte %llu: %s", i,
                    (unsigned long long)rp.cap_off[i], b.buf);
        }
    }
    if (rp.ser.len) {
        strbuf b;
        sb_init(&b);
        escape(&b, (const uint8_t *)rp.ser.buf, rp.ser.len, 200);
        serial_origin(&b, 0);
        diverge("serial: output the recording does not have, from byte %llu: %s",
                (unsigned long long)rp.ser_off, b.buf);
    }
    consume();
    fetch();
    if (rp.have || rp.st != TRACE_END) {
        if (rp.have) {
            diverge("events follow the exit event");
        }
        trace_ends();
    }
    if (!replay_quiet) {
        fprintf(stderr, "emu: replay: %s: identical (%llu events, icount %llu, exit status %d)\n",
                rp.path, (unsigned long long)rp.consumed, (unsigned long long)vclock_insns(),
                status);
    }
    replay_reset();
    return 0;
}

void replay_reset(void)
{
    if (rp.r) {
        trace_reader_close(rp.r);
    }
    for (int i = 0; i < MAX_MONITORS; i++) {
        sb_free(&rp.cap[i]);
    }
    sb_free(&rp.ser);
    free(rp.ser_from);
    for (int i = 0; rp.argv && rp.argv[i]; i++) {
        free(rp.argv[i]);
    }
    free(rp.argv);
    for (int i = 0; i < 8; i++) {
        free(rp.loaded[i]);
    }
    memset(&rp, 0, sizeof(rp));
}
