/* The trace writer: packs the header and events into msgpack chunks (replay/trace_format.h)
 * and writes them by the flush policy documented there. It must never write anything that
 * depends on the host (no time, no addresses, no hash-seed order: the same calls give the
 * same bytes), and never loses an input event it has accepted unless the process dies. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <msgpack.h>

#include "qmp/commands.h"
#include "replay/trace.h"
#include "replay/trace_digest.h"
#include "replay/trace_frame.h"

struct trace_writer {
    int fd;
    uint64_t features;
    msgpack_sbuffer buf; /* the events chunk being filled, prefix first */
    msgpack_packer pk;
    uint64_t next_seq;     /* sequence number of the next event */
    uint64_t icount;       /* the last event's instruction count */
    uint64_t chunks;       /* chunks written */
    trace_regs_state regs; /* the previous digest's registers (their XOR coding) */
    bool failed;
    char err[256];
};

static const char *const kind_names[TRACE_EV_MAX + 1] = {
    [TRACE_EV_QMP_CONNECT] = "qmp-connect",
    [TRACE_EV_QMP_DISCONNECT] = "qmp-disconnect",
    [TRACE_EV_QMP_IN] = "qmp-in",
    [TRACE_EV_QMP_OUT] = "qmp-out",
    [TRACE_EV_QMP_OUT_HASH] = "qmp-out-hash",
    [TRACE_EV_SERIAL_IN] = "serial-in",
    [TRACE_EV_SERIAL_OUT] = "serial-out",
    [TRACE_EV_SERIAL_OUT_HASH] = "serial-out-hash",
    [TRACE_EV_HOST_TIME] = "host-time",
    [TRACE_EV_SIGNAL] = "signal",
    [TRACE_EV_EXIT] = "exit",
    [TRACE_EV_DIGEST] = "digest",
};

const char *trace_event_kind_name(uint32_t kind)
{
    return kind <= TRACE_EV_MAX ? kind_names[kind] : NULL;
}

bool trace_event_is_input(uint32_t kind)
{
    switch (kind) {
    case TRACE_EV_QMP_CONNECT:
    case TRACE_EV_QMP_DISCONNECT:
    case TRACE_EV_QMP_IN:
    case TRACE_EV_SERIAL_IN:
    case TRACE_EV_HOST_TIME:
    case TRACE_EV_SIGNAL:
        return true;
    default:
        return false;
    }
}

const char *trace_emu_version(void)
{
    return EMU_VERSION;
}

static int fail(trace_writer *w, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int fail(trace_writer *w, const char *fmt, ...)
{
    if (!w->failed) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(w->err, sizeof w->err, fmt, ap);
        va_end(ap);
        w->failed = true;
    }
    return -1;
}

static int write_all(trace_writer *w, const void *data, size_t len)
{
    const uint8_t *p = data;
    while (len > 0) {
        ssize_t n = write(w->fd, p, len);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return fail(w, "cannot write the trace: %s", n < 0 ? strerror(errno) : "no progress");
        }
        p += n;
        len -= (size_t)n;
    }
    return 0;
}

static int write_chunk(trace_writer *w, uint8_t kind, const void *payload, size_t len)
{
    if (len > TRACE_MAX_CHUNK) {
        return fail(w, "a chunk of %zu bytes exceeds the format's limit", len);
    }
    uint8_t frame[TRACE_FRAME_LEN];
    trace_frame_encode(frame, kind, 0, payload, (uint32_t)len);
    if (write_all(w, frame, sizeof frame) < 0 || write_all(w, payload, len) < 0) {
        return -1;
    }
    w->chunks++;
    return 0;
}

/* msgpack_sbuffer_write, but running out of memory aborts (as strbuf does) rather than
 * dropping bytes from a chunk. */
static int buffer_write(void *data, const char *buf, size_t len)
{
    if (msgpack_sbuffer_write(data, buf, len) != 0) {
        abort();
    }
    return 0;
}

static void pack_str(msgpack_packer *pk, const char *s)
{
    s = s ? s : "";
    msgpack_pack_str_with_body(pk, s, strlen(s));
}

static void pack_header(msgpack_packer *pk, const trace_header *h)
{
    msgpack_pack_map(pk, 10);
    pack_str(pk, "format");
    msgpack_pack_uint32(pk, TRACE_FORMAT_VERSION);
    pack_str(pk, "features");
    msgpack_pack_uint64(pk, h->features);
    pack_str(pk, "emu");
    pack_str(pk, h->emu_version ? h->emu_version : EMU_VERSION);
    pack_str(pk, "argv");
    msgpack_pack_array(pk, h->argc);
    for (size_t i = 0; i < h->argc; i++) {
        pack_str(pk, h->argv[i]);
    }
    pack_str(pk, "dialect");
    pack_str(pk, h->dialect);
    pack_str(pk, "epoch_ns");
    msgpack_pack_int64(pk, h->epoch_ns);
    pack_str(pk, "icount_shift");
    msgpack_pack_int32(pk, h->icount_shift);
    pack_str(pk, "digest_interval");
    msgpack_pack_uint64(pk, h->digest_interval);
    pack_str(pk, "images");
    msgpack_pack_array(pk, h->nimages);
    for (size_t i = 0; i < h->nimages; i++) {
        const trace_image *im = &h->images[i];
        bool embed = im->data && !(h->features & TRACE_F_IMAGES_OMITTED);
        msgpack_pack_map(pk, embed ? 4 : 3);
        pack_str(pk, "path");
        pack_str(pk, im->path);
        pack_str(pk, "size");
        msgpack_pack_uint64(pk, im->size);
        pack_str(pk, "xxh3");
        msgpack_pack_uint64(pk, im->data ? XXH3_64bits(im->data, im->size) : im->xxh3);
        if (embed) {
            pack_str(pk, "data");
            msgpack_pack_bin_with_body(pk, im->data, im->size);
        }
    }
    pack_str(pk, "start");
    msgpack_pack_map(pk, h->nstart);
    for (size_t i = 0; i < h->nstart; i++) {
        pack_str(pk, h->start[i].key);
        if (h->start[i].str) {
            pack_str(pk, h->start[i].str);
        } else {
            msgpack_pack_int64(pk, h->start[i].num);
        }
    }
}

trace_writer *trace_writer_open(const char *path, const trace_header *h, trace_error *e)
{
    memset(e, 0, sizeof *e);
    if (h->features & ~(uint64_t)TRACE_F_KNOWN) {
        e->status = TRACE_UNSUPPORTED;
        snprintf(e->msg, sizeof e->msg, "unknown feature bits 0x%llx",
                 (unsigned long long)(h->features & ~(uint64_t)TRACE_F_KNOWN));
        return NULL;
    }
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0) {
        e->status = TRACE_IO_ERROR;
        snprintf(e->msg, sizeof e->msg, "cannot create the trace: %s", strerror(errno));
        return NULL;
    }
    trace_writer *w = calloc(1, sizeof *w);
    if (!w) {
        abort();
    }
    w->fd = fd;
    w->features = h->features;
    msgpack_sbuffer_init(&w->buf);
    msgpack_packer_init(&w->pk, &w->buf, buffer_write);

    uint8_t pre[TRACE_PREAMBLE_LEN];
    memcpy(pre, TRACE_MAGIC, TRACE_MAGIC_LEN);
    pre[TRACE_MAGIC_LEN] = TRACE_FORMAT_VERSION;
    pack_header(&w->pk, h);
    if (write_all(w, pre, sizeof pre) < 0 ||
        write_chunk(w, TRACE_CHUNK_HEADER, w->buf.data, w->buf.size) < 0) {
        e->status = TRACE_IO_ERROR;
        snprintf(e->msg, sizeof e->msg, "%s", w->err);
        trace_writer_abandon(w);
        return NULL;
    }
    msgpack_sbuffer_clear(&w->buf);
    return w;
}

int trace_writer_flush(trace_writer *w)
{
    if (w->failed) {
        return -1;
    }
    if (w->buf.size == 0) {
        return 0;
    }
    int rc = write_chunk(w, TRACE_CHUNK_EVENTS, w->buf.data, w->buf.size);
    msgpack_sbuffer_clear(&w->buf);
    return rc;
}

static void pack_bytes_or_hash(trace_writer *w, const trace_event *ev, uint32_t hashed_kind)
{
    msgpack_packer *pk = &w->pk;
    if (w->features & TRACE_F_OUTPUT_HASHED) {
        msgpack_pack_array(pk, 5);
        msgpack_pack_uint32(pk, hashed_kind);
        msgpack_pack_uint64(pk, ev->icount - w->icount);
        msgpack_pack_uint32(pk, ev->dev);
        msgpack_pack_uint64(pk, ev->len);
        msgpack_pack_uint64(pk, XXH3_64bits(ev->data, ev->len));
    } else {
        msgpack_pack_array(pk, 4);
        msgpack_pack_uint32(pk, ev->kind);
        msgpack_pack_uint64(pk, ev->icount - w->icount);
        msgpack_pack_uint32(pk, ev->dev);
        msgpack_pack_bin_with_body(pk, ev->data, ev->len);
    }
}

static void pack_event(trace_writer *w, const trace_event *ev)
{
    msgpack_packer *pk = &w->pk;
    uint64_t delta = ev->icount - w->icount;
    switch (ev->kind) {
    case TRACE_EV_QMP_OUT:
        pack_bytes_or_hash(w, ev, TRACE_EV_QMP_OUT_HASH);
        return;
    case TRACE_EV_SERIAL_OUT:
        pack_bytes_or_hash(w, ev, TRACE_EV_SERIAL_OUT_HASH);
        return;
    default:
        break;
    }
    static const uint8_t nfields[TRACE_EV_MAX + 1] = {
        [TRACE_EV_QMP_CONNECT] = 3,  [TRACE_EV_QMP_DISCONNECT] = 3, [TRACE_EV_QMP_IN] = 4,
        [TRACE_EV_QMP_OUT_HASH] = 5, [TRACE_EV_SERIAL_IN] = 4,      [TRACE_EV_SERIAL_OUT_HASH] = 5,
        [TRACE_EV_HOST_TIME] = 4,    [TRACE_EV_SIGNAL] = 3,         [TRACE_EV_EXIT] = 3,
        [TRACE_EV_DIGEST] = 5,
    };
    bool input = trace_event_is_input(ev->kind) && ev->kind != TRACE_EV_HOST_TIME;
    bool ext = ev->kind == TRACE_EV_DIGEST && ev->regs;
    bool ram = ext && ev->ram_log;
    bool dev = ram && ev->dev_log;
    msgpack_pack_array(pk, nfields[ev->kind] + input + (ext ? TRACE_DIGEST_EXT_FIELDS : 0) +
                               (ram ? TRACE_DIGEST_RAM_FIELDS : 0) +
                               (dev ? TRACE_DIGEST_DEV_FIELDS : 0));
    msgpack_pack_uint32(pk, ev->kind);
    msgpack_pack_uint64(pk, delta);
    switch (ev->kind) {
    case TRACE_EV_QMP_CONNECT:
    case TRACE_EV_QMP_DISCONNECT:
        msgpack_pack_uint32(pk, ev->dev);
        break;
    case TRACE_EV_QMP_IN:
    case TRACE_EV_SERIAL_IN:
        msgpack_pack_uint32(pk, ev->dev);
        msgpack_pack_bin_with_body(pk, ev->data, ev->len);
        break;
    case TRACE_EV_QMP_OUT_HASH:
    case TRACE_EV_SERIAL_OUT_HASH:
        msgpack_pack_uint32(pk, ev->dev);
        msgpack_pack_uint64(pk, ev->len);
        msgpack_pack_uint64(pk, ev->hash);
        break;
    case TRACE_EV_HOST_TIME:
        msgpack_pack_uint32(pk, ev->clock);
        msgpack_pack_int64(pk, ev->value);
        break;
    case TRACE_EV_SIGNAL:
    case TRACE_EV_EXIT:
        msgpack_pack_int64(pk, ev->value);
        break;
    case TRACE_EV_DIGEST:
        msgpack_pack_array(pk, ev->nharts);
        for (uint32_t i = 0; i < ev->nharts; i++) {
            msgpack_pack_uint64(pk, ev->harts[i]);
        }
        msgpack_pack_uint64(pk, ev->ram);
        msgpack_pack_uint64(pk, ev->devices);
        if (ext) {
            trace_digest_pack_ext(pk, ev, &w->regs);
        }
        if (ram) {
            trace_digest_pack_ram(pk, ev);
        }
        if (dev) {
            trace_digest_pack_dev(pk, ev);
        }
        break;
    }
    if (input) {
        msgpack_pack_uint64(pk, ev->idle_ns); /* appended: names the boundary (idle jumps) */
    }
}

int trace_write_event(trace_writer *w, const trace_event *ev)
{
    if (w->failed) {
        return -1;
    }
    if (!trace_event_kind_name(ev->kind)) {
        return fail(w, "event %llu: unknown kind %u", (unsigned long long)w->next_seq, ev->kind);
    }
    if (ev->icount < w->icount) {
        return fail(w, "event %llu (%s): instruction count %llu is before the previous %llu",
                    (unsigned long long)w->next_seq, trace_event_kind_name(ev->kind),
                    (unsigned long long)ev->icount, (unsigned long long)w->icount);
    }
    if (ev->kind == TRACE_EV_DIGEST && ev->nharts > TRACE_MAX_HARTS) {
        return fail(w, "digest with %u harts (limit %d)", ev->nharts, TRACE_MAX_HARTS);
    }
    if (w->buf.size == 0) {
        msgpack_pack_array(&w->pk, 2);
        msgpack_pack_uint64(&w->pk, w->next_seq);
        msgpack_pack_uint64(&w->pk, w->icount);
    }
    pack_event(w, ev);
    w->next_seq++;
    w->icount = ev->icount;
    if (trace_event_is_input(ev->kind) || ev->kind == TRACE_EV_DIGEST ||
        w->buf.size >= TRACE_FLUSH_BYTES) {
        return trace_writer_flush(w);
    }
    return 0;
}

const char *trace_writer_error(const trace_writer *w)
{
    return w->failed ? w->err : NULL;
}

void trace_writer_abandon(trace_writer *w)
{
    if (!w) {
        return;
    }
    close(w->fd);
    msgpack_sbuffer_destroy(&w->buf);
    trace_regs_state_free(&w->regs);
    free(w);
}

int trace_writer_close(trace_writer *w, uint64_t icount, int exit_status, trace_error *e)
{
    memset(e, 0, sizeof *e);
    trace_write_event(
        w, &(trace_event){.kind = TRACE_EV_EXIT, .icount = icount, .value = exit_status});
    trace_writer_flush(w);
    if (!w->failed) {
        uint64_t chunks = w->chunks;
        msgpack_pack_map(&w->pk, 4);
        pack_str(&w->pk, "events");
        msgpack_pack_uint64(&w->pk, w->next_seq);
        pack_str(&w->pk, "icount");
        msgpack_pack_uint64(&w->pk, w->icount);
        pack_str(&w->pk, "chunks");
        msgpack_pack_uint64(&w->pk, chunks);
        pack_str(&w->pk, "exit_status");
        msgpack_pack_int64(&w->pk, exit_status);
        write_chunk(w, TRACE_CHUNK_END, w->buf.data, w->buf.size);
    }
    if (close(w->fd) != 0) {
        fail(w, "cannot write the trace: %s", strerror(errno));
    }
    w->fd = -1;
    int rc = 0;
    if (w->failed) {
        e->status = TRACE_IO_ERROR;
        snprintf(e->msg, sizeof e->msg, "%s", w->err);
        rc = -1;
    }
    msgpack_sbuffer_destroy(&w->buf);
    trace_regs_state_free(&w->regs);
    free(w);
    return rc;
}
