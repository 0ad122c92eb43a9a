/* Unit tests of QMP request checking: QEMU's check order (spec §3.3), argument errors (§3.4),
 * the preconfig gate of each dialect (§4.5) and negotiation rewriting (§3.2), through
 * qmp_dispatch() with real parsed requests. Must never depend on a running main loop. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "emu/dialect.h"
#include "emu/machine.h"
#include "emu/runstate.h"
#include "qmp/dispatch.h"
#include "qmp/monitor.h"

static int handlers_run;
static void count_handler(const qmp_command *cmd)
{
    (void)cmd;
    handlers_run++;
}

static qmp_session sess;

static void setup_dialect(dialect_id id, bool negotiated, bool oob)
{
    cur_dialect = &dialects[id];
    runstate_init(cur_dialect);
    machine_reset_state();
    machine_cfg.mc = machine_find("none");
    sess = (qmp_session){.negotiated = negotiated, .oob_offered = oob, .oob_enabled = oob};
    handlers_run = 0;
    qmp_before_handler = count_handler;
}

/* Dispatches one request text and returns the response text (malloc'd). The monitor writes
 * replies without building them: every reply here is checked to be written with exactly the
 * bytes of the response object. */
static char *run(const char *request)
{
    char *err = NULL;
    json_value *req = json_parse(request, strlen(request), &err);
    if (!req) {
        fail_msg("test request does not parse: %s: %s", request, err);
    }
    qmp_reply r;
    qmp_dispatch_reply(&sess, req, &r);
    strbuf direct;
    sb_init(&direct);
    qmp_write_reply(&direct, &r);
    json_value *rsp = qmp_reply_value(&r);
    char *text = json_to_string(rsp);
    if (strcmp(direct.buf, text) != 0) {
        fail_msg("reply written directly: %s\nas a value: %s", direct.buf, text);
    }
    sb_free(&direct);
    qmp_reply_free(&r);
    json_free(req);
    json_free(rsp);
    return text;
}

#define EXPECT(request, response)                                                                  \
    do {                                                                                           \
        char *got_ = run(request);                                                                 \
        assert_string_equal(got_, response);                                                       \
        free(got_);                                                                                \
    } while (0)

static void test_shape_checks(void **state)
{
    (void)state;
    setup_dialect(DIALECT_7_2, true, false);
    EXPECT("null", "{\"error\": {\"class\": \"GenericError\", \"desc\": \"QMP input must be a JSON "
                   "object\"}}");
    EXPECT("[1]", "{\"error\": {\"class\": \"GenericError\", \"desc\": \"QMP input must be a JSON "
                  "object\"}}");
    EXPECT("{\"execute\": true, \"id\": 7}",
           "{\"id\": 7, \"error\": {\"class\": \"GenericError\", \"desc\": \"QMP input member "
           "'execute' must be a string\"}}");
    /* step 3 (arguments shape) comes before step 5 (command lookup) */
    EXPECT("{\"execute\": \"no-such-cmd\", \"arguments\": []}",
           "{\"error\": {\"class\": \"GenericError\", \"desc\": \"QMP input member 'arguments' "
           "must be an object\"}}");
    EXPECT("{\"execute\": \"no-such-cmd\", \"extra\": true}",
           "{\"error\": {\"class\": \"GenericError\", \"desc\": \"QMP input member 'extra' is "
           "unexpected\"}}");
    EXPECT("{\"id\": \"x\"}", "{\"id\": \"x\", \"error\": {\"class\": \"GenericError\", \"desc\": "
                              "\"QMP input lacks member 'execute'\"}}");
    EXPECT("{}", "{\"error\": {\"class\": \"GenericError\", \"desc\": \"QMP input lacks member "
                 "'execute'\"}}");
    EXPECT("{\"execute\": \"no-such-cmd\", \"id\": [1, {\"a\": null}]}",
           "{\"id\": [1, {\"a\": null}], \"error\": {\"class\": \"CommandNotFound\", \"desc\": "
           "\"The command no-such-cmd has not been found\"}}");
    assert_int_equal(handlers_run, 0);
}

static void test_exec_oob(void **state)
{
    (void)state;
    setup_dialect(DIALECT_7_2, true, false);
    /* without OOB enabled, exec-oob is just an unexpected member */
    EXPECT("{\"exec-oob\": \"query-status\"}",
           "{\"error\": {\"class\": \"GenericError\", \"desc\": \"QMP input member 'exec-oob' is "
           "unexpected\"}}");
    setup_dialect(DIALECT_7_2, true, true);
    EXPECT("{\"exec-oob\": \"query-status\", \"id\": 1}",
           "{\"id\": 1, \"error\": {\"class\": \"GenericError\", \"desc\": \"The command "
           "query-status does not support OOB\"}}");
    EXPECT("{\"exec-oob\": 3}", "{\"error\": {\"class\": \"GenericError\", \"desc\": \"QMP input "
                                "member 'exec-oob' must be a string\"}}");
    assert_int_equal(handlers_run, 0);
}

static void test_negotiation(void **state)
{
    (void)state;
    setup_dialect(DIALECT_7_2, false, true);
    EXPECT("{\"execute\": \"query-status\", \"id\": 1}",
           "{\"id\": 1, \"error\": {\"class\": \"CommandNotFound\", \"desc\": \"Expecting "
           "capabilities negotiation with 'qmp_capabilities'\"}}");
    EXPECT("{\"execute\": \"bogus\"}",
           "{\"error\": {\"class\": \"CommandNotFound\", \"desc\": \"Expecting capabilities "
           "negotiation with 'qmp_capabilities'\"}}");
    /* shape errors keep their own text before negotiation */
    EXPECT("{\"execute\": \"bogus\", \"x\": 1}",
           "{\"error\": {\"class\": \"GenericError\", \"desc\": \"QMP input member 'x' is "
           "unexpected\"}}");
    EXPECT("{\"execute\": \"qmp_capabilities\", \"arguments\": {\"enable\": [\"foo\"]}}",
           "{\"error\": {\"class\": \"GenericError\", \"desc\": \"Parameter 'null' does not "
           "accept value 'foo'\"}}");
    assert_false(sess.negotiated);
    EXPECT("{\"execute\": \"qmp_capabilities\"}", "{\"return\": {}}");
    assert_true(sess.negotiated);
    EXPECT("{\"execute\": \"qmp_capabilities\"}",
           "{\"error\": {\"class\": \"CommandNotFound\", \"desc\": \"Capabilities negotiation is "
           "already complete, command ignored\"}}");
    /* 3.0 offers no capability */
    setup_dialect(DIALECT_3_0, false, false);
    EXPECT("{\"execute\": \"qmp_capabilities\", \"arguments\": {\"enable\": [\"oob\"]}}",
           "{\"error\": {\"class\": \"GenericError\", \"desc\": \"Capability oob not "
           "available\"}}");
    assert_false(sess.negotiated);
}

static void test_argument_errors(void **state)
{
    (void)state;
    setup_dialect(DIALECT_7_2, true, false);
    EXPECT("{\"execute\": \"query-status\", \"arguments\": {\"x\": 1}}",
           "{\"error\": {\"class\": \"GenericError\", \"desc\": \"Parameter 'x' is "
           "unexpected\"}}");
    EXPECT("{\"execute\": \"qmp_capabilities\", \"arguments\": {\"enable\": 1}}",
           "{\"error\": {\"class\": \"GenericError\", \"desc\": \"Invalid parameter type for "
           "'enable', expected: array\"}}");
    EXPECT("{\"execute\": \"qmp_capabilities\", \"arguments\": {\"enable\": [1]}}",
           "{\"error\": {\"class\": \"GenericError\", \"desc\": \"Invalid parameter type for "
           "'enable[0]', expected: string\"}}");
    EXPECT("{\"execute\": \"set-numa-node\", \"arguments\": {}}",
           "{\"error\": {\"class\": \"GenericError\", \"desc\": \"Parameter 'type' is "
           "missing\"}}");
    EXPECT("{\"execute\": \"set-numa-node\", \"arguments\": {\"type\": \"bogus\"}}",
           "{\"error\": {\"class\": \"GenericError\", \"desc\": \"Parameter 'type' does not "
           "accept value 'bogus'\"}}");
    EXPECT("{\"execute\": \"set-numa-node\", \"arguments\": {\"type\": \"node\", \"nodeid\": "
           "70000}}",
           "{\"error\": {\"class\": \"GenericError\", \"desc\": \"Parameter 'nodeid' expects "
           "uint16_t\"}}");
    EXPECT("{\"execute\": \"set-numa-node\", \"arguments\": {\"type\": \"node\", \"nodeid\": "
           "\"a\"}}",
           "{\"error\": {\"class\": \"GenericError\", \"desc\": \"Parameter 'nodeid' expects "
           "uint64\"}}");
    /* member type errors come before unexpected members */
    EXPECT("{\"execute\": \"set-numa-node\", \"arguments\": {\"type\": \"node\", \"x\": 1, "
           "\"cpus\": \"a\"}}",
           "{\"error\": {\"class\": \"GenericError\", \"desc\": \"Invalid parameter type for "
           "'cpus', expected: array\"}}");
    EXPECT("{\"execute\": \"set-numa-node\", \"arguments\": {\"type\": \"dist\", \"src\": 0}}",
           "{\"error\": {\"class\": \"GenericError\", \"desc\": \"Parameter 'dst' is "
           "missing\"}}");
    EXPECT("{\"execute\": \"set-numa-node\", \"arguments\": {\"type\": \"dist\", \"src\": 0, "
           "\"dst\": 1, \"val\": 256}}",
           "{\"error\": {\"class\": \"GenericError\", \"desc\": \"Parameter 'val' expects "
           "uint8_t\"}}");
    EXPECT("{\"execute\": \"set-action\", \"arguments\": {\"panic\": null}}",
           "{\"error\": {\"class\": \"GenericError\", \"desc\": \"Invalid parameter type for "
           "'panic', expected: string\"}}");
    EXPECT("{\"execute\": \"set-action\", \"arguments\": {\"shutdown\": \"pause\", \"reboot\": "
           "\"bad\"}}",
           "{\"error\": {\"class\": \"GenericError\", \"desc\": \"Parameter 'reboot' does not "
           "accept value 'bad'\"}}");
    assert_int_equal(handlers_run, 0);
}

static void test_gate_before_arguments(void **state)
{
    (void)state;
    setup_dialect(DIALECT_7_2, true, false);
    /* machine not built yet: the preconfig phase */
    EXPECT("{\"execute\": \"cont\", \"arguments\": {\"bad\": 1}, \"id\": \"g\"}",
           "{\"id\": \"g\", \"error\": {\"class\": \"GenericError\", \"desc\": \"The command "
           "'cont' is permitted only after machine initialization has completed\"}}");
    EXPECT("{\"execute\": \"query-cpus-fast\"}",
           "{\"error\": {\"class\": \"GenericError\", \"desc\": \"The command 'query-cpus-fast' "
           "is permitted only after machine initialization has completed\"}}");
    assert_int_equal(handlers_run, 0);
    EXPECT("{\"execute\": \"query-status\"}",
           "{\"return\": {\"status\": \"prelaunch\", \"singlestep\": false, \"running\": false}}");
    assert_int_equal(handlers_run, 1);
    EXPECT("{\"execute\": \"query-status\", \"id\": {\"n\": 1.5}}",
           "{\"return\": {\"status\": \"prelaunch\", \"singlestep\": false, \"running\": false}, "
           "\"id\": {\"n\": 1.5}}");

    setup_dialect(DIALECT_3_0, true, false);
    EXPECT("{\"execute\": \"quit\"}", "{\"error\": {\"class\": \"GenericError\", \"desc\": \"The "
                                      "command 'quit' isn't permitted in 'preconfig' state\"}}");
    EXPECT("{\"execute\": \"query-status\"}",
           "{\"return\": {\"status\": \"preconfig\", \"singlestep\": false, \"running\": false}}");
    /* set-action does not exist in 3.0 */
    EXPECT("{\"execute\": \"set-action\"}",
           "{\"error\": {\"class\": \"CommandNotFound\", \"desc\": \"The command set-action has "
           "not been found\"}}");
}

static void test_gate_lists(void **state)
{
    (void)state;
    /* spec §4.4: every command of the dialect is either allowed or gated, as listed */
    static const char *const allowed_30[] = {
        "qmp_capabilities",
        "query-commands",
        "query-qmp-schema",
        "query-status",
        "x-exit-preconfig",
        "exit-preconfig",
        "query-hotpluggable-cpus",
        "set-numa-node",
        "query-chardev",
        "query-version",
        "query-name",
        "query-uuid",
        "query-iothreads",
        "query-memdev",
        NULL,
    };
    static const char *const allowed_72[] = {
        "qmp_capabilities", "query-commands",
        "query-qmp-schema", "query-status",
        "x-exit-preconfig", "query-hotpluggable-cpus",
        "set-numa-node",    "query-chardev",
        "query-version",    "query-name",
        "query-uuid",       "query-iothreads",
        "query-memdev",     "quit",
        "set-action",       NULL,
    };
    for (int d = 0; d < DIALECT__COUNT; d++) {
        const char *const *allowed = d == DIALECT_3_0 ? allowed_30 : allowed_72;
        for (int i = 0; i < qmp_command_count; i++) {
            const qmp_command *c = &qmp_commands[i];
            if (!qmp_command_in(c, &dialects[d])) {
                continue;
            }
            bool listed = false;
            for (int k = 0; allowed[k]; k++) {
                listed |= !strcmp(allowed[k], c->name);
            }
            if (listed != !!(c->preconfig & DIALECT_BIT(d))) {
                fail_msg("%s in %s: allow-preconfig should be %d", c->name, dialects[d].name,
                         listed);
            }
        }
    }
}

/* qmp_find_command() finds every row by its name in the dialects that have it, and nothing
 * else: names unique over all rows, a name that sorts between two rows, and a prefix. */
static void test_command_lookup(void **state)
{
    (void)state;
    for (int d = 0; d < DIALECT__COUNT; d++) {
        for (int i = 0; i < qmp_command_count; i++) {
            const qmp_command *c = &qmp_commands[i];
            const qmp_command *found = qmp_find_command(&dialects[d], c->name);
            if (found != (qmp_command_in(c, &dialects[d]) ? c : NULL)) {
                fail_msg("%s in %s: lookup gave %s", c->name, dialects[d].name,
                         found ? found->name : "nothing");
            }
            for (int j = 0; j < i; j++) {
                assert_string_not_equal(c->name, qmp_commands[j].name);
            }
        }
        assert_null(qmp_find_command(&dialects[d], "query-statu"));
        assert_null(qmp_find_command(&dialects[d], "query-statusx"));
        assert_null(qmp_find_command(&dialects[d], ""));
        assert_null(qmp_find_command(&dialects[d], "~"));
    }
}

/* monitor_send_parse_error() writes a parse error's reply without building a value: its bytes
 * must be exactly those of qmp_error_response() through monitor_send(), for every text the
 * streamer can report (escapes, non-ASCII, the replacement character). */
static void test_parse_error_reply_bytes(void **state)
{
    (void)state;
    static const char *const descs[] = {
        "JSON parse error, expecting value",
        "JSON parse error, stray '\\'",
        "JSON parse error, stray '\"'",
        "JSON parse error, stray '\x01\x7f'",
        "JSON parse error, stray '\xc3\xa9\xef\xbf\xbd\xff'",
        "",
    };
    strbuf direct, via_value;
    sb_init(&direct);
    sb_init(&via_value);
    monitor *a = monitor_new(&direct);
    monitor *b = monitor_new(&via_value);
    a->open = b->open = true;
    for (size_t i = 0; i < sizeof(descs) / sizeof(descs[0]); i++) {
        sb_clear(&direct);
        sb_clear(&via_value);
        monitor_send_parse_error(a, descs[i]);
        json_value *rsp = qmp_error_response(ERROR_CLASS_GENERIC_ERROR, descs[i]);
        monitor_send(b, rsp);
        json_free(rsp);
        assert_true(direct.len > 0);
        assert_string_equal(direct.buf, via_value.buf);
    }
    /* Every error class, with and without an id, written directly and as a value. */
    static const char id_text[] = "[1, {\"b\": 2, \"a\": 1}]";
    json_value *id = json_parse(id_text, sizeof(id_text) - 1, NULL);
    assert_non_null(id);
    for (int cls = 0; cls < ERROR_CLASS_COUNT; cls++) {
        for (int with_id = 0; with_id < 2; with_id++) {
            qmp_reply r = {.err_class = (error_class)cls,
                           .err_desc = "it \"failed\"\n",
                           .id = with_id ? id : NULL};
            sb_clear(&direct);
            qmp_write_reply(&direct, &r);
            json_value *rsp = qmp_reply_value(&r);
            char *text = json_to_string(rsp);
            assert_string_equal(direct.buf, text);
            assert_non_null(strstr(text, error_class_names[cls]));
            free(text);
            json_free(rsp);
        }
    }
    json_free(id);
    monitor_free_all();
    sb_free(&direct);
    sb_free(&via_value);
}

/* query-qmp-schema is built once per dialect and then handed out as text: switching dialects
 * in one process (as the fuzz targets do for every input) must give each dialect its own
 * schema, the same bytes every time. */
static void test_schema_per_dialect(void **state)
{
    (void)state;
    static const char req[] = "{\"execute\": \"query-qmp-schema\"}";
    setup_dialect(DIALECT_7_2, true, true);
    char *a = run(req);
    setup_dialect(DIALECT_3_0, true, false);
    char *b = run(req);
    char *b2 = run(req);
    setup_dialect(DIALECT_7_2, true, true);
    char *a2 = run(req);
    assert_string_equal(a, a2);
    assert_string_equal(b, b2);
    assert_string_not_equal(a, b);
    assert_true(strncmp(a, "{\"return\": [{", 13) == 0);
    /* 7.2 marks unstable commands (x-exit-preconfig); 3.0's schema has no features. */
    assert_non_null(strstr(a, "\"features\": [\"unstable\"]"));
    assert_null(strstr(b, "\"features\""));
    /* The whole reply still reads back as one JSON value. */
    json_value *v = json_parse(a, strlen(a), NULL);
    assert_non_null(v);
    assert_int_equal(json_object_get(v, "return")->kind, JSON_ARRAY);
    json_free(v);
    free(a);
    free(a2);
    free(b);
    free(b2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_shape_checks),
        cmocka_unit_test(test_exec_oob),
        cmocka_unit_test(test_negotiation),
        cmocka_unit_test(test_argument_errors),
        cmocka_unit_test(test_gate_before_arguments),
        cmocka_unit_test(test_gate_lists),
        cmocka_unit_test(test_command_lookup),
        cmocka_unit_test(test_parse_error_reply_bytes),
        cmocka_unit_test(test_schema_per_dialect),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
