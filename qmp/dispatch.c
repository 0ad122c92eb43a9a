/* Request checks and dispatch, in QEMU's order with QEMU's messages (spec §3.3, §3.4, §4.5):
 * shape, command lookup, disabled, exec-oob, the preconfig gate, arguments, then the handler.
 * Must never run a handler before every check passed, and never let a handler see arguments
 * that do not match the command's schema. */
#include "qmp/dispatch.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emu/machine.h"
#include "qmp/ghash_order.h"

/* ---- argument checking: QEMU's QObject input visitor, as a walk over the schema ---- */

typedef struct frame {
    const char *name; /* this container's name in its parent (NULL at the root) */
    bool is_list;
    unsigned index;
} frame;

#define MAX_FRAMES 32

typedef struct visit {
    frame stack[MAX_FRAMES];
    int depth;
    strbuf name;
    qmp_request *req;
    const dialect *d;
} visit;

/* QEMU's full_name(): "a.b[2].c" for the member being visited. */
static const char *full_name(visit *v, const char *name)
{
    const char *parts[MAX_FRAMES * 2 + 1];
    char idx[MAX_FRAMES][16];
    int n = 0;
    for (int i = v->depth - 1; i >= 0; i--) {
        frame *f = &v->stack[i];
        if (!f->is_list) {
            parts[n++] = name ? name : "<anonymous>";
            parts[n++] = ".";
        } else {
            snprintf(idx[i], sizeof(idx[i]), "[%u]", f->index);
            parts[n++] = idx[i];
        }
        name = f->name;
    }
    if (name) {
        parts[n++] = name;
    }
    sb_clear(&v->name);
    for (int i = n - 1; i >= 0; i--) {
        sb_puts(&v->name, parts[i]);
    }
    if (v->name.len && v->name.buf[0] == '.') {
        sb_consume(&v->name, 1);
    } else if (!v->name.len) {
        return "<anonymous>";
    }
    return v->name.buf;
}

static bool visit_value(visit *v, const qtype *t, const char *name, const json_value *val);

static bool type_error(visit *v, const char *name, const char *expected)
{
    qmp_fail(v->req, ERROR_CLASS_GENERIC_ERROR, "Invalid parameter type for '%s', expected: %s",
             full_name(v, name), expected);
    return false;
}

static bool member_in_dialect(const qmember *m, const dialect *d)
{
    return !m->dialects || (m->dialects & DIALECT_BIT(d->id));
}

/* Which members of an object the visitor consumed, in order. */
typedef struct consumed {
    size_t *seq;
    size_t n;
} consumed;

/* Visits members of one object level, recording each key it consumes. */
static bool visit_members(visit *v, const qmember *members, const json_value *obj, consumed *c)
{
    for (const qmember *m = members; m && m->name; m++) {
        if (!member_in_dialect(m, v->d)) {
            continue;
        }
        const json_value *mv = NULL;
        for (size_t i = 0; i < obj->obj.len; i++) {
            if (!strcmp(obj->obj.members[i].key, m->name)) {
                mv = obj->obj.members[i].value;
                c->seq[c->n++] = i;
                break;
            }
        }
        if (!mv) {
            if (m->optional) {
                continue;
            }
            qmp_fail(v->req, ERROR_CLASS_GENERIC_ERROR, "Parameter '%s' is missing",
                     full_name(v, m->name));
            return false;
        }
        if (!visit_value(v, m->type, m->name, mv)) {
            return false;
        }
    }
    return true;
}

static bool visit_struct(visit *v, const qtype *t, const char *name, const json_value *val)
{
    if (val->kind != JSON_OBJECT) {
        return type_error(v, name, "object");
    }
    if (v->depth >= MAX_FRAMES) {
        return type_error(v, name, "object");
    }
    v->stack[v->depth++] = (frame){.name = name, .is_list = false};
    consumed c = {.seq = malloc((val->obj.len ? val->obj.len : 1) * sizeof(size_t)), .n = 0};
    bool ok = visit_members(v, t->members, val, &c);
    if (ok && t->kind == QT_UNION) {
        const json_value *tag = json_object_get(val, t->discriminator);
        for (const qvariant *var = t->variants; tag && var->tag; var++) {
            if (!strcmp(var->tag, tag->str.ptr)) {
                ok = visit_members(v, var->type->members, val, &c);
                break;
            }
        }
    }
    if (ok) {
        /* QEMU names the first leftover key its GLib hash table iterator finds. */
        long k = c.n < val->obj.len ? ghash_first_remaining(val, c.seq, c.n) : -1;
        if (k >= 0) {
            qmp_fail(v->req, ERROR_CLASS_GENERIC_ERROR, "Parameter '%s' is unexpected",
                     full_name(v, val->obj.members[k].key));
            ok = false;
        }
    }
    free(c.seq);
    v->depth--;
    return ok;
}

static bool visit_uint(visit *v, const char *name, const json_value *val, uint64_t max,
                       const char *ctype)
{
    uint64_t u;
    if (val->kind == JSON_INT) {
        u = (uint64_t)val->i; /* QEMU accepts negatives for backward compatibility */
    } else if (val->kind == JSON_UINT) {
        u = val->u;
    } else {
        qmp_fail(v->req, ERROR_CLASS_GENERIC_ERROR, "Parameter '%s' expects uint64",
                 full_name(v, name));
        return false;
    }
    if (u > max) {
        /* QEMU's range check uses the bare name ("null" for a list element). */
        qmp_fail(v->req, ERROR_CLASS_GENERIC_ERROR, "Parameter '%s' expects %s",
                 name ? name : "null", ctype);
        return false;
    }
    return true;
}

static bool visit_value(visit *v, const qtype *t, const char *name, const json_value *val)
{
    switch (t->kind) {
    case QT_ANY:
        return true;
    case QT_NULL:
        return val->kind == JSON_NULL || type_error(v, name, "null");
    case QT_STR:
        return val->kind == JSON_STRING || type_error(v, name, "string");
    case QT_BOOL:
        return val->kind == JSON_BOOL || type_error(v, name, "boolean");
    case QT_NUMBER:
        return val->kind == JSON_INT || val->kind == JSON_UINT || val->kind == JSON_DOUBLE ||
               type_error(v, name, "number");
    case QT_INT:
        return val->kind == JSON_INT || type_error(v, name, "integer");
    case QT_UINT8:
        return visit_uint(v, name, val, UINT8_MAX, "uint8_t");
    case QT_UINT16:
        return visit_uint(v, name, val, UINT16_MAX, "uint16_t");
    case QT_UINT32:
        return visit_uint(v, name, val, UINT32_MAX, "uint32_t");
    case QT_UINT64:
    case QT_SIZE:
        return visit_uint(v, name, val, UINT64_MAX, "uint64");
    case QT_ENUM:
        if (val->kind != JSON_STRING) {
            return type_error(v, name, "string");
        }
        if (qapi_enum_index(t->values, val->str.ptr) < 0) {
            qmp_fail(v->req, ERROR_CLASS_GENERIC_ERROR, "Parameter '%s' does not accept value '%s'",
                     name ? name : "null", val->str.ptr);
            return false;
        }
        return true;
    case QT_ARRAY: {
        if (val->kind != JSON_ARRAY) {
            return type_error(v, name, "array");
        }
        if (v->depth >= MAX_FRAMES) {
            return type_error(v, name, "array");
        }
        frame *f = &v->stack[v->depth++];
        *f = (frame){.name = name, .is_list = true, .index = 0};
        bool ok = true;
        for (size_t i = 0; ok && i < val->arr.len; i++) {
            f->index = (unsigned)i;
            ok = visit_value(v, t->elem, NULL, val->arr.items[i]);
        }
        v->depth--;
        return ok;
    }
    case QT_OBJECT:
    case QT_UNION:
        return visit_struct(v, t, name, val);
    }
    return false;
}

static const qtype no_args_type = {.kind = QT_OBJECT, .name = "q_empty", .members = NULL};

bool qmp_check_args(const qmp_command *cmd, const json_value *args, qmp_request *req)
{
    visit v = {.depth = 0, .req = req, .d = cur_dialect};
    sb_init(&v.name);
    bool ok = visit_struct(&v, cmd->args ? cmd->args : &no_args_type, NULL, args);
    sb_free(&v.name);
    return ok;
}

/* ---- the request checks ---- */

/* QEMU's qmp_dispatch_check_obj: members in QDict order. */
static bool check_obj(const json_value *dict, bool allow_oob, qmp_request *req)
{
    size_t n = dict->obj.len;
    size_t stack_order[16];
    size_t *order = n <= 16 ? stack_order : malloc(n * sizeof(size_t));
    json_object_qdict_order(dict, order);
    bool has_exec_key = false;
    const char *first_exec = NULL;
    bool ok = true;
    for (size_t k = 0; ok && k < n; k++) {
        const json_member *m = &dict->obj.members[order[k]];
        if (!strcmp(m->key, "execute") || (!strcmp(m->key, "exec-oob") && allow_oob)) {
            if (m->value->kind != JSON_STRING) {
                qmp_fail(req, ERROR_CLASS_GENERIC_ERROR, "QMP input member '%s' must be a string",
                         m->key);
                ok = false;
            } else if (has_exec_key) {
                qmp_fail(req, ERROR_CLASS_GENERIC_ERROR, "QMP input member '%s' clashes with '%s'",
                         m->key, first_exec);
                ok = false;
            } else {
                has_exec_key = true;
                first_exec = m->key;
            }
        } else if (!strcmp(m->key, "arguments")) {
            if (m->value->kind != JSON_OBJECT) {
                qmp_fail(req, ERROR_CLASS_GENERIC_ERROR,
                         "QMP input member 'arguments' must be an object");
                ok = false;
            }
        } else if (strcmp(m->key, "id") != 0) {
            qmp_fail(req, ERROR_CLASS_GENERIC_ERROR, "QMP input member '%s' is unexpected", m->key);
            ok = false;
        }
    }
    if (order != stack_order) {
        free(order);
    }
    if (ok && !has_exec_key) {
        qmp_fail(req, ERROR_CLASS_GENERIC_ERROR, "QMP input lacks member 'execute'");
        ok = false;
    }
    return ok;
}

qmp_dispatch_hook qmp_before_handler;

void qmp_dispatch_reply(qmp_session *s, const json_value *request, qmp_reply *r)
{
    const dialect *d = cur_dialect;
    qmp_request req = {.session = s, .args = NULL, .ret = NULL, .err_desc = NULL};
    json_value *empty_args = NULL;
    *r = (qmp_reply){0};

    if (request->kind != JSON_OBJECT) {
        qmp_fail(&req, ERROR_CLASS_GENERIC_ERROR, "QMP input must be a JSON object");
        goto out;
    }
    r->id = json_object_get(request, "id");
    if (!check_obj(request, s->oob_enabled, &req)) {
        goto out;
    }
    const json_value *exec = json_object_get(request, "execute");
    bool oob = false;
    if (!exec) {
        exec = json_object_get(request, "exec-oob");
        oob = true;
    }
    const char *name = exec->str.ptr;
    /* Before negotiation the only command table is qmp_capabilities (QEMU's
     * qmp_cap_negotiation_commands). */
    const qmp_command *cmd = qmp_find_command(d, name);
    if (cmd && !s->negotiated && strcmp(cmd->name, "qmp_capabilities") != 0) {
        cmd = NULL;
    }
    if (!cmd) {
        qmp_fail(&req, ERROR_CLASS_COMMAND_NOT_FOUND, "The command %s has not been found", name);
        goto out;
    }
    if (oob && !cmd->allow_oob) {
        qmp_fail(&req, ERROR_CLASS_GENERIC_ERROR, "The command %s does not support OOB", name);
        goto out;
    }
    if (!(cmd->preconfig & DIALECT_BIT(d->id)) && !machine_phase_ready()) {
        qmp_fail(&req, ERROR_CLASS_GENERIC_ERROR, d->gate_fmt, cmd->name);
        goto out;
    }
    const json_value *args = json_object_get(request, "arguments");
    if (!args) {
        args = empty_args = json_object();
    }
    if (!qmp_check_args(cmd, args, &req)) {
        goto out;
    }
    req.args = args;
    if (qmp_before_handler) {
        qmp_before_handler(cmd);
    }
    cmd->fn(&req);

out:
    json_free(empty_args);
    if (req.err_desc) {
        json_free(req.ret);
        r->err_class = req.err_class;
        r->err_desc = req.err_desc;
        /* QEMU rewrites every CommandNotFound before negotiation. */
        if (s && !s->negotiated && req.err_class == ERROR_CLASS_COMMAND_NOT_FOUND) {
            r->err_desc = "Expecting capabilities negotiation with 'qmp_capabilities'";
        }
    } else {
        r->ret = req.ret ? req.ret : json_object();
    }
}

json_value *qmp_dispatch(qmp_session *s, const json_value *request)
{
    qmp_reply r;
    qmp_dispatch_reply(s, request, &r);
    return qmp_reply_value(&r);
}
