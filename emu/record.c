/* The recorder (emu --record FILE ARGS…) and what record and replay share: the mode, the slice
 * runner that stops at digest points, and the digest of the machine (each hart's registers, a
 * window of RAM's bytes, the RAM write log's sum and pages, device state). Events carry
 * vclock_insns() as their instruction count and the monitor index as their device. Must never
 * change a byte of what the run writes, never put anything host-specific (addresses, time other
 * than a recorded host-time read) in a trace, and never do per-instruction work. */
#include "emu/record.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xxhash.h>

#include "emu/dialect.h"
#include "emu/hw/virt.h"
#include "emu/strbuf.h"
#include "emu/vclock.h"
#include "replay/trace.h"

/* RAM is digested a sixteenth at a time, in turn: a whole 128 MiB per digest would cost more
 * than the run between two digests; every byte is still covered every 16 digests. */
#define RAM_WINDOWS 16

rr_mode_t rr_mode;
uint64_t rr_interval;     /* instructions between digests (0: none) */
uint64_t rr_next_digest;  /* the next digest point */
uint64_t rr_digest_seq;   /* digests taken so far */
uint64_t rr_sub_interval; /* instructions between sub-checkpoints (0: none) */
static uint64_t next_sub; /* the next sub-checkpoint (below rr_next_digest), or UINT64_MAX */
/* The sub-checkpoint hashes since the last digest (checkpoint-major, rr_nsub checkpoints of
 * nharts each), kept by recorder and replayer alike. */
uint32_t rr_sub[TRACE_DIGEST_SUBDIV * VIRT_MAX_HARTS];
uint32_t rr_nsub;
/* The low half of the whole-RAM sum and of the device state hash at each of those
 * sub-checkpoints. */
uint32_t rr_sub_ram[TRACE_DIGEST_SUBDIV];
uint32_t rr_sub_dev[TRACE_DIGEST_SUBDIV];
static uint32_t dev_parts[VIRT_DEVICE_PARTS];
/* The digest's page list (trace_event.ram_pages), rebuilt at every digest. */
static uint8_t *ram_pages;
static uint32_t ram_pages_cap;

static struct {
    const char *path;
    int argc;
    char **argv;
    bool host_time_pending; /* read before the writer opened: written first */
    int64_t host_time;
    trace_writer *w;
    strbuf ser; /* the guest's serial bytes of the current slice */
    uint8_t *image;
    bool failed;
} rec;

uint64_t record_idle_ns(void)
{
    return vclock_now_ns() - (vclock_insns() << vclock_shift());
}

static void rec_fail(const char *what)
{
    if (!rec.failed) {
        fprintf(stderr, "emu: --record %s: %s\n", rec.path, what ? what : "write failed");
    }
    rec.failed = true;
}

static void put(uint32_t kind, uint64_t icount, uint32_t dev, const void *data, size_t len)
{
    if (!rec.w) {
        return;
    }
    trace_event ev = {.kind = kind,
                      .icount = icount,
                      .dev = dev,
                      .data = data,
                      .len = len,
                      .idle_ns = record_idle_ns()};
    if (trace_write_event(rec.w, &ev) < 0) {
        rec_fail(trace_writer_error(rec.w));
    }
}

void rr_qmp_opened(int mon)
{
    put(TRACE_EV_QMP_CONNECT, vclock_insns(), (uint32_t)mon, NULL, 0);
}

void rr_qmp_closed(int mon)
{
    put(TRACE_EV_QMP_DISCONNECT, vclock_insns(), (uint32_t)mon, NULL, 0);
}

void rr_qmp_in(int mon, const char *buf, size_t len)
{
    put(TRACE_EV_QMP_IN, vclock_insns(), (uint32_t)mon, buf, len);
}

void rr_qmp_out(int mon, const char *buf, size_t len)
{
    put(TRACE_EV_QMP_OUT, vclock_insns(), (uint32_t)mon, buf, len);
}

void rr_serial_in(const uint8_t *buf, size_t len)
{
    put(TRACE_EV_SERIAL_IN, vclock_insns(), 0, buf, len);
}

void rr_serial_byte(uint8_t byte)
{
    if (rr_mode == RR_REPLAY) {
        replay_serial_byte(byte);
    } else {
        sb_putc(&rec.ser, (char)byte);
    }
}

void rr_signal(int signo)
{
    if (!rec.w) {
        return;
    }
    trace_event ev = {.kind = TRACE_EV_SIGNAL,
                      .icount = vclock_insns(),
                      .value = signo,
                      .idle_ns = record_idle_ns()};
    if (trace_write_event(rec.w, &ev) < 0) {
        rec_fail(trace_writer_error(rec.w));
    }
}

void record_arm(const char *path, int argc, char **argv)
{
    rec.path = path;
    rec.argc = argc;
    rec.argv = argv;
    rr_mode = RR_RECORD;
    sb_init(&rec.ser);
}

bool record_omit_images;

/* The -kernel image, read whole (NULL if it cannot be: the run will say why). */
uint8_t *record_read_file(const char *path, size_t *len)
{
    strbuf sb;
    sb_init(&sb);
    if (sb_read_file(&sb, path, SIZE_MAX - 1) != 0) {
        sb_free(&sb);
        return NULL;
    }
    *len = sb.len;
    return (uint8_t *)sb_detach(&sb);
}

bool record_start(const char *startup)
{
    if (rr_mode != RR_RECORD || rec.w) {
        return true;
    }
    const char *env = getenv("EMU_RECORD_DIGEST_INTERVAL");
    /* Harts run round-robin, so a digest every 2^26 instructions of each hart keeps the
     * trace's growth per 10^9 instructions the same whatever the hart count (each digest
     * carries per-hart sub-checkpoints and registers). */
    int harts = machine_cfg.smp_cpus > 1 ? machine_cfg.smp_cpus : 1;
    record_set_interval(env ? strtoull(env, NULL, 0) : TRACE_DIGEST_INTERVAL * (uint64_t)harts);
    trace_image img = {0};
    size_t nimg = 0;
    if (machine_cfg.kernel) {
        size_t len = 0;
        rec.image = record_read_file(machine_cfg.kernel, &len);
        img.path = machine_cfg.kernel;
        img.data = record_omit_images ? NULL : rec.image;
        img.size = rec.image ? len : 0;
        img.xxh3 = rec.image ? XXH3_64bits(rec.image, len) : 0;
        nimg = 1;
    }
    trace_kv start[2] = {{.key = "machine", .str = machine_cfg.mc ? machine_cfg.mc->name : ""},
                         {.key = "startup", .str = startup}};
    trace_header h = {
        .features = record_omit_images ? TRACE_F_IMAGES_OMITTED : 0,
        .argv = (const char *const *)rec.argv,
        .argc = (size_t)rec.argc,
        .dialect = cur_dialect ? cur_dialect->name : "3.0",
        .epoch_ns = vclock_epoch_ns(),
        .icount_shift = machine_cfg.icount_shift,
        .digest_interval = rr_interval,
        .images = nimg ? &img : NULL,
        .nimages = nimg,
        .start = start,
        .nstart = 2,
    };
    trace_error e;
    rec.w = trace_writer_open(rec.path, &h, &e);
    if (!rec.w) {
        fprintf(stderr, "emu: --record %s: %s\n", rec.path, e.msg);
        rr_mode = RR_OFF;
        return false;
    }
    if (rec.host_time_pending) {
        rec.host_time_pending = false;
        record_host_time(rec.host_time);
    }
    return true;
}

int64_t record_host_time(int64_t ns)
{
    if (rr_mode == RR_REPLAY) {
        return replay_host_time();
    }
    if (rr_mode == RR_RECORD && !rec.w) {
        rec.host_time_pending = true;
        rec.host_time = ns;
    } else if (rr_mode == RR_RECORD) {
        trace_event ev = {.kind = TRACE_EV_HOST_TIME,
                          .icount = vclock_insns(),
                          .clock = TRACE_CLOCK_REALTIME,
                          .value = ns};
        if (trace_write_event(rec.w, &ev) < 0) {
            rec_fail(trace_writer_error(rec.w));
        }
    }
    return ns;
}

int record_dumpdtb_result(int failed)
{
    if (rr_mode == RR_REPLAY) {
        return (int)replay_host_time();
    }
    if (rr_mode == RR_RECORD && rec.w) {
        trace_event ev = {.kind = TRACE_EV_HOST_TIME,
                          .icount = vclock_insns(),
                          .clock = TRACE_CLOCK_DUMPDTB,
                          .value = failed};
        if (trace_write_event(rec.w, &ev) < 0) {
            rec_fail(trace_writer_error(rec.w));
        }
    }
    return failed;
}

void record_set_interval(uint64_t interval)
{
    rr_interval = interval;
    rr_next_digest = interval;
    rr_sub_interval = interval / TRACE_DIGEST_SUBDIV;
    next_sub = rr_sub_interval ? rr_sub_interval : UINT64_MAX;
    rr_nsub = 0;
}

int record_regs(uint64_t *regs, int max)
{
    virt_board *b = machine_virt_board();
    int n = b ? virt_nharts(b) : 0;
    if (n > max) {
        n = max;
    }
    for (int i = 0; i < n; i++) {
        const hart *h = virt_hart(b, i);
        regs[i * TRACE_REGS] = h->pc;
        for (int r = 1; r < TRACE_REGS; r++) {
            regs[i * TRACE_REGS + r] = h->x[r];
        }
    }
    return n;
}

/* A sub-checkpoint's value for the device state: the device parts' hashes but the scheduler's
 * (which moves at every instruction: a quiet guest's sub-checkpoints would all differ),
 * little-endian, hashed (trace_format.h). */
static uint32_t devices_sub_value(const virt_board *b)
{
    uint64_t parts[VIRT_DEVICE_PARTS];
    uint8_t le[8 * (VIRT_DEVICE_PARTS - 1)];
    virt_device_parts(b, parts);
    for (int i = 0; i < VIRT_DEVICE_PARTS - 1; i++) {
        for (int j = 0; j < 8; j++) {
            le[8 * i + j] = (uint8_t)(parts[i] >> (8 * j));
        }
    }
    return (uint32_t)XXH3_64bits(le, sizeof le);
}

/* A sub-checkpoint: the low half of each hart's register hash, of the RAM sum and of the device
 * state, compared at the next digest. */
static void sub_point(void)
{
    virt_board *b = machine_virt_board();
    int n = b ? virt_nharts(b) : 0;
    if (rr_nsub < TRACE_DIGEST_SUBDIV) {
        for (int i = 0; i < n && i < VIRT_MAX_HARTS; i++) {
            rr_sub[rr_nsub * (uint32_t)n + (uint32_t)i] = (uint32_t)virt_hart_digest(b, i);
        }
        if (b) {
            virt_ram_log_collect(b);
            rr_sub_ram[rr_nsub] = (uint32_t)ram_log_sum(virt_ram_log(b));
            rr_sub_dev[rr_nsub] = devices_sub_value(b);
        }
        rr_nsub++;
    }
    next_sub += rr_sub_interval;
}

int record_digest(uint64_t *harts, int max, uint64_t *ram, uint64_t *devices, uint64_t seq)
{
    virt_board *b = machine_virt_board();
    *ram = *devices = 0;
    if (!b) {
        return 0;
    }
    int n = virt_nharts(b);
    if (n > max) {
        n = max;
    }
    for (int i = 0; i < n; i++) {
        harts[i] = virt_hart_digest(b, i);
    }
    uint64_t size;
    const uint8_t *mem = virt_ram(b, &size);
    uint64_t win = (size + RAM_WINDOWS - 1) / RAM_WINDOWS;
    uint64_t off = (seq % RAM_WINDOWS) * win;
    if (off < size) {
        *ram = XXH3_64bits(mem + off, off + win <= size ? win : size - off);
    }
    *devices = virt_devices_digest(b);
    return n;
}

static int by_index(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

bool record_digest_logs(trace_event *ev)
{
    virt_board *b = machine_virt_board();
    if (!b) {
        return false;
    }
    virt_ram_log_collect(b);
    const ram_log *l = virt_ram_log(b);
    uint32_t n = l->nchanged;
    if (n > ram_pages_cap) {
        free(ram_pages);
        ram_pages = malloc((size_t)n * 8);
        if (!ram_pages) {
            abort();
        }
        ram_pages_cap = n;
    }
    uint32_t *idx = malloc((n ? n : 1) * sizeof *idx);
    if (!idx) {
        abort();
    }
    memcpy(idx, l->changed_list, n * sizeof *idx);
    qsort(idx, n, sizeof *idx, by_index);
    for (uint32_t k = 0; k < n; k++) {
        uint32_t v[2] = {idx[k], (uint32_t)l->page_hash[idx[k]]};
        for (int j = 0; j < 8; j++) {
            ram_pages[8 * (size_t)k + (size_t)j] = (uint8_t)(v[j / 4] >> (8 * (j % 4)));
        }
    }
    free(idx);
    ev->ram_log = true;
    ev->ram_sum = ram_log_sum(l);
    ev->ram_pages = ram_pages;
    ev->nram_pages = n;
    ev->sub_ram = rr_sub_ram;
    uint64_t parts[VIRT_DEVICE_PARTS];
    virt_device_parts(b, parts);
    for (int i = 0; i < VIRT_DEVICE_PARTS; i++) {
        dev_parts[i] = (uint32_t)parts[i];
    }
    ev->dev_log = true;
    ev->dev_parts = dev_parts;
    ev->ndev_parts = VIRT_DEVICE_PARTS;
    ev->sub_dev = rr_sub_dev;
    return true;
}

static void digest_point(uint64_t icount)
{
    if (rr_mode == RR_REPLAY) {
        replay_digest(icount, rr_digest_seq);
    } else if (rec.w) {
        uint64_t harts[VIRT_MAX_HARTS], regs[VIRT_MAX_HARTS * TRACE_REGS];
        trace_event ev = {.kind = TRACE_EV_DIGEST,
                          .icount = icount,
                          .harts = harts,
                          .sub_interval = rr_sub_interval,
                          .sub = rr_sub,
                          .regs = regs};
        ev.nharts =
            (uint32_t)record_digest(harts, VIRT_MAX_HARTS, &ev.ram, &ev.devices, rr_digest_seq);
        record_regs(regs, VIRT_MAX_HARTS);
        ev.nsub = ev.nharts ? rr_nsub : 0;
        record_digest_logs(&ev);
        if (trace_write_event(rec.w, &ev) < 0) {
            rec_fail(trace_writer_error(rec.w));
        }
    }
    virt_board *b = machine_virt_board();
    if (b) {
        ram_log_reset_changed(virt_ram_log(b));
    }
    rr_digest_seq++;
    rr_next_digest += rr_interval;
    rr_nsub = 0;
    next_sub = rr_sub_interval ? icount + rr_sub_interval : UINT64_MAX;
}

uint64_t record_budget_cap(void)
{
    return rr_mode == RR_REPLAY ? replay_budget_cap() : UINT64_MAX;
}

uint64_t record_run(const machine_class *mc, uint64_t budget)
{
    if (rr_mode == RR_OFF || !rr_interval) {
        return mc->run(budget);
    }
    virt_board *board = machine_virt_board();
    if (board) {
        virt_ram_log(board); /* from the first instruction on */
    }
    uint64_t done = 0;
    while (done < budget) {
        uint64_t now = vclock_insns() + done;
        uint64_t part = budget - done;
        uint64_t point = next_sub < rr_next_digest ? next_sub : rr_next_digest;
        if (point - now < part) {
            part = point - now;
        }
        if (rr_mode == RR_REPLAY) {
            part = replay_narrow_cap(now, part); /* single steps while narrowing a divergence */
        }
        if (done && rr_mode == RR_REPLAY) {
            /* a digest consumed: the next event may come sooner */
            uint64_t cap = replay_budget_cap();
            cap = cap > done ? cap - done : 0;
            if (cap < part) {
                part = cap;
            }
        }
        if (!part) {
            break;
        }
        uint64_t r = mc->run(part);
        done += r;
        if (rr_mode == RR_REPLAY) {
            replay_narrow_after(now, r);
        }
        if (now + r == rr_next_digest) {
            digest_point(now + r);
        } else if (now + r == next_sub) {
            sub_point();
        }
        if (r < part) {
            break;
        }
    }
    return done;
}

void record_slice_end(void)
{
    if (rr_mode == RR_RECORD && rec.ser.len) {
        put(TRACE_EV_SERIAL_OUT, vclock_insns(), 0, rec.ser.buf, rec.ser.len);
        sb_clear(&rec.ser);
    }
}

void record_before_poll(bool blocking)
{
    if (rr_mode == RR_RECORD && blocking && rec.w && trace_writer_flush(rec.w) < 0) {
        rec_fail(trace_writer_error(rec.w));
    }
}

int record_exit(int status)
{
    if (rr_mode == RR_REPLAY) {
        return replay_exit(status);
    }
    if (rr_mode != RR_RECORD || !record_start("exited")) {
        return status;
    }
    record_slice_end();
    trace_error e;
    trace_writer *w = rec.w;
    rec.w = NULL;
    if (trace_writer_close(w, vclock_insns(), status, &e) < 0) {
        rec_fail(e.msg);
    }
    sb_free(&rec.ser);
    free(rec.image);
    rec.image = NULL;
    return status;
}

void record_reset(void)
{
    if (rec.w) {
        trace_writer_abandon(rec.w);
    }
    sb_free(&rec.ser);
    free(rec.image);
    memset(&rec, 0, sizeof(rec));
    record_omit_images = false;
    rr_mode = RR_OFF;
    rr_interval = rr_next_digest = rr_digest_seq = 0;
}
