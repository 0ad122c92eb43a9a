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

/* The members' orders depend on the key names alone: worked out once. */
static struct {
    bool known;
    bool class_first;  /* "class" before "desc" */
    bool return_first; /* "return" before "id" */
    bool error_first;  /* "error" before "id" */
} reply_order;

static void know_reply_order(void)
{
    if (!reply_order.known) {
        reply_order.class_first = qdict_keeps_order("class", "desc");
        reply_order.return_first = qdict_keeps_order("return", "id");
        reply_order.error_first = qdict_keeps_order("error", "id");
        reply_order.known = true;
    }
}

static void write_error_object(strbuf *out, error_class cls, const char *desc)
{
    const char *name = error_class_names[cls];
    sb_putc(out, '{');
    for (int k = 0; k < 2; k++) {
        if (k) {
            sb_put(out, ", ", 2);
        }
        if ((k == 0) == reply_order.class_first) {
            sb_put(out, "\"class\": ", 9);
            json_write_string(out, name, strlen(name));
        } else {
            sb_put(out, "\"desc\": ", 8);
            json_write_string(out, desc, strlen(desc));
        }
    }
    sb_putc(out, '}');
}

void qmp_write_reply(strbuf *out, const qmp_reply *r)
{
    know_reply_order();
    bool id_first = r->id && !(r->ret ? reply_order.return_first : reply_order.error_first);
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
        sb_put(out, "\"error\": ", 9);
        write_error_object(out, r->err_class, r->err_desc);
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
