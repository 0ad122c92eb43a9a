/* `emu trace info|dump|verify|diff`: look into traces (exit statuses and the JSON form are in
 * replay/trace_tool.h). The tools only read; they must never modify a trace, never crash on
 * one, and every problem they report names the file, the problem and the byte offset. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "qmp/json.h"
#include "replay/trace_tool.h"

static const char usage_text[] =
    "usage: emu trace info FILE            header, event counts, size breakdown\n"
    "       emu trace dump [--header] FILE one JSON line per event (for jq)\n"
    "       emu trace verify [--any-version] FILE\n"
    "                                      framing and checksums; names the first bad offset\n"
    "       emu trace diff A B             the first difference, in context\n"
    "exit status: 0 ok, 1 traces differ, 2 truncated or not closed cleanly, 3 corrupt,\n"
    "4 not a trace or an unsupported version, 5 another emu's trace (verify), 64 usage,\n"
    "66 cannot read\n";

static int usage(const char *why)
{
    if (why) {
        fprintf(stderr, "emu trace: %s\n", why);
    }
    fputs(usage_text, stderr);
    return TRACE_EXIT_USAGE;
}

int trace_exit_status(trace_status st)
{
    switch (st) {
    case TRACE_OK:
    case TRACE_END:
        return TRACE_EXIT_OK;
    case TRACE_TRUNCATED:
        return TRACE_EXIT_TRUNCATED;
    case TRACE_CORRUPT:
        return TRACE_EXIT_CORRUPT;
    case TRACE_UNSUPPORTED:
        return TRACE_EXIT_UNSUPPORTED;
    case TRACE_OTHER_EMU:
        return TRACE_EXIT_OTHER_EMU;
    case TRACE_IO_ERROR:
        break;
    }
    return TRACE_EXIT_IO;
}

static const char *status_word(trace_status st)
{
    switch (st) {
    case TRACE_TRUNCATED:
        return "truncated";
    case TRACE_CORRUPT:
        return "corrupt";
    case TRACE_UNSUPPORTED:
        return "unsupported";
    case TRACE_OTHER_EMU:
        return "another emu version";
    case TRACE_IO_ERROR:
        return "error";
    default:
        return "ok";
    }
}

static int report(const char *path, const trace_error *e)
{
    fprintf(stderr, "emu trace: %s: %s: %s\n", path, status_word(e->status), e->msg);
    return trace_exit_status(e->status);
}

static trace_reader *open_or_report(const char *path, int *rc)
{
    trace_reader *r;
    trace_error e;
    if (trace_reader_open(path, TRACE_READ_ANY_EMU, &r, &e) != TRACE_OK) {
        *rc = report(path, &e);
        return NULL;
    }
    return r;
}

/* Parses `[FLAG] FILE` (flag may be NULL) and opens FILE; NULL with *rc set on failure. */
static trace_reader *open_args(int argc, char **argv, const char *flag, bool *flag_set,
                               const char **path, int *rc)
{
    *path = NULL;
    for (int i = 1; i < argc; i++) {
        if (flag && !strcmp(argv[i], flag)) {
            *flag_set = true;
        } else if ((argv[i][0] == '-' && argv[i][1]) || *path) {
            *rc = usage(argv[i][0] == '-' ? "unknown option" : "too many files");
            return NULL;
        } else {
            *path = argv[i];
        }
    }
    if (!*path) {
        *rc = usage("no FILE given");
        return NULL;
    }
    return open_or_report(*path, rc);
}

static void print_line(strbuf *sb)
{
    sb_putc(sb, '\n');
    fwrite(sb->buf, 1, sb->len, stdout);
    sb_clear(sb);
}

/* ---- info ---- */
typedef struct kind_count {
    uint64_t events, encoded, data;
} kind_count;

static void info_header(const char *path, const trace_header *h, const trace_stats *s, strbuf *sb)
{
    const char *mine = trace_emu_version();
    printf("file:            %s, %" PRIu64 " bytes\n", path, s->file_size);
    printf("format:          %" PRIu32 "\n", h->format);
    printf("emu:             %s%s%s%s\n", h->emu_version,
           strcmp(h->emu_version, mine) ? " (this is emu " : "",
           strcmp(h->emu_version, mine) ? mine : "", strcmp(h->emu_version, mine) ? ")" : "");
    printf("features:        0x%" PRIx64 " (outputs as %s, images %s)\n", h->features,
           h->features & TRACE_F_OUTPUT_HASHED ? "xxh3" : "bytes",
           h->features & TRACE_F_IMAGES_OMITTED ? "omitted" : "embedded");
    const char *fields[][2] = {{"command line:    ", "argv"},
                               {"dialect:         ", "dialect"},
                               {"start:           ", "start"}};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        trace_header_field_json(sb, h, fields[i][1]);
        printf("%s%s\n", fields[i][0], sb->buf);
        sb_clear(sb);
    }
    printf("epoch:           %" PRId64 " ns\n", h->epoch_ns);
    if (h->icount_shift < 0) {
        printf("icount shift:    not given\n");
    } else {
        printf("icount shift:    %" PRId32 "\n", h->icount_shift);
    }
    printf("digest interval: %" PRIu64 " instructions\n", h->digest_interval);
    printf("images:          %zu\n", h->nimages);
    for (size_t i = 0; i < h->nimages; i++) {
        const trace_image *im = &h->images[i];
        json_write_string(sb, im->path, strlen(im->path));
        printf("  %s: %" PRIu64 " bytes, xxh3 %016" PRIx64 ", %s\n", sb->buf, im->size, im->xxh3,
               im->data ? "embedded" : "not embedded");
        sb_clear(sb);
    }
}

static int cmd_info(int argc, char **argv)
{
    int rc = TRACE_EXIT_IO;
    const char *path;
    trace_reader *r = open_args(argc, argv, NULL, NULL, &path, &rc);
    if (!r) {
        return rc;
    }
    kind_count kc[TRACE_EV_MAX + 1] = {{0}};
    trace_event ev;
    trace_error e;
    trace_status st;
    uint64_t n = 0, first = 0, last = 0;
    while ((st = trace_next_event(r, &ev, &e)) == TRACE_OK) {
        first = n++ ? first : ev.icount;
        last = ev.icount;
        kc[ev.kind].events++;
        kc[ev.kind].encoded += ev.encoded;
        kc[ev.kind].data += ev.data ? ev.len : 0;
    }
    const trace_stats *s = trace_reader_stats(r);
    strbuf sb;
    sb_init(&sb);
    info_header(path, trace_read_header(r), s, &sb);
    sb_free(&sb);
    printf("events:          %" PRIu64 "\n", n);
    if (n) {
        printf("  %-16s %10s %14s %14s\n", "kind", "count", "encoded bytes", "data bytes");
    }
    for (uint32_t k = 1; k <= TRACE_EV_MAX; k++) {
        if (kc[k].events) {
            printf("  %-16s %10" PRIu64 " %14" PRIu64 " %14" PRIu64 "\n", trace_event_kind_name(k),
                   kc[k].events, kc[k].encoded, kc[k].data);
        }
    }
    if (n) {
        printf("instructions:    %" PRIu64 " to %" PRIu64 "\n", first, last);
    } else {
        printf("instructions:    no events\n");
    }
    if (st == TRACE_END) {
        printf("closed cleanly:  yes, exit status %" PRId64 "\n", s->exit_status);
    } else {
        printf("closed cleanly:  no: %s: %s\n", status_word(st), e.msg);
    }
    uint64_t unread = s->file_size - TRACE_PREAMBLE_LEN - s->header_bytes - s->event_bytes -
                      s->end_bytes - s->skipped_bytes;
    printf("size:            %" PRIu64 " bytes: preamble %d, header chunk %" PRIu64
           " (images %" PRIu64 "), %" PRIu64 " events chunks %" PRIu64 ", end chunk %" PRIu64,
           s->file_size, TRACE_PREAMBLE_LEN, s->header_bytes, s->image_bytes, s->event_chunks,
           s->event_bytes, s->end_bytes);
    if (s->skipped_chunks) {
        printf(", %" PRIu64 " skipped chunks %" PRIu64, s->skipped_chunks, s->skipped_bytes);
    }
    if (unread) {
        printf(", unread %" PRIu64, unread);
    }
    printf("; frames %" PRIu64 " bytes in %" PRIu64 " chunks\n", s->frame_bytes, s->chunks);
    trace_reader_close(r);
    return trace_exit_status(st);
}

/* ---- dump ---- */
static int cmd_dump(int argc, char **argv)
{
    bool header = false;
    const char *path;
    int rc = TRACE_EXIT_IO;
    trace_reader *r = open_args(argc, argv, "--header", &header, &path, &rc);
    if (!r) {
        return rc;
    }
    strbuf sb;
    sb_init(&sb);
    if (header) {
        sb_puts(&sb, "{\"header\":");
        trace_header_json(&sb, trace_read_header(r));
        sb_putc(&sb, '}');
        print_line(&sb);
    }
    trace_event ev;
    trace_error e;
    trace_status st;
    while ((st = trace_next_event(r, &ev, &e)) == TRACE_OK) {
        trace_event_json(&sb, &ev);
        print_line(&sb);
    }
    sb_free(&sb);
    fflush(stdout);
    trace_reader_close(r);
    return st == TRACE_END ? TRACE_EXIT_OK : report(path, &e);
}

/* ---- verify ---- */
static int cmd_verify(int argc, char **argv)
{
    bool any = false;
    const char *path;
    int rc = TRACE_EXIT_IO;
    trace_reader *r = open_args(argc, argv, "--any-version", &any, &path, &rc);
    if (!r) {
        return rc;
    }
    trace_event ev;
    trace_error e;
    trace_status st;
    uint64_t first = 0, last = 0, n = 0;
    while ((st = trace_next_event(r, &ev, &e)) == TRACE_OK) {
        first = n++ ? first : ev.icount;
        last = ev.icount;
    }
    const trace_stats *s = trace_reader_stats(r);
    const trace_header *h = trace_read_header(r);
    if (st != TRACE_END) {
        rc = report(path, &e);
        fprintf(stderr,
                "emu trace: %s: %" PRIu64 " whole chunks and %" PRIu64
                " events before offset %" PRIu64 "\n",
                path, s->chunks, n, e.offset);
    } else if (!any && strcmp(h->emu_version, trace_emu_version()) != 0) {
        fprintf(stderr,
                "emu trace: %s: another emu version: written by emu %s; this is emu %s (same "
                "format version %d); --any-version accepts it\n",
                path, h->emu_version, trace_emu_version(), TRACE_FORMAT_VERSION);
        rc = TRACE_EXIT_OTHER_EMU;
    } else {
        printf("%s: ok: format %" PRIu32 ", emu %s, %" PRIu64 " chunks, %" PRIu64
               " events, instructions %" PRIu64 " to %" PRIu64
               ", closed cleanly, exit status %" PRId64 "\n",
               path, h->format, h->emu_version, s->chunks, n, first, last, s->exit_status);
        rc = TRACE_EXIT_OK;
    }
    trace_reader_close(r);
    return rc;
}

/* ---- diff ---- */
#define DIFF_BEFORE 3 /* common events shown before the first difference */
#define DIFF_AFTER  2 /* events of each trace shown after it */

typedef struct side {
    const char *path;
    trace_reader *r;
    trace_status st;
    trace_error e;
    strbuf line; /* the current event's JSON, or how the trace ends */
} side;

static void side_next(side *d)
{
    trace_event ev;
    sb_clear(&d->line);
    d->st = trace_next_event(d->r, &ev, &d->e);
    if (d->st == TRACE_OK) {
        trace_event_json(&d->line, &ev);
    } else if (d->st == TRACE_END) {
        sb_printf(&d->line, "(end: closed cleanly, exit status %" PRId64 ")",
                  trace_reader_stats(d->r)->exit_status);
    } else {
        sb_printf(&d->line, "(end: %s: %s)", status_word(d->st), d->e.msg);
    }
}

static bool diff_header(side *a, side *b)
{
    bool differ = false;
    strbuf x, y;
    sb_init(&x);
    sb_init(&y);
    for (size_t i = 0; trace_header_fields[i]; i++) {
        sb_clear(&x);
        sb_clear(&y);
        trace_header_field_json(&x, trace_read_header(a->r), trace_header_fields[i]);
        trace_header_field_json(&y, trace_read_header(b->r), trace_header_fields[i]);
        if (x.len != y.len || memcmp(x.buf, y.buf, x.len) != 0) {
            if (!differ) {
                printf("--- %s\n+++ %s\n", a->path, b->path);
            }
            differ = true;
            printf("header field %s differs:\n- %s\n+ %s\n", trace_header_fields[i], x.buf, y.buf);
        }
    }
    sb_free(&x);
    sb_free(&y);
    return differ;
}

static bool is_read_error(trace_status st)
{
    return st != TRACE_OK && st != TRACE_END && st != TRACE_TRUNCATED;
}

static void show_following(side *d, char mark)
{
    printf("%c %s\n", mark, d->line.buf);
    for (int i = 0; i < DIFF_AFTER && d->st == TRACE_OK; i++) {
        side_next(d);
        printf("%c %s\n", mark, d->line.buf);
    }
}

static int diff_events(side *a, side *b, bool header_differs)
{
    strbuf ctx[DIFF_BEFORE];
    for (int i = 0; i < DIFF_BEFORE; i++) {
        sb_init(&ctx[i]);
    }
    uint64_t n = 0;
    int rc = -1;
    while (rc < 0) {
        side_next(a);
        side_next(b);
        bool same = a->line.len == b->line.len && !memcmp(a->line.buf, b->line.buf, a->line.len);
        if (same && a->st == TRACE_OK) {
            sb_clear(&ctx[n % DIFF_BEFORE]);
            sb_put(&ctx[n % DIFF_BEFORE], a->line.buf, a->line.len);
            n++;
            continue;
        }
        if (is_read_error(a->st) || is_read_error(b->st)) {
            rc = report(is_read_error(a->st) ? a->path : b->path,
                        is_read_error(a->st) ? &a->e : &b->e);
        } else if (same || (a->st == TRACE_TRUNCATED && b->st == TRACE_TRUNCATED)) {
            printf("%s: %" PRIu64 " events, same ending\n",
                   header_differs ? "events identical" : "identical", n);
            rc = header_differs ? TRACE_EXIT_DIFFER : TRACE_EXIT_OK;
        } else {
            if (!header_differs) {
                printf("--- %s\n+++ %s\n", a->path, b->path);
            }
            printf("first difference at event %" PRIu64 ":\n", n);
            for (uint64_t i = n > DIFF_BEFORE ? n - DIFF_BEFORE : 0; i < n; i++) {
                printf("  %s\n", ctx[i % DIFF_BEFORE].buf);
            }
            show_following(a, '-');
            show_following(b, '+');
            rc = TRACE_EXIT_DIFFER;
        }
    }
    for (int i = 0; i < DIFF_BEFORE; i++) {
        sb_free(&ctx[i]);
    }
    return rc;
}

static int cmd_diff(int argc, char **argv)
{
    if (argc != 3) {
        return usage("diff takes two FILEs");
    }
    side a = {.path = argv[1]}, b = {.path = argv[2]};
    int rc = TRACE_EXIT_IO;
    if (!(a.r = open_or_report(a.path, &rc))) {
        return rc;
    }
    if (!(b.r = open_or_report(b.path, &rc))) {
        trace_reader_close(a.r);
        return rc;
    }
    sb_init(&a.line);
    sb_init(&b.line);
    rc = diff_events(&a, &b, diff_header(&a, &b));
    sb_free(&a.line);
    sb_free(&b.line);
    trace_reader_close(a.r);
    trace_reader_close(b.r);
    return rc;
}

int trace_tool_main(int argc, char **argv)
{
    if (argc < 2) {
        return usage(NULL);
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
        fputs(usage_text, stdout);
        return TRACE_EXIT_OK;
    }
    static const struct {
        const char *name;
        int (*fn)(int, char **);
    } cmds[] = {{"info", cmd_info}, {"dump", cmd_dump}, {"verify", cmd_verify}, {"diff", cmd_diff}};
    for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
        if (!strcmp(cmd, cmds[i].name)) {
            return cmds[i].fn(argc - 1, argv + 1);
        }
    }
    fprintf(stderr, "emu trace: unknown command '%s'\n", cmd);
    return usage(NULL);
}
