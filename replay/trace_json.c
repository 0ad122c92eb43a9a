/* The JSON form of trace headers and events (documented in replay/trace_tool.h) for
 * `emu trace dump` and `emu trace diff`. Every line it writes must be strict JSON whatever
 * the trace holds, and the same event must always give the same line. */
#include <inttypes.h>
#include <string.h>

#include "qmp/json.h"
#include "replay/trace_tool.h"

const char *const trace_header_fields[] = {
    "format",       "features",        "emu",    "argv",  "dialect", "epoch_ns",
    "icount_shift", "digest_interval", "images", "start", NULL,
};

bool trace_valid_utf8(const uint8_t *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        uint8_t c = s[i];
        size_t k;
        uint32_t cp, min;
        if (c < 0x80) {
            i++;
            continue;
        } else if ((c & 0xe0) == 0xc0) {
            k = 1, cp = c & 0x1f, min = 0x80;
        } else if ((c & 0xf0) == 0xe0) {
            k = 2, cp = c & 0x0f, min = 0x800;
        } else if ((c & 0xf8) == 0xf0) {
            k = 3, cp = c & 0x07, min = 0x10000;
        } else {
            return false;
        }
        if (k > n - i - 1) {
            return false;
        }
        for (size_t j = 1; j <= k; j++) {
            if ((s[i + j] & 0xc0) != 0x80) {
                return false;
            }
            cp = cp << 6 | (s[i + j] & 0x3f);
        }
        if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
            return false;
        }
        i += k + 1;
    }
    return true;
}

static void put_base64(strbuf *out, const uint8_t *s, size_t n)
{
    static const char tab[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    sb_putc(out, '"');
    for (size_t i = 0; i < n; i += 3) {
        uint32_t v = (uint32_t)s[i] << 16;
        if (i + 1 < n) {
            v |= (uint32_t)s[i + 1] << 8;
        }
        if (i + 2 < n) {
            v |= s[i + 2];
        }
        char q[4] = {tab[v >> 18], tab[(v >> 12) & 63], tab[(v >> 6) & 63], tab[v & 63]};
        if (i + 1 >= n) {
            q[2] = '=';
        }
        if (i + 2 >= n) {
            q[3] = '=';
        }
        sb_put(out, q, 4);
    }
    sb_putc(out, '"');
}

static void put_bytes(strbuf *out, const uint8_t *s, size_t n)
{
    if (trace_valid_utf8(s, n)) {
        sb_puts(out, ",\"data\":");
        json_write_string(out, (const char *)s, n);
    } else {
        sb_puts(out, ",\"data_b64\":");
        put_base64(out, s, n);
    }
}

static void put_str(strbuf *out, const char *s)
{
    s = s ? s : "";
    json_write_string(out, s, strlen(s));
}

static void put_hex(strbuf *out, uint64_t v)
{
    sb_printf(out, "\"%016" PRIx64 "\"", v);
}

/* 32-bit hash halves as an array of 8-digit hex strings. */
static void put_u32s(strbuf *out, const uint32_t *v, size_t n)
{
    sb_putc(out, '[');
    for (size_t i = 0; i < n; i++) {
        sb_printf(out, "%s\"%08" PRIx32 "\"", i ? "," : "", v[i]);
    }
    sb_putc(out, ']');
}

void trace_event_json(strbuf *out, const trace_event *ev)
{
    const char *name = trace_event_kind_name(ev->kind);
    sb_printf(out, "{\"seq\":%" PRIu64 ",\"icount\":%" PRIu64 ",\"kind\":", ev->seq, ev->icount);
    if (name) {
        put_str(out, name);
    } else {
        sb_printf(out, "%" PRIu32, ev->kind);
    }
    switch (ev->kind) {
    case TRACE_EV_QMP_CONNECT:
    case TRACE_EV_QMP_DISCONNECT:
        sb_printf(out, ",\"mon\":%" PRIu32, ev->dev);
        break;
    case TRACE_EV_QMP_IN:
    case TRACE_EV_QMP_OUT:
        sb_printf(out, ",\"mon\":%" PRIu32, ev->dev);
        put_bytes(out, ev->data, ev->len);
        break;
    case TRACE_EV_SERIAL_IN:
    case TRACE_EV_SERIAL_OUT:
        sb_printf(out, ",\"port\":%" PRIu32, ev->dev);
        put_bytes(out, ev->data, ev->len);
        break;
    case TRACE_EV_QMP_OUT_HASH:
    case TRACE_EV_SERIAL_OUT_HASH:
        sb_printf(out, ",\"%s\":%" PRIu32 ",\"len\":%zu,\"xxh3\":",
                  ev->kind == TRACE_EV_QMP_OUT_HASH ? "mon" : "port", ev->dev, ev->len);
        put_hex(out, ev->hash);
        break;
    case TRACE_EV_HOST_TIME:
        sb_printf(out, ",\"clock\":%" PRIu32 ",\"ns\":%" PRId64, ev->clock, ev->value);
        break;
    case TRACE_EV_SIGNAL:
        sb_printf(out, ",\"signo\":%" PRId64, ev->value);
        break;
    case TRACE_EV_EXIT:
        sb_printf(out, ",\"status\":%" PRId64, ev->value);
        break;
    case TRACE_EV_DIGEST:
        sb_puts(out, ",\"harts\":[");
        for (uint32_t i = 0; i < ev->nharts; i++) {
            if (i) {
                sb_putc(out, ',');
            }
            put_hex(out, ev->harts[i]);
        }
        sb_puts(out, "],\"ram\":");
        put_hex(out, ev->ram);
        sb_puts(out, ",\"devices\":");
        put_hex(out, ev->devices);
        if (ev->regs) {
            sb_printf(out, ",\"sub_interval\":%" PRIu64 ",\"sub\":", ev->sub_interval);
            put_u32s(out, ev->sub, (size_t)ev->nsub * ev->nharts);
            sb_puts(out, ",\"regs\":[");
            for (size_t i = 0; i < (size_t)ev->nharts * TRACE_REGS; i++) {
                sb_puts(out, i % TRACE_REGS ? "," : i ? "],[" : "[");
                put_hex(out, ev->regs[i]);
            }
            sb_puts(out, ev->nharts ? "]]" : "]");
        }
        if (ev->ram_log) {
            sb_puts(out, ",\"ram_sum\":");
            put_hex(out, ev->ram_sum);
            sb_puts(out, ",\"ram_pages\":[");
            for (uint32_t i = 0; i < ev->nram_pages; i++) {
                uint32_t page, hash;
                trace_ram_page(ev, i, &page, &hash);
                sb_printf(out, "%s[%" PRIu32 ",\"%08" PRIx32 "\"]", i ? "," : "", page, hash);
            }
            sb_puts(out, "],\"sub_ram\":");
            put_u32s(out, ev->sub_ram, ev->nsub);
        }
        if (ev->dev_log) {
            sb_puts(out, ",\"dev_parts\":");
            put_u32s(out, ev->dev_parts, ev->ndev_parts);
            sb_puts(out, ",\"sub_dev\":");
            put_u32s(out, ev->sub_dev, ev->nsub);
        }
        break;
    }
    if (ev->timed) {
        sb_printf(out, ",\"idle_ns\":%" PRIu64, ev->idle_ns);
    }
    sb_putc(out, '}');
}

bool trace_header_field_json(strbuf *out, const trace_header *h, const char *field)
{
    if (!strcmp(field, "format")) {
        sb_printf(out, "%" PRIu32, h->format);
    } else if (!strcmp(field, "features")) {
        sb_printf(out, "%" PRIu64, h->features);
    } else if (!strcmp(field, "emu")) {
        put_str(out, h->emu_version);
    } else if (!strcmp(field, "argv")) {
        sb_putc(out, '[');
        for (size_t i = 0; i < h->argc; i++) {
            sb_puts(out, i ? "," : "");
            put_str(out, h->argv[i]);
        }
        sb_putc(out, ']');
    } else if (!strcmp(field, "dialect")) {
        put_str(out, h->dialect);
    } else if (!strcmp(field, "epoch_ns")) {
        sb_printf(out, "%" PRId64, h->epoch_ns);
    } else if (!strcmp(field, "icount_shift")) {
        sb_printf(out, "%" PRId32, h->icount_shift);
    } else if (!strcmp(field, "digest_interval")) {
        sb_printf(out, "%" PRIu64, h->digest_interval);
    } else if (!strcmp(field, "images")) {
        sb_putc(out, '[');
        for (size_t i = 0; i < h->nimages; i++) {
            const trace_image *im = &h->images[i];
            sb_puts(out, i ? ",{\"path\":" : "{\"path\":");
            put_str(out, im->path);
            sb_printf(out, ",\"size\":%" PRIu64 ",\"xxh3\":", im->size);
            put_hex(out, im->xxh3);
            sb_printf(out, ",\"embedded\":%s}", im->data ? "true" : "false");
        }
        sb_putc(out, ']');
    } else if (!strcmp(field, "start")) {
        sb_putc(out, '{');
        for (size_t i = 0; i < h->nstart; i++) {
            sb_puts(out, i ? "," : "");
            put_str(out, h->start[i].key);
            sb_putc(out, ':');
            if (h->start[i].str) {
                put_str(out, h->start[i].str);
            } else {
                sb_printf(out, "%" PRId64, h->start[i].num);
            }
        }
        sb_putc(out, '}');
    } else {
        return false;
    }
    return true;
}

void trace_header_json(strbuf *out, const trace_header *h)
{
    sb_putc(out, '{');
    for (size_t i = 0; trace_header_fields[i]; i++) {
        sb_puts(out, i ? ",\"" : "\"");
        sb_puts(out, trace_header_fields[i]);
        sb_puts(out, "\":");
        trace_header_field_json(out, h, trace_header_fields[i]);
    }
    sb_putc(out, '}');
}
