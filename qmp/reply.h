/* QMP replies: what a request came to, written as bytes or built as a value.
 * Must never depend on anything but the reply (and the keys' QDict order). */
#ifndef QMP_REPLY_H
#define QMP_REPLY_H

#include "emu/strbuf.h"
#include "qmp/schema.h"

/* What a request came to, before it is written: a return value or an error, and the
 * request's id. */
typedef struct qmp_reply {
    json_value *ret;       /* on success (owned; never NULL then); NULL on failure */
    error_class err_class; /* on failure */
    const char *err_desc;  /* on failure; valid until the next request is dispatched */
    const json_value *id;  /* the request's id (the request's own value), or NULL */
} qmp_reply;

/* {"error": {"class": ..., "desc": ...}} */
json_value *qmp_error_response(error_class cls, const char *desc);
/* The response object's bytes, as json_write() of qmp_dispatch()'s value gives them (members
 * in QDict order), without building it: most replies under a fuzzer or a confused client are
 * errors, and building, writing and freeing an object cost more than its bytes. */
void qmp_write_reply(strbuf *out, const qmp_reply *r);
/* The response object ({"return"...} or {"error"...}, with "id" when the request had one);
 * it takes r's return value. */
json_value *qmp_reply_value(qmp_reply *r);
void qmp_reply_free(qmp_reply *r);

#endif
