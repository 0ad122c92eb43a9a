/* QMP replies as bytes and as values: {"return": ...} or {"error": {"class", "desc"}}, with
 * the request's "id", members in QEMU's QDict order. The bytes are written without building
 * the value, and must always equal json_write() of the value (test_dispatch checks every
 * reply it sees both ways). Must never write anything but the one reply object. */
#include "qmp/reply.h"

#include <string.h>

#include "qmp/json.h"

json_value *qmp_error_response(error_class cls, const char *desc)
{
    json_value *err = json_object();
    json_object_set_str(err, "class", error_class_names[cls]);
    json_object_set_str(err, "desc", desc);
    json_value *rsp = json_object();
    json_object_set(rsp, "error", err);
    return rsp;
}

/* Whether `first` comes before `second` in a QDict that got `first` first: buckets ascending,
 * and in one bucket the newer key first. */
static bool qdict_keeps_order(const char *first, const char *second)
{
    return json_qdict_bucket(first) < json_qdict_bucket(second);
}

/* The members' orders depend on the key names alone, and an error member is the same bytes
 * around its desc for every reply of its class: both worked out once. */
static struct {
    bool known;
    bool return_first; /* "return" before "id" */
    bool error_first;  /* "error" before "id" */
    /* "error": {"class": ..., "desc": (desc) } or "error": {"desc": (desc) , "class": ...} */
    strbuf error_head[ERROR_CLASS_COUNT], error_tail[ERROR_CLASS_COUNT];
} shape;

static void know_reply_shape(void)
{
    if (shape.known) {
        return;
    }
    shape.return_first = qdict_keeps_order("return", "id");
    shape.error_first = qdict_keeps_order("error", "id");
    bool class_first = qdict_keeps_order("class", "desc");
    for (int cls = 0; cls < ERROR_CLASS_COUNT; cls++) {
        strbuf *head = &shape.error_head[cls], *tail = &shape.error_tail[cls];
        const char *name = error_class_names[cls];
        sb_puts(head, "\"error\": {");
        if (class_first) {
            sb_puts(head, "\"class\": ");
            json_write_string(head, name, strlen(name));
            sb_puts(head, ", \"desc\": ");
            sb_putc(tail, '}');
        } else {
            sb_puts(head, "\"desc\": ");
            sb_puts(tail, ", \"class\": ");
            json_write_string(tail, name, strlen(name));
            sb_putc(tail, '}');
        }
    }
    shape.known = true;
}

void qmp_write_reply(strbuf *out, const qmp_reply *r)
{
    know_reply_shape();
    bool id_first = r->id && !(r->ret ? shape.return_first : shape.error_first);
    sb_putc(out, '{');
    if (id_first) {
        sb_put(out, "\"id\": ", 6);
        json_write(out, r->id);
        sb_put(out, ", ", 2);
    }
    if (r->ret) {
        sb_put(out, "\"return\": ", 10);
        json_write(out, r->ret);
    } else {
        const strbuf *head = &shape.error_head[r->err_class];
        const strbuf *tail = &shape.error_tail[r->err_class];
        sb_put(out, head->buf, head->len);
        json_write_string(out, r->err_desc, strlen(r->err_desc));
        sb_put(out, tail->buf, tail->len);
    }
    if (r->id && !id_first) {
        sb_put(out, ", \"id\": ", 8);
        json_write(out, r->id);
    }
    sb_putc(out, '}');
}

void qmp_reply_free(qmp_reply *r)
{
    json_free(r->ret);
    r->ret = NULL;
}

json_value *qmp_reply_value(qmp_reply *r)
{
    json_value *rsp;
    if (r->ret) {
        rsp = json_object();
        json_object_set(rsp, "return", r->ret);
        r->ret = NULL;
    } else {
        rsp = qmp_error_response(r->err_class, r->err_desc);
    }
    if (r->id) {
        json_object_set(rsp, "id", json_clone(r->id));
    }
    return rsp;
}
