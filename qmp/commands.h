/* Handlers of every command in the schema. Control commands live in qmp/; the ones that act
 * on the machine and its runstate live in emu/. Must never be called except by dispatch. */
#ifndef QMP_COMMANDS_H
#define QMP_COMMANDS_H

#include "qmp/schema.h"

/* qmp/cmds_control.c */
void qmp_cmd_qmp_capabilities(qmp_request *req);
void qmp_cmd_query_commands(qmp_request *req);
void qmp_cmd_query_version(qmp_request *req);
/* qmp/introspect.c */
void qmp_cmd_query_qmp_schema(qmp_request *req);
/* emu/qmp_cmds_machine.c */
void qmp_cmd_query_status(qmp_request *req);
void qmp_cmd_query_name(qmp_request *req);
void qmp_cmd_query_uuid(qmp_request *req);
void qmp_cmd_query_target(qmp_request *req);
void qmp_cmd_query_machines(qmp_request *req);
void qmp_cmd_query_kvm(qmp_request *req);
void qmp_cmd_query_cpus_fast(qmp_request *req);
void qmp_cmd_query_hotpluggable_cpus(qmp_request *req);
void qmp_cmd_query_iothreads(qmp_request *req);
void qmp_cmd_query_memdev(qmp_request *req);
void qmp_cmd_x_exit_preconfig(qmp_request *req);
void qmp_cmd_set_numa_node(qmp_request *req);
void qmp_cmd_cont(qmp_request *req);
void qmp_cmd_stop(qmp_request *req);
void qmp_cmd_system_reset(qmp_request *req);
void qmp_cmd_system_powerdown(qmp_request *req);
void qmp_cmd_system_wakeup(qmp_request *req);
void qmp_cmd_quit(qmp_request *req);
void qmp_cmd_set_action(qmp_request *req);
/* qmp/chardev.c */
void qmp_cmd_query_chardev(qmp_request *req);

/* VersionInfo of the dialect (greeting, query-version). */
json_value *qmp_version_info(void);

/* The version string in greetings and query-version. */
#define EMU_VERSION "0.1.0"
#define EMU_PACKAGE "emu " EMU_VERSION

#endif
