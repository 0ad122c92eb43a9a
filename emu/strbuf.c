/* Growable byte buffer. Must never read or write past len/cap; allocation failure aborts. */
#include "emu/strbuf.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void sb_init(strbuf *sb)
{
    sb->buf = NULL;
    sb->len = 0;
    sb->cap = 0;
}

void sb_free(strbuf *sb)
{
    free(sb->buf);
    sb_init(sb);
}

void sb_grow(strbuf *sb, size_t need)
{
    size_t cap = sb->cap ? sb->cap : 64;
    while (cap < need) {
        cap *= 2;
    }
    char *p = realloc(sb->buf, cap);
    if (!p) {
        fputs("emu: out of memory\n", stderr);
        abort();
    }
    sb->buf = p;
    sb->cap = cap;
}

void sb_vprintf(strbuf *sb, const char *fmt, va_list ap)
{
    if (!fmt) {
        return; /* never: but gcc's sanitizer paths otherwise see a null format */
    }
    /* Format straight into the room there is (at least 128 bytes), and a second time only when
     * the text did not fit: most texts are short error messages, and a formatting pass costs
     * more than the bytes it writes. */
    sb_reserve(sb, 127);
    size_t room = sb->cap - sb->len;
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(sb->buf + sb->len, room, fmt, ap);
    if (n >= 0 && (size_t)n >= room) {
        sb_reserve(sb, (size_t)n);
        vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap2);
    }
    va_end(ap2);
    if (n < 0) {
        sb->buf[sb->len] = 0;
        return;
    }
    sb->len += (size_t)n;
}

void sb_printf(strbuf *sb, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    sb_vprintf(sb, fmt, ap);
    va_end(ap);
}

void sb_consume(strbuf *sb, size_t n)
{
    if (n >= sb->len) {
        sb->len = 0;
    } else {
        memmove(sb->buf, sb->buf + n, sb->len - n);
        sb->len -= n;
    }
    if (sb->buf) {
        sb->buf[sb->len] = 0;
    }
}

void sb_clear(strbuf *sb)
{
    sb->len = 0;
    if (sb->buf) {
        sb->buf[0] = 0;
    }
}

char *sb_detach(strbuf *sb)
{
    sb_reserve(sb, 0);
    char *p = sb->buf;
    sb_init(sb);
    return p;
}

int sb_read_file(strbuf *sb, const char *path, size_t limit)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        return SB_READ_OPEN;
    }
    size_t start = sb->len;
    int rc = 0;
    for (;;) {
        sb_reserve(sb, 65536);
        size_t n = fread(sb->buf + sb->len, 1, 65536, f);
        sb->len += n;
        sb->buf[sb->len] = 0;
        if (sb->len - start > limit) {
            rc = SB_READ_TOO_BIG;
            break;
        }
        if (n < 65536) {
            break;
        }
    }
    if (!rc && ferror(f)) {
        rc = SB_READ_IO;
        errno = EIO;
    }
    fclose(f);
    return rc;
}
