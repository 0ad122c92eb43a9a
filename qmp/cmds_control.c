/* Monitor-control commands: capabilities negotiation, query-commands, query-version.
 * Must never touch the machine. */
#include <stdlib.h>
#include <string.h>

#include "emu/dialect.h"
#include "qmp/commands.h"

void qmp_cmd_qmp_capabilities(qmp_request *req)
{
    qmp_session *s = req->session;
    if (s->negotiated) {
        qmp_fail(req, ERROR_CLASS_COMMAND_NOT_FOUND,
                 "Capabilities negotiation is already complete, command ignored");
        return;
    }
    const json_value *enable = json_object_get(req->args, "enable");
    bool want_oob = false;
    strbuf unavailable;
    sb_init(&unavailable);
    for (size_t i = 0; enable && i < enable->arr.len; i++) {
        /* "oob" is the only capability; the schema already rejected other values. */
        if (!s->oob_offered) {
            sb_puts(&unavailable, unavailable.len ? ", oob" : "oob");
        }
        want_oob = true;
    }
    if (unavailable.len) {
        qmp_fail(req, ERROR_CLASS_GENERIC_ERROR, "Capability %s not available", unavailable.buf);
        sb_free(&unavailable);
        return;
    }
    sb_free(&unavailable);
    s->oob_enabled = want_oob;
    s->negotiated = true;
}

void qmp_cmd_query_commands(qmp_request *req)
{
    json_value *list = json_array();
    for (int i = 0; i < qmp_command_count; i++) {
        if (qmp_command_in(&qmp_commands[i], cur_dialect)) {
            json_value *ci = json_object();
            json_object_set_str(ci, "name", qmp_commands[i].name);
            json_array_append(list, ci);
        }
    }
    req->ret = list;
}

json_value *qmp_version_info(void)
{
    json_value *q = json_object();
    json_object_set_int(q, "major", cur_dialect->major);
    json_object_set_int(q, "minor", cur_dialect->minor);
    json_object_set_int(q, "micro", cur_dialect->micro);
    json_value *v = json_object();
    json_object_set(v, "qemu", q);
    json_object_set_str(v, "package", EMU_PACKAGE);
    return v;
}

void qmp_cmd_query_version(qmp_request *req)
{
    req->ret = qmp_version_info();
}
