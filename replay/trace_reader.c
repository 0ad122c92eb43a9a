/* The trace reader: checks the preamble and every chunk's frame and checksum, decodes the
 * header and the events (replay/trace_format.h) from a mapped file or a memory buffer, and
 * says precisely how and where a trace ends. Its input is untrusted: it must never crash,
 * read out of bounds, or allocate more than a small multiple of the bytes it was given (every
 * length is checked against the bytes that remain before msgpack-c sees the payload). */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <msgpack.h>

#include "replay/trace.h"
#include "replay/trace_digest.h"
#include "replay/trace_frame.h"
#include "replay/trace_mp.h"

struct trace_reader {
    const uint8_t *buf;
    size_t len;
    void *map; /* the mapping (munmap) or a malloc'd copy (free) of a file */
    size_t maplen;
    bool mapped;
    unsigned flags;
    trace_header hdr;
    void **owned; /* the header's storage */
    size_t nowned, capowned;
    size_t pos; /* offset of the next chunk's frame */
    /* the events chunk being read */
    size_t chunk_off;
    const uint8_t *cp;
    size_t clen, cpos;
    uint64_t next_seq, icount;
    msgpack_unpacked up;
    uint64_t *harts;
    size_t harts_cap;
    trace_regs_state regs; /* the digests' registers, XOR-decoded */
    trace_status done;     /* sticky once not TRACE_OK */
    trace_error err;
    trace_stats stats;
};

static trace_status set_error(trace_reader *r, trace_status st, uint64_t off, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static trace_status set_error(trace_reader *r, trace_status st, uint64_t off, const char *fmt, ...)
{
    r->done = st;
    r->err.status = st;
    r->err.offset = off;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->err.msg, sizeof r->err.msg, fmt, ap);
    va_end(ap);
    return st;
}

static void *own(trace_reader *r, size_t size)
{
    if (r->nowned == r->capowned) {
        r->capowned = r->capowned ? 2 * r->capowned : 16;
        r->owned = realloc(r->owned, r->capowned * sizeof *r->owned);
        if (!r->owned) {
            abort();
        }
    }
    void *p = calloc(1, size ? size : 1);
    if (!p) {
        abort();
    }
    r->owned[r->nowned++] = p;
    return p;
}

static bool unpack_one(trace_reader *r, const uint8_t *p, size_t n, size_t *used, msgpack_object *o)
{
    size_t off = 0;
    if (!trace_mp_scan(p, n, used) ||
        msgpack_unpack_next(&r->up, (const char *)p, *used, &off) != MSGPACK_UNPACK_SUCCESS ||
        off != *used) {
        return false;
    }
    *o = r->up.data;
    return true;
}

/* A msgpack string as a C string; NULL if o is not a string or holds a NUL byte. */
static const char *own_str(trace_reader *r, const msgpack_object *o)
{
    if (o->type != MSGPACK_OBJECT_STR || memchr(o->via.str.ptr, 0, o->via.str.size)) {
        return NULL;
    }
    char *s = own(r, (size_t)o->via.str.size + 1);
    memcpy(s, o->via.str.ptr, o->via.str.size);
    return s;
}

/* ---- header ---- */
static bool decode_image(trace_reader *r, const msgpack_object *m, trace_image *im,
                         const char **why)
{
    if (m->type != MSGPACK_OBJECT_MAP) {
        return false;
    }
    bool has_size = false, has_hash = false;
    size_t data_len = 0;
    for (uint32_t j = 0; j < m->via.map.size; j++) {
        const msgpack_object *k = &m->via.map.ptr[j].key, *v = &m->via.map.ptr[j].val;
        if (k->type != MSGPACK_OBJECT_STR) {
            return false;
        } else if (trace_mp_key_is(k, "path")) {
            if (!(im->path = own_str(r, v))) {
                return false;
            }
        } else if (trace_mp_key_is(k, "size")) {
            has_size = trace_mp_uint(v, UINT64_MAX, &im->size);
        } else if (trace_mp_key_is(k, "xxh3")) {
            has_hash = trace_mp_uint(v, UINT64_MAX, &im->xxh3);
        } else if (trace_mp_key_is(k, "data")) {
            if (v->type != MSGPACK_OBJECT_BIN) {
                return false;
            }
            im->data = (const uint8_t *)v->via.bin.ptr;
            data_len = v->via.bin.size;
        }
    }
    if (!im->path || !has_size || !has_hash) {
        *why = "an image lacks path, size or xxh3";
        return false;
    }
    if (im->data && (data_len != im->size || XXH3_64bits(im->data, data_len) != im->xxh3)) {
        *why = "an embedded image does not match its size and xxh3";
        return false;
    }
    r->stats.image_bytes += data_len;
    return true;
}

static bool decode_images(trace_reader *r, const msgpack_object *o, const char **why)
{
    if (o->type != MSGPACK_OBJECT_ARRAY) {
        return false;
    }
    trace_image *im = own(r, o->via.array.size * sizeof *im);
    for (uint32_t i = 0; i < o->via.array.size; i++) {
        if (!decode_image(r, &o->via.array.ptr[i], &im[i], why)) {
            return false;
        }
    }
    r->hdr.images = im;
    r->hdr.nimages = o->via.array.size;
    return true;
}

/* "start": string keys, each once; values a string or an integer (others are skipped). */
static bool decode_start(trace_reader *r, const msgpack_object *o, const char **why)
{
    if (o->type != MSGPACK_OBJECT_MAP) {
        return false;
    }
    if (o->via.map.size > TRACE_MAX_START) {
        *why = "the start info has too many entries";
        return false;
    }
    trace_kv *kv = own(r, o->via.map.size * sizeof *kv);
    size_t n = 0;
    for (uint32_t i = 0; i < o->via.map.size; i++) {
        const msgpack_object *k = &o->via.map.ptr[i].key, *v = &o->via.map.ptr[i].val;
        if (k->type != MSGPACK_OBJECT_STR) {
            return false;
        }
        for (uint32_t j = 0; j < i; j++) {
            const msgpack_object *kj = &o->via.map.ptr[j].key;
            if (kj->via.str.size == k->via.str.size &&
                memcmp(kj->via.str.ptr, k->via.str.ptr, k->via.str.size) == 0) {
                *why = "a start info key appears twice";
                return false;
            }
        }
        /* Keys are emu's own names, and `emu trace dump` writes them as JSON object keys:
         * bytes that are not UTF-8 would be written lossily, and two such keys as one. */
        if (!trace_valid_utf8((const uint8_t *)k->via.str.ptr, k->via.str.size)) {
            *why = "a start info key is not UTF-8";
            return false;
        }
        if (v->type == MSGPACK_OBJECT_STR) {
            if (!(kv[n].str = own_str(r, v))) {
                return false;
            }
        } else if (!trace_mp_int(v, &kv[n].num)) {
            continue; /* a value of a type this emu does not know: ignored */
        }
        if (!(kv[n++].key = own_str(r, k))) {
            return false;
        }
    }
    r->hdr.start = kv;
    r->hdr.nstart = n;
    return true;
}

/* The header's keys (trace_format.h); the first four are required. */
static const char *const header_keys[] = {"format",   "emu",      "argv",         "dialect",
                                          "features", "epoch_ns", "icount_shift", "digest_interval",
                                          "images",   "start"};
enum {
    NREQUIRED = 4
};

/* Decodes header key number key (header_keys) from v. */
static bool header_field(trace_reader *r, size_t key, const msgpack_object *v, const char **why)
{
    trace_header *h = &r->hdr;
    uint64_t u = 0;
    int64_t s = 0;
    bool ok = true;
    switch (key) {
    case 0:
        ok = trace_mp_uint(v, UINT32_MAX, &u);
        h->format = (uint32_t)u;
        return ok;
    case 1:
        return (h->emu_version = own_str(r, v)) != NULL;
    case 2: {
        ok = v->type == MSGPACK_OBJECT_ARRAY;
        const char **argv = own(r, (ok ? v->via.array.size : 0) * sizeof *argv);
        for (uint32_t j = 0; ok && j < v->via.array.size; j++) {
            ok = (argv[j] = own_str(r, &v->via.array.ptr[j])) != NULL;
        }
        h->argv = argv;
        h->argc = ok ? v->via.array.size : 0;
        return ok;
    }
    case 3:
        return (h->dialect = own_str(r, v)) != NULL;
    case 4:
        return trace_mp_uint(v, UINT64_MAX, &h->features);
    case 5:
        return trace_mp_int(v, &h->epoch_ns);
    case 6:
        ok = trace_mp_int(v, &s) && s >= -1 && s <= 64;
        h->icount_shift = (int32_t)s;
        return ok;
    case 7:
        return trace_mp_uint(v, UINT64_MAX, &h->digest_interval);
    case 8:
        return decode_images(r, v, why);
    default:
        return decode_start(r, v, why);
    }
}

static trace_status decode_header(trace_reader *r, const uint8_t *p, size_t n, size_t off)
{
    msgpack_object o;
    size_t used;
    const char *why = NULL;
    trace_header *h = &r->hdr;
    h->icount_shift = -1;
    if (!unpack_one(r, p, n, &used, &o) || used != n || o.type != MSGPACK_OBJECT_MAP) {
        return set_error(r, TRACE_CORRUPT, off, "header chunk at offset %zu: not a msgpack map",
                         off);
    }
    unsigned seen = 0;
    const size_t nkeys = sizeof header_keys / sizeof header_keys[0];
    for (uint32_t i = 0; i < o.via.map.size && !why; i++) {
        const msgpack_object *k = &o.via.map.ptr[i].key, *v = &o.via.map.ptr[i].val;
        if (k->type != MSGPACK_OBJECT_STR) {
            why = "a key is not a string";
            break;
        }
        size_t key = 0;
        while (key < nkeys && !trace_mp_key_is(k, header_keys[key])) {
            key++;
        }
        if (key == nkeys) {
            continue; /* a key of a newer emu */
        }
        if (seen & (1u << key)) {
            why = "a field appears twice";
        } else if (seen |= 1u << key, !header_field(r, key, v, &why) && !why) {
            why = "a field has the wrong type";
        }
    }
    if (!why && (seen & ((1u << NREQUIRED) - 1)) != (1u << NREQUIRED) - 1) {
        why = "a required field (format, emu, argv, dialect) is missing";
    }
    if (!why && h->format != TRACE_FORMAT_VERSION) {
        why = "its format version differs from the preamble's";
    }
    if (why) {
        return set_error(r, TRACE_CORRUPT, off, "header chunk at offset %zu: %s", off, why);
    }
    if (h->features & ~(uint64_t)TRACE_F_KNOWN) {
        return set_error(r, TRACE_UNSUPPORTED, off,
                         "header chunk at offset %zu: feature bits 0x%llx are unknown to this "
                         "emu (written by a newer emu?)",
                         off, (unsigned long long)(h->features & ~(uint64_t)TRACE_F_KNOWN));
    }
    return TRACE_OK;
}

/* ---- chunks ---- */
static const char *chunk_name(unsigned kind)
{
    switch (kind) {
    case TRACE_CHUNK_HEADER:
        return "header";
    case TRACE_CHUNK_EVENTS:
        return "events";
    case TRACE_CHUNK_END:
        return "end";
    default:
        return "unknown";
    }
}

/* The next known chunk at r->pos (skipping optional unknown ones). TRACE_END here means the
 * data ends exactly at a chunk boundary. */
static trace_status next_chunk(trace_reader *r, trace_frame *f, const uint8_t **payload, size_t *at)
{
    for (;;) {
        size_t off = r->pos, rem = r->len - off;
        if (rem == 0) {
            return TRACE_END;
        }
        if (rem < TRACE_FRAME_LEN) {
            return set_error(r, TRACE_TRUNCATED, off,
                             "chunk at offset %zu is cut short: the file ends %zu bytes into "
                             "its %d-byte frame",
                             off, rem, TRACE_FRAME_LEN);
        }
        const uint8_t *fp = r->buf + off;
        trace_frame_decode(fp, f);
        if (f->check != trace_frame_check(fp)) {
            return set_error(r, TRACE_CORRUPT, off, "chunk at offset %zu: bad frame check", off);
        }
        if (f->flags & ~TRACE_CHUNK_OPTIONAL) {
            return set_error(r, TRACE_CORRUPT, off, "chunk at offset %zu: unknown flags 0x%x", off,
                             f->flags);
        }
        if (f->length > TRACE_MAX_CHUNK) {
            return set_error(r, TRACE_CORRUPT, off,
                             "chunk at offset %zu: a length of %u bytes is over the limit", off,
                             f->length);
        }
        if (f->length > rem - TRACE_FRAME_LEN) {
            return set_error(r, TRACE_TRUNCATED, off,
                             "chunk at offset %zu (%s, %u bytes) is cut short: the file ends "
                             "%zu bytes into its payload",
                             off, chunk_name(f->kind), f->length, rem - TRACE_FRAME_LEN);
        }
        *payload = fp + TRACE_FRAME_LEN;
        if (trace_payload_sum(fp, *payload, f->length) != f->sum) {
            return set_error(r, TRACE_CORRUPT, off,
                             "chunk at offset %zu (%s, %u bytes): checksum mismatch", off,
                             chunk_name(f->kind), f->length);
        }
        size_t total = TRACE_FRAME_LEN + (size_t)f->length;
        r->pos = off + total;
        r->stats.chunks++;
        r->stats.frame_bytes += TRACE_FRAME_LEN;
        *at = off;
        if (f->kind >= TRACE_CHUNK_HEADER && f->kind <= TRACE_CHUNK_END) {
            return TRACE_OK;
        }
        if (!(f->flags & TRACE_CHUNK_OPTIONAL)) {
            return set_error(r, TRACE_UNSUPPORTED, off,
                             "chunk at offset %zu has kind %u, unknown to this emu (written by "
                             "a newer emu?)",
                             off, f->kind);
        }
        r->stats.skipped_chunks++;
        r->stats.skipped_bytes += total;
    }
}

static trace_status open_common(trace_reader *r, trace_error *e)
{
    r->stats.file_size = r->len;
    msgpack_unpacked_init(&r->up);
    size_t pre = r->len < TRACE_PREAMBLE_LEN ? r->len : TRACE_PREAMBLE_LEN;
    if (memcmp(r->buf, TRACE_MAGIC, pre < TRACE_MAGIC_LEN ? pre : TRACE_MAGIC_LEN) != 0) {
        set_error(r, TRACE_UNSUPPORTED, 0, "not an emu trace (no \"" TRACE_MAGIC "\" at offset 0)");
    } else if (r->len < TRACE_PREAMBLE_LEN) {
        set_error(r, TRACE_TRUNCATED, r->len, "the file ends at offset %zu, inside the preamble",
                  r->len);
    } else if (r->buf[TRACE_MAGIC_LEN] != TRACE_FORMAT_VERSION) {
        set_error(r, TRACE_UNSUPPORTED, TRACE_MAGIC_LEN,
                  "format version %u (offset %d): this emu reads format version %d",
                  r->buf[TRACE_MAGIC_LEN], TRACE_MAGIC_LEN, TRACE_FORMAT_VERSION);
    } else {
        r->pos = TRACE_PREAMBLE_LEN;
        trace_frame f;
        const uint8_t *p;
        size_t off;
        trace_status st = next_chunk(r, &f, &p, &off);
        if (st == TRACE_END) {
            set_error(r, TRACE_TRUNCATED, r->len,
                      "the file ends at offset %zu, before the header chunk", r->len);
        } else if (st == TRACE_OK && f.kind != TRACE_CHUNK_HEADER) {
            set_error(r, TRACE_CORRUPT, off,
                      "chunk at offset %zu is a %s chunk: the header must come first", off,
                      chunk_name(f.kind));
        } else if (st == TRACE_OK && decode_header(r, p, f.length, off) == TRACE_OK) {
            r->stats.header_bytes = TRACE_FRAME_LEN + (uint64_t)f.length;
            const char *mine = trace_emu_version();
            if (strcmp(r->hdr.emu_version, mine) != 0 && !(r->flags & TRACE_READ_ANY_EMU)) {
                set_error(r, TRACE_OTHER_EMU, off,
                          "written by emu %.64s; this is emu %s (same format version %d): "
                          "replay may diverge; --any-version reads it anyway",
                          r->hdr.emu_version, mine, TRACE_FORMAT_VERSION);
            }
        }
    }
    if (r->done != TRACE_OK) {
        *e = r->err;
        return r->done;
    }
    return TRACE_OK;
}

trace_status trace_reader_open_mem(const void *buf, size_t len, unsigned flags, trace_reader **out,
                                   trace_error *e)
{
    memset(e, 0, sizeof *e);
    trace_reader *r = calloc(1, sizeof *r);
    if (!r) {
        abort();
    }
    r->buf = len ? buf : (const uint8_t *)"";
    r->len = len;
    r->flags = flags;
    trace_status st = open_common(r, e);
    if (st != TRACE_OK) {
        trace_reader_close(r);
        r = NULL;
    }
    *out = r;
    return st;
}

static trace_status io_error(trace_error *e, const char *what)
{
    e->status = TRACE_IO_ERROR;
    snprintf(e->msg, sizeof e->msg, "cannot %s: %s", what, strerror(errno));
    return TRACE_IO_ERROR;
}

/* A file that is not regular (a pipe) is read into memory. */
static void *slurp(int fd, size_t *len)
{
    size_t cap = 65536, n = 0;
    uint8_t *b = malloc(cap);
    for (;;) {
        if (!b) {
            abort();
        }
        ssize_t got = read(fd, b + n, cap - n);
        if (got < 0 && errno == EINTR) {
            continue;
        }
        if (got < 0) {
            free(b);
            return NULL;
        }
        if (got == 0) {
            *len = n;
            return b;
        }
        n += (size_t)got;
        if (n == cap) {
            cap *= 2;
            b = realloc(b, cap);
        }
    }
}

trace_status trace_reader_open(const char *path, unsigned flags, trace_reader **out, trace_error *e)
{
    memset(e, 0, sizeof *e);
    *out = NULL;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    struct stat sb;
    if (fd < 0) {
        return io_error(e, "open the trace");
    }
    void *map = NULL;
    size_t len = 0;
    bool mapped = false;
    if (fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode)) {
        len = (size_t)sb.st_size;
        if (len > 0) {
            map = mmap(NULL, len, PROT_READ, MAP_PRIVATE, fd, 0);
            if (map == MAP_FAILED) {
                close(fd);
                return io_error(e, "map the trace");
            }
            mapped = true;
        }
    } else if (!(map = slurp(fd, &len))) {
        close(fd);
        return io_error(e, "read the trace");
    }
    close(fd);
    trace_status st = trace_reader_open_mem(map, len, flags, out, e);
    if (st != TRACE_OK) {
        if (mapped) {
            munmap(map, len);
        } else {
            free(map);
        }
        return st;
    }
    (*out)->map = map;
    (*out)->maplen = len;
    (*out)->mapped = mapped;
    return TRACE_OK;
}

const trace_header *trace_read_header(const trace_reader *r)
{
    return &r->hdr;
}

const trace_stats *trace_reader_stats(const trace_reader *r)
{
    return &r->stats;
}

void trace_reader_close(trace_reader *r)
{
    if (!r) {
        return;
    }
    for (size_t i = 0; i < r->nowned; i++) {
        free(r->owned[i]);
    }
    free(r->owned);
    free(r->harts);
    trace_regs_state_free(&r->regs);
    msgpack_unpacked_destroy(&r->up);
    if (r->mapped) {
        munmap(r->map, r->maplen);
    } else {
        free(r->map);
    }
    free(r);
}

/* ---- events ---- */
/* How many fields each kind has after its kind and delta. */
static const uint8_t event_fields[TRACE_EV_MAX + 1] = {
    [TRACE_EV_QMP_CONNECT] = 1,  [TRACE_EV_QMP_DISCONNECT] = 1,
    [TRACE_EV_QMP_IN] = 2,       [TRACE_EV_QMP_OUT] = 2,
    [TRACE_EV_QMP_OUT_HASH] = 3, [TRACE_EV_SERIAL_IN] = 2,
    [TRACE_EV_SERIAL_OUT] = 2,   [TRACE_EV_SERIAL_OUT_HASH] = 3,
    [TRACE_EV_HOST_TIME] = 2,    [TRACE_EV_SIGNAL] = 1,
    [TRACE_EV_EXIT] = 1,         [TRACE_EV_DIGEST] = 3,
};

static bool get_bytes(const msgpack_object *o, trace_event *ev)
{
    if (o->type != MSGPACK_OBJECT_BIN) {
        return false;
    }
    ev->data = (const uint8_t *)o->via.bin.ptr;
    ev->len = o->via.bin.size;
    return true;
}

static bool get_digest(trace_reader *r, const msgpack_object *f, uint32_t nf, trace_event *ev)
{
    if (f[0].type != MSGPACK_OBJECT_ARRAY || f[0].via.array.size > TRACE_MAX_HARTS) {
        return false;
    }
    uint32_t n = f[0].via.array.size;
    if (n > r->harts_cap) {
        free(r->harts);
        r->harts_cap = n;
        r->harts = malloc(n * sizeof *r->harts);
        if (!r->harts) {
            abort();
        }
    }
    for (uint32_t i = 0; i < n; i++) {
        if (!trace_mp_uint(&f[0].via.array.ptr[i], UINT64_MAX, &r->harts[i])) {
            return false;
        }
    }
    ev->harts = r->harts;
    ev->nharts = n;
    return trace_mp_uint(&f[1], UINT64_MAX, &ev->ram) &&
           trace_mp_uint(&f[2], UINT64_MAX, &ev->devices) &&
           (nf < 3 + TRACE_DIGEST_EXT_FIELDS || trace_digest_unpack_ext(f + 3, ev, &r->regs)) &&
           (nf < 3 + TRACE_DIGEST_EXT_FIELDS + TRACE_DIGEST_RAM_FIELDS ||
            trace_digest_unpack_ram(f + 3 + TRACE_DIGEST_EXT_FIELDS, ev, &r->regs)) &&
           (nf < 3 + TRACE_DIGEST_EXT_FIELDS + TRACE_DIGEST_RAM_FIELDS + TRACE_DIGEST_DEV_FIELDS ||
            trace_digest_unpack_dev(f + 3 + TRACE_DIGEST_EXT_FIELDS + TRACE_DIGEST_RAM_FIELDS, ev,
                                    &r->regs));
}

/* Decodes one event; NULL, or why not (*st: TRACE_CORRUPT or TRACE_UNSUPPORTED). */
static const char *decode_event(trace_reader *r, const msgpack_object *o, trace_event *ev,
                                trace_status *st)
{
    *st = TRACE_CORRUPT;
    if (o->type != MSGPACK_OBJECT_ARRAY || o->via.array.size < 2) {
        return "not an array [kind, delta, ...]";
    }
    const msgpack_object *a = o->via.array.ptr, *f = a + 2;
    uint64_t kind, delta, u = 0;
    if (!trace_mp_uint(&a[0], UINT32_MAX, &kind) || !trace_mp_uint(&a[1], UINT64_MAX, &delta)) {
        return "its kind or instruction delta is not an unsigned integer";
    }
    if (kind == 0) {
        return "its kind is 0, which no event has";
    }
    if (kind > TRACE_EV_MAX) {
        *st = TRACE_UNSUPPORTED;
        return "its kind is unknown to this emu (written by a newer emu?)";
    }
    if (o->via.array.size < 2u + event_fields[kind]) {
        return "too few fields for its kind";
    }
    if (delta > UINT64_MAX - r->icount) {
        return "its instruction count overflows";
    }
    ev->kind = (uint32_t)kind;
    ev->seq = r->next_seq;
    ev->icount = r->icount + delta;
    bool ok = true;
    switch (kind) {
    case TRACE_EV_QMP_CONNECT:
    case TRACE_EV_QMP_DISCONNECT:
        ok = trace_mp_uint(&f[0], UINT32_MAX, &u);
        ev->dev = (uint32_t)u;
        break;
    case TRACE_EV_QMP_IN:
    case TRACE_EV_QMP_OUT:
    case TRACE_EV_SERIAL_IN:
    case TRACE_EV_SERIAL_OUT:
        ok = trace_mp_uint(&f[0], UINT32_MAX, &u) && get_bytes(&f[1], ev);
        ev->dev = (uint32_t)u;
        break;
    case TRACE_EV_QMP_OUT_HASH:
    case TRACE_EV_SERIAL_OUT_HASH:
        ok = trace_mp_uint(&f[0], UINT32_MAX, &u);
        ev->dev = (uint32_t)u;
        ok =
            ok && trace_mp_uint(&f[1], SIZE_MAX, &u) && trace_mp_uint(&f[2], UINT64_MAX, &ev->hash);
        ev->len = (size_t)u;
        break;
    case TRACE_EV_HOST_TIME:
        ok = trace_mp_uint(&f[0], UINT32_MAX, &u) && trace_mp_int(&f[1], &ev->value);
        ev->clock = (uint32_t)u;
        break;
    case TRACE_EV_SIGNAL:
    case TRACE_EV_EXIT:
        ok = trace_mp_int(&f[0], &ev->value);
        break;
    case TRACE_EV_DIGEST:
        ok = get_digest(r, f, o->via.array.size - 2, ev);
        break;
    }
    uint32_t at = 2u + event_fields[kind]; /* an input's appended idle_ns */
    if (ok && trace_event_is_input(ev->kind) && kind != TRACE_EV_HOST_TIME &&
        o->via.array.size > at) {
        ok = trace_mp_uint(&a[at], UINT64_MAX, &ev->idle_ns);
        ev->timed = true;
    }
    return ok ? NULL : "a field has the wrong type or is out of range";
}

static void start_events(trace_reader *r, const uint8_t *p, size_t n, size_t off)
{
    msgpack_object o;
    size_t used;
    uint64_t seq, base;
    if (!unpack_one(r, p, n, &used, &o) || o.type != MSGPACK_OBJECT_ARRAY ||
        o.via.array.size != 2 || !trace_mp_uint(&o.via.array.ptr[0], UINT64_MAX, &seq) ||
        !trace_mp_uint(&o.via.array.ptr[1], UINT64_MAX, &base)) {
        set_error(r, TRACE_CORRUPT, off,
                  "events chunk at offset %zu: no [first_seq, base_icount] prefix", off);
    } else if (seq != r->next_seq || base != r->icount) {
        set_error(r, TRACE_CORRUPT, off,
                  "events chunk at offset %zu starts at event %llu, instruction %llu; the "
                  "trace so far ends before event %llu, at instruction %llu",
                  off, (unsigned long long)seq, (unsigned long long)base,
                  (unsigned long long)r->next_seq, (unsigned long long)r->icount);
    } else if (used == n) {
        set_error(r, TRACE_CORRUPT, off, "events chunk at offset %zu holds no events", off);
    } else {
        r->chunk_off = off;
        r->cp = p;
        r->clen = n;
        r->cpos = used;
        r->stats.event_chunks++;
        r->stats.event_bytes += TRACE_FRAME_LEN + n;
    }
}

static void end_chunk(trace_reader *r, const uint8_t *p, size_t n, size_t off)
{
    msgpack_object o;
    size_t used;
    trace_stats *s = &r->stats;
    unsigned seen = 0;
    if (unpack_one(r, p, n, &used, &o) && used == n && o.type == MSGPACK_OBJECT_MAP) {
        for (uint32_t i = 0; i < o.via.map.size; i++) {
            const msgpack_object *k = &o.via.map.ptr[i].key, *v = &o.via.map.ptr[i].val;
            if (k->type != MSGPACK_OBJECT_STR) {
                continue;
            }
            if (trace_mp_key_is(k, "events") && trace_mp_uint(v, UINT64_MAX, &s->end_events)) {
                seen |= 1;
            } else if (trace_mp_key_is(k, "icount") &&
                       trace_mp_uint(v, UINT64_MAX, &s->end_icount)) {
                seen |= 2;
            } else if (trace_mp_key_is(k, "chunks") &&
                       trace_mp_uint(v, UINT64_MAX, &s->end_chunks)) {
                seen |= 4;
            } else if (trace_mp_key_is(k, "exit_status") && trace_mp_int(v, &s->exit_status)) {
                seen |= 8;
            }
        }
    }
    if (seen != 15) {
        set_error(r, TRACE_CORRUPT, off,
                  "end chunk at offset %zu: not a map of events, icount, chunks, exit_status", off);
    } else if (s->end_events != r->next_seq || s->end_icount != r->icount ||
               s->end_chunks != s->chunks - 1) {
        set_error(r, TRACE_CORRUPT, off,
                  "end chunk at offset %zu counts %llu events, %llu chunks, up to instruction "
                  "%llu; the trace holds %llu, %llu, up to %llu",
                  off, (unsigned long long)s->end_events, (unsigned long long)s->end_chunks,
                  (unsigned long long)s->end_icount, (unsigned long long)r->next_seq,
                  (unsigned long long)(s->chunks - 1), (unsigned long long)r->icount);
    } else if (r->pos != r->len) {
        set_error(r, TRACE_CORRUPT, r->pos, "%zu bytes follow the end chunk, at offset %zu",
                  r->len - r->pos, r->pos);
    } else {
        s->closed = true;
        s->end_bytes = TRACE_FRAME_LEN + n;
        set_error(r, TRACE_END, off, "closed cleanly (end chunk at offset %zu)", off);
    }
}

trace_status trace_next_event(trace_reader *r, trace_event *ev, trace_error *e)
{
    memset(ev, 0, sizeof *ev);
    while (r->done == TRACE_OK) {
        if (r->cp && r->cpos < r->clen) {
            msgpack_object o;
            size_t used;
            trace_status st = TRACE_CORRUPT;
            const char *why = "not a msgpack value";
            if (unpack_one(r, r->cp + r->cpos, r->clen - r->cpos, &used, &o) &&
                !(why = decode_event(r, &o, ev, &st))) {
                r->cpos += used;
                ev->encoded = used;
                r->next_seq++;
                r->icount = ev->icount;
                r->stats.events++;
                return TRACE_OK;
            }
            set_error(r, st, r->chunk_off, "events chunk at offset %zu: event %llu: %s",
                      r->chunk_off, (unsigned long long)r->next_seq, why);
            break;
        }
        r->cp = NULL;
        trace_frame f;
        const uint8_t *p;
        size_t off;
        trace_status st = next_chunk(r, &f, &p, &off);
        if (st == TRACE_END) {
            set_error(r, TRACE_TRUNCATED, r->len,
                      "the trace ends at offset %zu without an end chunk: the recording did "
                      "not close cleanly (%llu events read)",
                      r->len, (unsigned long long)r->next_seq);
        } else if (st != TRACE_OK) {
            break;
        } else if (f.kind == TRACE_CHUNK_HEADER) {
            set_error(r, TRACE_CORRUPT, off, "chunk at offset %zu: a second header chunk", off);
        } else if (f.kind == TRACE_CHUNK_END) {
            end_chunk(r, p, f.length, off);
        } else {
            start_events(r, p, f.length, off);
        }
    }
    memset(ev, 0, sizeof *ev);
    *e = r->err;
    return r->done;
}
