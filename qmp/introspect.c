/* query-qmp-schema: QEMU's SchemaInfo list built from qmp/schema.c, with QEMU's masking of
 * non-builtin type names as numbers (in order of first use). Commands allowed in preconfig
 * also carry "allow-preconfig": true, as the managed start-up document promises.
 * Must never list anything that is not in the current dialect's schema. */
#include <string.h>

#include "emu/dialect.h"
#include "qmp/commands.h"

#define MAX_TYPES 128

typedef struct introspector {
    const qtype *types[MAX_TYPES];
    int mask[MAX_TYPES]; /* QEMU's masked name: named types are numbered in order of use */
    int ntypes;
    int nmasked;
} introspector;

static bool is_builtin(const qtype *t)
{
    switch (t->kind) {
    case QT_ANY:
    case QT_NULL:
    case QT_STR:
    case QT_BOOL:
    case QT_NUMBER:
    case QT_INT:
    case QT_UINT8:
    case QT_UINT16:
    case QT_UINT32:
    case QT_UINT64:
    case QT_SIZE:
        return true;
    default:
        return false;
    }
}

static const char *json_type_of(const qtype *t)
{
    switch (t->kind) {
    case QT_ANY:
        return "value";
    case QT_NULL:
        return "null";
    case QT_STR:
        return "string";
    case QT_BOOL:
        return "boolean";
    case QT_NUMBER:
        return "number";
    default:
        return "int";
    }
}

static bool member_here(const qmember *m)
{
    return !m->dialects || (m->dialects & DIALECT_BIT(cur_dialect->id));
}

/* Returns the (possibly masked) name of t, registering it on first use. */
static json_value *type_ref(introspector *in, const qtype *t)
{
    int i;
    for (i = 0; i < in->ntypes; i++) {
        if (in->types[i] == t) {
            break;
        }
    }
    if (i == in->ntypes && in->ntypes < MAX_TYPES) {
        in->types[in->ntypes] = t;
        in->mask[in->ntypes++] = (is_builtin(t) || t->kind == QT_ARRAY) ? -1 : in->nmasked++;
    }
    if (is_builtin(t)) {
        return json_string(t->name);
    }
    strbuf sb;
    sb_init(&sb);
    if (t->kind == QT_ARRAY) {
        json_value *e = type_ref(in, t->elem);
        sb_printf(&sb, "[%s]", e->str.ptr);
        json_free(e);
    } else {
        sb_printf(&sb, "%d", i < in->ntypes ? in->mask[i] : -1);
    }
    json_value *v = json_string(sb.buf);
    sb_free(&sb);
    return v;
}

static json_value *members_list(introspector *in, const qmember *members)
{
    json_value *list = json_array();
    for (const qmember *m = members; m && m->name; m++) {
        if (!member_here(m)) {
            continue;
        }
        json_value *e = json_object();
        json_object_set_str(e, "name", m->name);
        if (m->optional) {
            json_object_set(e, "default", json_null());
        }
        json_object_set(e, "type", type_ref(in, m->type));
        json_array_append(list, e);
    }
    return list;
}

static json_value *type_info(introspector *in, const qtype *t)
{
    json_value *e = json_object();
    json_value *name = type_ref(in, t);
    json_object_set(e, "name", name);
    if (is_builtin(t)) {
        json_object_set_str(e, "meta-type", "builtin");
        json_object_set_str(e, "json-type", json_type_of(t));
        return e;
    }
    switch (t->kind) {
    case QT_ENUM: {
        json_object_set_str(e, "meta-type", "enum");
        json_value *values = json_array();
        json_value *members = json_array();
        for (int i = 0; t->values[i]; i++) {
            json_array_append(values, json_string(t->values[i]));
            json_value *m = json_object();
            json_object_set_str(m, "name", t->values[i]);
            json_array_append(members, m);
        }
        json_object_set(e, "values", values);
        if (cur_dialect->id != DIALECT_3_0) {
            json_object_set(e, "members", members);
        } else {
            json_free(members);
        }
        break;
    }
    case QT_ARRAY:
        json_object_set_str(e, "meta-type", "array");
        json_object_set(e, "element-type", type_ref(in, t->elem));
        break;
    case QT_OBJECT:
    case QT_UNION:
        json_object_set_str(e, "meta-type", "object");
        json_object_set(e, "members", members_list(in, t->members));
        if (t->kind == QT_UNION) {
            json_object_set_str(e, "tag", t->discriminator);
            json_value *vars = json_array();
            for (const qvariant *v = t->variants; v->tag; v++) {
                if (v->dialects && !(v->dialects & DIALECT_BIT(cur_dialect->id))) {
                    continue;
                }
                json_value *ve = json_object();
                json_object_set_str(ve, "case", v->tag);
                json_object_set(ve, "type", type_ref(in, v->type));
                json_array_append(vars, ve);
            }
            json_object_set(e, "variants", vars);
        }
        break;
    default:
        break;
    }
    return e;
}

static json_value *build_schema(void)
{
    introspector in = {.ntypes = 0, .nmasked = 0};
    json_value *list = json_array();
    for (int i = 0; i < qmp_command_count; i++) {
        const qmp_command *c = &qmp_commands[i];
        if (!qmp_command_in(c, cur_dialect)) {
            continue;
        }
        json_value *e = json_object();
        json_object_set_str(e, "name", c->name);
        json_object_set_str(e, "meta-type", "command");
        json_object_set(e, "arg-type", type_ref(&in, c->args ? c->args : &qmp_empty_type));
        json_object_set(e, "ret-type", type_ref(&in, c->ret));
        if (c->allow_oob) {
            json_object_set_bool(e, "allow-oob", true);
        }
        if (c->preconfig & DIALECT_BIT(cur_dialect->id)) {
            json_object_set_bool(e, "allow-preconfig", true);
        }
        if (c->unstable && cur_dialect->id != DIALECT_3_0) {
            json_value *f = json_array();
            json_array_append(f, json_string("unstable"));
            json_object_set(e, "features", f);
        }
        json_array_append(list, e);
    }
    for (int i = 0; i < qmp_event_count; i++) {
        json_value *e = json_object();
        json_object_set_str(e, "name", qmp_events[i].name);
        json_object_set_str(e, "meta-type", "event");
        json_object_set(e, "arg-type",
                        type_ref(&in, qmp_events[i].data ? qmp_events[i].data : &qmp_empty_type));
        json_array_append(list, e);
    }
    /* Types are described once each; describing one may register more (members). */
    for (int i = 0; i < in.ntypes; i++) {
        json_array_append(list, type_info(&in, in.types[i]));
    }
    return list;
}

/* The schema is a pure function of the dialect, and its text is the largest reply emu writes
 * (13 KB): it is built and written once per dialect, then handed out as that text. Clients
 * (fuzzers above all) ask for it again and again. */
void qmp_cmd_query_qmp_schema(qmp_request *req)
{
    static strbuf text[DIALECT__COUNT];
    strbuf *t = &text[cur_dialect->id];
    if (!t->len) {
        json_value *list = build_schema();
        json_write(t, list);
        json_free(list);
    }
    req->ret = json_raw(t->buf, t->len);
}
