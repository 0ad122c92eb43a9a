/* A growable byte buffer: the one way emu builds output text.
 * It must never lose bytes on growth failure silently: allocation failure aborts. */
#ifndef EMU_STRBUF_H
#define EMU_STRBUF_H

#include <stdarg.h>
#include <stddef.h>
#include <string.h>

typedef struct strbuf {
    char *buf; /* always NUL-terminated when cap > 0 */
    size_t len;
    size_t cap;
} strbuf;

void sb_init(strbuf *sb);
void sb_free(strbuf *sb);
/* Grows the buffer to hold at least `need` bytes (sb_reserve's slow path). */
void sb_grow(strbuf *sb, size_t need);

/* The appends are inline: the JSON writer and lexer call them for every token and string, and
 * a call per byte cost more than the byte. Always: under ASan and coverage instrumentation
 * the compiler would otherwise keep them as calls, and a constant-length append would then
 * copy through ASan's checked memcpy instead of becoming a store. */
#define SB_INLINE static inline __attribute__((always_inline))

SB_INLINE void sb_reserve(strbuf *sb, size_t extra)
{
    if (sb->len + extra + 1 > sb->cap) {
        sb_grow(sb, sb->len + extra + 1);
    }
}

SB_INLINE void sb_put(strbuf *sb, const void *data, size_t len)
{
    sb_reserve(sb, len);
    if (len) {
        memcpy(sb->buf + sb->len, data, len);
    }
    sb->len += len;
    sb->buf[sb->len] = 0;
}

SB_INLINE void sb_puts(strbuf *sb, const char *s)
{
    sb_put(sb, s, strlen(s));
}

SB_INLINE void sb_putc(strbuf *sb, char c)
{
    sb_reserve(sb, 1);
    sb->buf[sb->len++] = c;
    sb->buf[sb->len] = 0;
}

void sb_printf(strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_vprintf(strbuf *sb, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
/* Drops the first n bytes (a consumed prefix). */
void sb_consume(strbuf *sb, size_t n);
void sb_clear(strbuf *sb);
/* Appends the whole file at path. Returns 0, SB_READ_OPEN or SB_READ_IO (errno set), or
 * SB_READ_TOO_BIG once more than limit bytes were read (reading stops there). */
#define SB_READ_OPEN    -1
#define SB_READ_IO      -2
#define SB_READ_TOO_BIG 1
int sb_read_file(strbuf *sb, const char *path, size_t limit);
/* Hands the buffer to the caller (NUL-terminated) and resets sb. */
char *sb_detach(strbuf *sb);

#endif
