/* QEMU's JSON streamer (qobject/json-streamer.c, >= 3.1): queues tokens until a top-level
 * value is complete, enforces the token size / count / nesting limits with QEMU's exact checks
 * and messages, and hands each value or error to the caller in input order.
 * Must never hold more than one message's tokens, never be quadratic in the input, and never
 * emit anything for whitespace-only input. The emit callback may call json_stream_reset() (the
 * rest of the bytes being fed are then dropped) but nothing else of the same stream. */
#include <stdlib.h>
#include <string.h>

#include "qmp/json_internal.h"

struct json_stream {
    json_emit_fn emit;
    void *opaque;
    json_lexer lexer;
    long brace_count;
    long bracket_count;
    json_token *toks; /* the queue */
    size_t ntoks, cap;
    strbuf arena;      /* token texts, each NUL-terminated */
    size_t token_size; /* QEMU's token_size: sum of queued token lengths */
    strbuf err;        /* scratch for error texts */
};

json_stream *json_stream_new(json_emit_fn emit, void *opaque)
{
    json_stream *s = json_xmalloc(sizeof(*s));
    memset(s, 0, sizeof(*s));
    s->emit = emit;
    s->opaque = opaque;
    json_lexer_init(&s->lexer);
    sb_init(&s->arena);
    sb_init(&s->err);
    return s;
}

/* Drops the queued tokens; big buffers from an oversized message are released. */
static void clear_queue(json_stream *s)
{
    s->brace_count = 0;
    s->bracket_count = 0;
    s->ntoks = 0;
    s->token_size = 0;
    s->arena.len = 0;
    if (s->arena.cap > ((size_t)1 << 20)) {
        sb_free(&s->arena);
    }
    if (s->cap > 65536) {
        free(s->toks);
        s->toks = NULL;
        s->cap = 0;
    }
}

void json_stream_reset(json_stream *s)
{
    json_lexer_reset(&s->lexer);
    clear_queue(s);
}

void json_stream_free(json_stream *s)
{
    if (!s) {
        return;
    }
    json_lexer_destroy(&s->lexer);
    free(s->toks);
    sb_free(&s->arena);
    sb_free(&s->err);
    free(s);
}

size_t json_stream_feed(json_stream *s, const char *buf, size_t len)
{
    return json_lexer_feed(&s->lexer, s, buf, len);
}

bool json_stream_idle(const json_stream *s)
{
    /* The counts and token_size are cleared with the queue, so an empty queue is enough. */
    return json_lexer_idle(&s->lexer) && s->ntoks == 0;
}

void json_stream_flush(json_stream *s)
{
    json_lexer_flush(&s->lexer, s);
}

static void push(json_stream *s, json_token_type type, const char *text, size_t len)
{
    if (s->ntoks == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 64;
        s->toks = json_xrealloc(s->toks, s->cap * sizeof(*s->toks));
    }
    json_token *t = &s->toks[s->ntoks++];
    t->type = type;
    t->off = s->arena.len;
    t->len = len;
    sb_put(&s->arena, text, len); /* sb_put leaves a NUL after the text */
    s->arena.len++;               /* ... which is kept as the terminator */
    s->token_size += len;
}

/* Resets the queue first (the callback may look at nothing of ours), then emits. */
static void finish(json_stream *s, json_value *value, bool failed)
{
    clear_queue(s);
    if (failed && !s->err.len) {
        sb_puts(&s->err, "JSON parse error"); /* not reached: every failure has a text */
    }
    s->emit(s->opaque, value, failed ? s->err.buf : NULL);
    if (s->err.cap > ((size_t)1 << 20)) {
        sb_free(&s->err);
    }
}

static void fail(json_stream *s, const char *msg)
{
    s->err.len = 0;
    sb_puts(&s->err, msg);
    finish(s, NULL, true);
}

static void parse_queue(json_stream *s)
{
    s->err.len = 0;
    json_value *v = json_parse_tokens(s->toks, s->ntoks, s->arena.buf, &s->err);
    finish(s, v, v == NULL);
}

void json_stream_token(json_stream *s, json_token_type type, const char *text, size_t len)
{
    switch (type) {
    case TOK_LCURLY:
        s->brace_count++;
        break;
    case TOK_RCURLY:
        s->brace_count--;
        break;
    case TOK_LSQUARE:
        s->bracket_count++;
        break;
    case TOK_RSQUARE:
        s->bracket_count--;
        break;
    case TOK_ERROR:
        /* QEMU formats the token with %s: the text ends at its first NUL byte. */
        s->err.len = 0;
        sb_puts(&s->err, "JSON parse error, stray '");
        sb_put(&s->err, text, strnlen(text, len));
        sb_putc(&s->err, '\'');
        finish(s, NULL, true);
        return;
    case TOK_EOI:
        if (s->ntoks) {
            parse_queue(s);
        }
        return;
    default:
        break;
    }

    /* The limits are checked before the token is queued, in this order. */
    if (s->token_size + len + 1 > JSON_MAX_TOKEN_SIZE) {
        fail(s, "JSON token size limit exceeded");
        return;
    }
    if (s->ntoks + 1 > JSON_MAX_TOKEN_COUNT) {
        fail(s, "JSON token count limit exceeded");
        return;
    }
    if (s->bracket_count + s->brace_count > JSON_MAX_NESTING) {
        fail(s, "JSON nesting depth limit exceeded");
        return;
    }

    push(s, type, text, len);

    if ((s->brace_count > 0 || s->bracket_count > 0) && s->brace_count >= 0 &&
        s->bracket_count >= 0) {
        return; /* inside a value: wait for more */
    }
    parse_queue(s);
}

/* ---- one-shot parsing ---- */

/* QEMU's qobject_from_json(): the first error wins; a second value, or anything at all after
 * a value, turns the result into "Expecting at most one JSON value". */
typedef struct parse_one {
    json_value *value;
    char *error;
} parse_one;

static void collect(void *opaque, json_value *value, const char *error)
{
    parse_one *p = opaque;
    if (p->value) {
        json_free(p->value);
        p->value = NULL;
        p->error = json_xstrdup("Expecting at most one JSON value");
    }
    if (p->error) {
        json_free(value);
        return;
    }
    p->value = value;
    p->error = error ? json_xstrdup(error) : NULL;
}

/* One stream kept between calls, reset after each: a stream and its buffers cost more to set
 * up than a short value costs to parse, and the fuzz oracles parse every new output line. A
 * call made while it is in use (from an emit callback) gets a stream of its own. */
static json_stream *spare;

json_value *json_parse(const char *buf, size_t len, char **error)
{
    parse_one p = {0};
    json_stream *s = spare ? spare : json_stream_new(collect, &p);
    spare = NULL;
    s->opaque = &p;
    json_stream_feed(s, buf, len);
    json_stream_flush(s);
    json_stream_reset(s);
    if (spare) {
        json_stream_free(s);
    } else {
        spare = s;
    }
    if (!p.value && !p.error) {
        p.error = json_xstrdup("Expecting a JSON value");
    }
    if (error) {
        *error = p.error;
    } else {
        free(p.error);
    }
    return p.value;
}
