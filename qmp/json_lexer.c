/* QEMU's JSON lexer (qobject/json-lexer.c, >= 3.1 behaviour, interpolation off): splits a byte
 * stream into tokens, reports lexical errors with the offending text, then skips input until a
 * resynchronisation point. Must never decode or validate string contents (the parser does),
 * never look at more than the current byte, and never let a token grow past
 * JSON_MAX_TOKEN_SIZE + 1 bytes: byte-at-a-time feeding must give identical tokens. */
#include <string.h>

#include "qmp/json_internal.h"

enum lexer_state {
    ST_START,
    ST_RECOVERY,
    ST_DQ,          /* inside "..." */
    ST_DQ_ESC,      /* after a backslash in "..." */
    ST_SQ,          /* inside '...' */
    ST_SQ_ESC,      /* after a backslash in '...' */
    ST_SIGN,        /* after '-' */
    ST_ZERO,        /* a lone leading 0 */
    ST_DIGITS,      /* integer digits */
    ST_MANT,        /* after '.' */
    ST_MANT_DIGITS, /* fraction digits */
    ST_EXP_E,       /* after e/E */
    ST_EXP_SIGN,    /* after the exponent sign */
    ST_EXP_DIGITS,  /* exponent digits */
    ST_KEYWORD,     /* [a-z]+ */
};

void json_lexer_init(json_lexer *lx)
{
    lx->state = ST_START;
    lx->stop = false;
    sb_init(&lx->tok);
}

void json_lexer_reset(json_lexer *lx)
{
    lx->state = ST_START;
    lx->stop = true;
    lx->tok.len = 0;
    if (lx->tok.cap > 4096) {
        sb_free(&lx->tok); /* do not keep a huge buffer around */
    }
}

void json_lexer_destroy(json_lexer *lx)
{
    sb_free(&lx->tok);
}

/* Token types of the six structural characters, indexed by c - ','. */
static const json_token_type structural[] = {
    ['{' - ','] = TOK_LCURLY,  ['}' - ','] = TOK_RCURLY, ['[' - ','] = TOK_LSQUARE,
    [']' - ','] = TOK_RSQUARE, [':' - ','] = TOK_COLON,  [',' - ','] = TOK_COMMA,
};

static inline bool is_digit(unsigned c)
{
    return c >= '0' && c <= '9';
}

static void emit(json_lexer *lx, json_stream *s, json_token_type type)
{
    json_stream_token(s, type, lx->tok.buf ? lx->tok.buf : "", lx->tok.len);
    lx->tok.len = 0;
    if (lx->tok.cap > ((size_t)1 << 20)) {
        sb_free(&lx->tok); /* do not keep a huge token's buffer around */
    }
}

/* A lexical error: the current text (including the offending byte, when one was consumed)
 * is reported, then input is skipped. */
static void error(json_lexer *lx, json_stream *s)
{
    lx->state = ST_RECOVERY; /* before emitting: the callback may reset us */
    emit(lx, s, TOK_ERROR);
}

static inline void append(json_lexer *lx, unsigned char c)
{
    sb_putc(&lx->tok, (char)c);
}

/* Recovery ends at a structural character, a control character other than TAB, or one of the
 * impossible UTF-8 bytes 0xFE / 0xFF; that byte is then scanned afresh. */
static inline bool ends_recovery(unsigned c)
{
    return (c < 0x20 && c != '\t') || c >= 0xFE || c == '[' || c == ']' || c == '{' || c == '}' ||
           c == ':' || c == ',';
}

/* Bytes allowed inside a string body (before the string-specific specials). */
static inline bool string_byte(unsigned c)
{
    return c >= 0x20 && c <= 0xFD;
}

/* How many more bytes the current token may take before check_size() must cut it. */
static inline size_t room(const json_lexer *lx)
{
    return JSON_MAX_TOKEN_SIZE + 1 - lx->tok.len;
}

/* Consumes the longest run of plain string bytes at p (not the quote, not a backslash),
 * bounded so the token never exceeds JSON_MAX_TOKEN_SIZE + 1 bytes. */
static size_t string_run(json_lexer *lx, const unsigned char *p, size_t n, unsigned quote)
{
    size_t lim = n < room(lx) ? n : room(lx);
    size_t i = 0;
    while (i < lim && string_byte(p[i]) && p[i] != quote && p[i] != '\\') {
        i++;
    }
    if (i) {
        sb_put(&lx->tok, p, i);
    }
    return i;
}

/* Processes one byte in the current state; returns false if the byte must be processed again
 * in the new state (the token ended just before it). */
static bool step(json_lexer *lx, json_stream *s, unsigned c)
{
    switch (lx->state) {
    case ST_START:
        switch (c) {
        case ' ':
        case '\t':
        case '\r':
        case '\n':
            return true;
        case '{':
        case '}':
        case '[':
        case ']':
        case ':':
        case ',': {
            append(lx, c);
            emit(lx, s, structural[c - ',']);
            return true;
        }
        case '"':
            lx->state = ST_DQ;
            break;
        case '\'':
            lx->state = ST_SQ;
            break;
        case '-':
            lx->state = ST_SIGN;
            break;
        case '0':
            lx->state = ST_ZERO;
            break;
        default:
            if (c >= '1' && c <= '9') {
                lx->state = ST_DIGITS;
            } else if (c >= 'a' && c <= 'z') {
                lx->state = ST_KEYWORD;
            } else {
                append(lx, c);
                error(lx, s);
                return true;
            }
        }
        append(lx, c);
        return true;

    case ST_RECOVERY:
        if (ends_recovery(c)) {
            lx->state = ST_START;
            return false;
        }
        return true;

    case ST_DQ:
    case ST_SQ: {
        unsigned quote = lx->state == ST_DQ ? '"' : '\'';
        append(lx, c);
        if (!string_byte(c)) {
            error(lx, s);
        } else if (c == quote) {
            lx->state = ST_START;
            emit(lx, s, TOK_STRING);
        } else if (c == '\\') {
            lx->state = lx->state == ST_DQ ? ST_DQ_ESC : ST_SQ_ESC;
        }
        return true;
    }

    case ST_DQ_ESC:
    case ST_SQ_ESC:
        /* Any non-control byte may follow a backslash; the parser judges it. */
        append(lx, c);
        if (!string_byte(c)) {
            error(lx, s);
        } else {
            lx->state = lx->state == ST_DQ_ESC ? ST_DQ : ST_SQ;
        }
        return true;

    case ST_SIGN:
        append(lx, c);
        if (c == '0') {
            lx->state = ST_ZERO;
        } else if (c >= '1' && c <= '9') {
            lx->state = ST_DIGITS;
        } else {
            error(lx, s);
        }
        return true;

    case ST_ZERO:
        if (is_digit(c)) {
            append(lx, c); /* leading zero */
            error(lx, s);
            return true;
        }
        if (c == '.') {
            append(lx, c);
            lx->state = ST_MANT;
            return true;
        }
        lx->state = ST_START;
        emit(lx, s, TOK_INTEGER);
        return false;

    case ST_DIGITS:
        if (is_digit(c)) {
            append(lx, c);
            return true;
        }
        if (c == '.' || c == 'e' || c == 'E') {
            append(lx, c);
            lx->state = c == '.' ? ST_MANT : ST_EXP_E;
            return true;
        }
        lx->state = ST_START;
        emit(lx, s, TOK_INTEGER);
        return false;

    case ST_MANT:
        append(lx, c);
        if (is_digit(c)) {
            lx->state = ST_MANT_DIGITS;
        } else {
            error(lx, s);
        }
        return true;

    case ST_MANT_DIGITS:
        if (is_digit(c) || c == 'e' || c == 'E') {
            append(lx, c);
            if (!is_digit(c)) {
                lx->state = ST_EXP_E;
            }
            return true;
        }
        lx->state = ST_START;
        emit(lx, s, TOK_FLOAT);
        return false;

    case ST_EXP_E:
        append(lx, c);
        if (c == '+' || c == '-') {
            lx->state = ST_EXP_SIGN;
        } else if (is_digit(c)) {
            lx->state = ST_EXP_DIGITS;
        } else {
            error(lx, s);
        }
        return true;

    case ST_EXP_SIGN:
        append(lx, c);
        if (is_digit(c)) {
            lx->state = ST_EXP_DIGITS;
        } else {
            error(lx, s);
        }
        return true;

    case ST_EXP_DIGITS:
        if (is_digit(c)) {
            append(lx, c);
            return true;
        }
        lx->state = ST_START;
        emit(lx, s, TOK_FLOAT);
        return false;

    case ST_KEYWORD:
        if (c >= 'a' && c <= 'z') {
            append(lx, c);
            return true;
        }
        lx->state = ST_START;
        emit(lx, s, TOK_KEYWORD);
        return false;
    }
    return true;
}

/* QEMU's per-byte guard: a token that has grown past the limit is handed on as it is (the
 * streamer rejects it) and scanning restarts in the start state. */
static inline void check_size(json_lexer *lx, json_stream *s)
{
    if (lx->tok.len > JSON_MAX_TOKEN_SIZE) {
        lx->state = ST_START;
        emit(lx, s, TOK_OVERSIZE);
    }
}

/* Bytes that continue a number or keyword token in state st (all others end or break it). */
static inline bool continues(int st, unsigned c)
{
    if (st == ST_KEYWORD) {
        return c >= 'a' && c <= 'z';
    }
    return is_digit(c); /* ST_DIGITS, ST_MANT_DIGITS, ST_EXP_DIGITS */
}

size_t json_lexer_feed(json_lexer *lx, json_stream *s, const char *buf, size_t len)
{
    const unsigned char *p = (const unsigned char *)buf;
    size_t i = 0;
    lx->stop = false;
    while (i < len && !lx->stop) {
        /* Fast paths for runs of bytes; each takes exactly the bytes step() would take one by
         * one, and stops before the token could outgrow the limit, so check_size() sees the
         * same lengths as with byte-at-a-time input. */
        switch (lx->state) {
        case ST_START: {
            unsigned c = p[i];
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                i++;
                continue;
            }
            if (c == '{' || c == '}' || c == '[' || c == ']' || c == ':' || c == ',') {
                json_stream_token(s, structural[c - ','], buf + i, 1);
                i++;
                continue;
            }
            break;
        }
        case ST_DQ:
        case ST_SQ: {
            size_t k = string_run(lx, p + i, len - i, lx->state == ST_DQ ? '"' : '\'');
            if (k) {
                i += k;
                check_size(lx, s);
                continue;
            }
            break;
        }
        case ST_DIGITS:
        case ST_MANT_DIGITS:
        case ST_EXP_DIGITS:
        case ST_KEYWORD: {
            size_t lim = len - i < room(lx) ? len - i : room(lx);
            size_t k = 0;
            while (k < lim && continues(lx->state, p[i + k])) {
                k++;
            }
            if (k) {
                sb_put(&lx->tok, p + i, k);
                i += k;
                check_size(lx, s);
                continue;
            }
            break;
        }
        case ST_RECOVERY:
            while (i < len && !ends_recovery(p[i])) {
                i++;
            }
            if (i == len) {
                return i;
            }
            break;
        default:
            break;
        }
        unsigned c = p[i++];
        while (!step(lx, s, c) && !lx->stop) {
        }
        check_size(lx, s);
    }
    return i;
}

bool json_lexer_idle(const json_lexer *lx)
{
    return lx->state == ST_START && lx->tok.len == 0;
}

void json_lexer_flush(json_lexer *lx, json_stream *s)
{
    /* End of input acts as a byte that no state accepts: complete numbers and keywords are
     * emitted, anything else unfinished is a lexical error (without an extra byte). */
    switch (lx->state) {
    case ST_ZERO:
    case ST_DIGITS:
        emit(lx, s, TOK_INTEGER);
        break;
    case ST_MANT_DIGITS:
    case ST_EXP_DIGITS:
        emit(lx, s, TOK_FLOAT);
        break;
    case ST_KEYWORD:
        emit(lx, s, TOK_KEYWORD);
        break;
    case ST_START:
    case ST_RECOVERY:
        break;
    default:
        emit(lx, s, TOK_ERROR);
        break;
    }
    lx->state = ST_START;
    lx->tok.len = 0;
    json_stream_token(s, TOK_EOI, "", 0);
}
