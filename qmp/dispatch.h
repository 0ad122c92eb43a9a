/* QMP request dispatch: QEMU's checks in QEMU's order, then the command's handler.
 * Must never let an unchecked request reach a handler. */
#ifndef QMP_DISPATCH_H
#define QMP_DISPATCH_H

#include "qmp/reply.h"
#include "qmp/schema.h"

/* Checks and runs one parsed request. r->id points into request, which must outlive r. */
void qmp_dispatch_reply(qmp_session *s, const json_value *request, qmp_reply *r);
/* qmp_dispatch_reply() then qmp_reply_value(): never NULL. */
json_value *qmp_dispatch(qmp_session *s, const json_value *request);

/* Argument checking alone (exposed for tests): fills req's error on failure. */
bool qmp_check_args(const qmp_command *cmd, const json_value *args, qmp_request *req);

/* Test/fuzz oracle hook: called right before a handler runs. */
typedef void (*qmp_dispatch_hook)(const qmp_command *cmd);
extern qmp_dispatch_hook qmp_before_handler;

#endif
