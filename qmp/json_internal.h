/* Internal interfaces shared by the JSON lexer, streamer, parser, writer and value code.
 * Must never be included outside qmp/json_*.c and their tests: nothing here is a stable API. */
#ifndef QMP_JSON_INTERNAL_H
#define QMP_JSON_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "emu/strbuf.h"
#include "qmp/json.h"

/* QEMU's limits (json-lexer.c / json-streamer.c, spec §9.1). */
#define JSON_MAX_TOKEN_SIZE  ((size_t)64 << 20)
#define JSON_MAX_TOKEN_COUNT ((size_t)2 << 20)
#define JSON_MAX_NESTING     1024

/* QDict's bucket count (QDICT_BUCKET_MAX). */
#define JSON_QDICT_BUCKETS 512

typedef enum json_token_type {
    TOK_LCURLY,
    TOK_RCURLY,
    TOK_LSQUARE,
    TOK_RSQUARE,
    TOK_COLON,
    TOK_COMMA,
    TOK_INTEGER,
    TOK_FLOAT,
    TOK_KEYWORD,
    TOK_STRING,
    TOK_ERROR,    /* lexical error: text is the offending bytes */
    TOK_OVERSIZE, /* the lexer cut a token longer than JSON_MAX_TOKEN_SIZE */
    TOK_EOI,      /* end of input (flush) */
} json_token_type;

/* ---- lexer (json_lexer.c) ---- */
typedef struct json_lexer {
    int state;
    strbuf tok; /* text of the token being scanned */
    bool stop;  /* set by a reset: the feed in progress (if any) drops the rest of its bytes */
} json_lexer;

void json_lexer_init(json_lexer *lx);
/* Back to the start state; safe from inside the streamer's emit callback. */
void json_lexer_reset(json_lexer *lx);
void json_lexer_destroy(json_lexer *lx);
/* Scans bytes, handing each complete token to json_stream_token(s, ...). Returns how many
 * bytes it took: all of them, unless a reset from a callback dropped the rest. */
size_t json_lexer_feed(json_lexer *lx, json_stream *s, const char *buf, size_t len);
/* In the start state with no partial token: as after init or a reset. */
bool json_lexer_idle(const json_lexer *lx);
/* Ends the current token (QEMU's json_lexer_flush), then sends TOK_EOI. */
void json_lexer_flush(json_lexer *lx, json_stream *s);

/* ---- streamer (json_stream.c) ---- */
/* One token from the lexer; text[len] need not be NUL. */
void json_stream_token(json_stream *s, json_token_type type, const char *text, size_t len);

/* ---- parser (json_parser.c) ---- */
typedef struct json_token {
    json_token_type type;
    size_t off; /* into the text arena; the text is NUL-terminated there */
    size_t len;
} json_token;

/* Parses toks[0..n) (text in arena) as one value. On error returns NULL and appends the
 * full error text ("JSON parse error, ...") to err. */
json_value *json_parse_tokens(const json_token *toks, size_t n, const char *arena, strbuf *err);

/* ---- modified UTF-8 (json_value.c) ---- */
/* QEMU's mod_utf8_codepoint() over at most n bytes (n may exceed 6: only 6 are looked at).
 * Returns the code point or -1, and the number of bytes the sequence spans in *used
 * (0 only when n == 0 or s[0] == 0). */
int json_utf8_decode(const unsigned char *s, size_t n, size_t *used);
/* QEMU's validity rule: in range, not a surrogate, not a noncharacter. */
bool json_codepoint_valid(long cp);
/* Modified UTF-8 encoding of a valid code point (U+0000 -> C0 80). Returns the length. */
size_t json_utf8_encode(char *buf, long cp);

/* Allocation that aborts on failure. */
void *json_xmalloc(size_t n);
void *json_xrealloc(void *p, size_t n);
char *json_xstrdup(const char *s);

/* The blocks values are made of (json_block.c): freed through json_block_free with a size no
 * larger than the one they were allocated with (a string's length + 1, an array's capacity),
 * or with free(). Blocks up to JSON_BLOCK_MAX bytes are cached, at most JSON_BLOCK_KEEP of
 * each 16-byte size class. */
#define JSON_BLOCK_MAX  256
#define JSON_BLOCK_KEEP 1024
void *json_block_alloc(size_t n);
void json_block_free(void *p, size_t n);
void *json_block_realloc(void *p, size_t old_n, size_t n);
char *json_block_strndup(const char *s, size_t n);
/* How many blocks of n bytes' class wait in the cache. */
size_t json_block_cached(size_t n);
/* Returns every cached block to malloc (for leak checkers that want an empty heap). */
void json_block_drain(void);

/* Member lookup: returns the member index or -1. */
long json_object_find(const json_value *obj, const char *key);
uint32_t json_tdb_hash(const char *key);

#endif
