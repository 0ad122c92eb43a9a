/* The QMP schema: every command, its argument and return types, the dialects it exists in and
 * where it is allowed in preconfig, declared once (qmp/schema.c). Dispatch, argument
 * checking, query-commands and query-qmp-schema all read this one table, as QEMU's QAPI
 * generator does. Must never hold run-time state. */
#ifndef QMP_SCHEMA_H
#define QMP_SCHEMA_H

#include <stdbool.h>

#include "emu/dialect.h"
#include "qmp/json.h"

typedef enum qtype_kind {
    QT_ANY,
    QT_NULL,
    QT_STR,
    QT_BOOL,
    QT_NUMBER,
    QT_INT,
    QT_UINT8,
    QT_UINT16,
    QT_UINT32,
    QT_UINT64,
    QT_SIZE,
    QT_ENUM,
    QT_ARRAY,
    QT_OBJECT,
    QT_UNION, /* flat union: base members (incl. the discriminator), then the branch's */
} qtype_kind;

typedef struct qtype qtype;

typedef struct qmember {
    const char *name;
    const qtype *type;
    bool optional;
    unsigned dialects; /* 0: all */
} qmember;

typedef struct qvariant {
    const char *tag;
    const qtype *type; /* QT_OBJECT whose members are the branch's */
    unsigned dialects; /* 0: all */
} qvariant;

struct qtype {
    qtype_kind kind;
    const char *name;          /* schema name; builtins use QAPI's names ("str", "int") */
    const char *const *values; /* enum: NULL-terminated */
    const qtype *elem;         /* array */
    const qmember *members;    /* object/union base: terminated by name == NULL */
    const char *discriminator; /* union */
    const qvariant *variants;  /* union: terminated by tag == NULL */
};

typedef enum error_class {
    ERROR_CLASS_GENERIC_ERROR,
    ERROR_CLASS_COMMAND_NOT_FOUND,
    ERROR_CLASS_DEVICE_NOT_ACTIVE,
    ERROR_CLASS_DEVICE_NOT_FOUND,
    ERROR_CLASS_KVM_MISSING_CAP, /* the last: ERROR_CLASS_COUNT follows it */
} error_class;
#define ERROR_CLASS_COUNT (ERROR_CLASS_KVM_MISSING_CAP + 1)

extern const char *const error_class_names[];

/* One monitor session as a command sees it. */
typedef struct qmp_session {
    bool negotiated;
    bool oob_offered;
    bool oob_enabled;
} qmp_session;

typedef struct qmp_request {
    qmp_session *session;
    const json_value *args; /* checked against the command's argument type; never NULL */
    json_value *ret;        /* set on success (NULL means {}) */
    error_class err_class;
    const char *err_desc; /* set on failure; valid until the next qmp_fail() */
} qmp_request;

typedef void (*qmp_handler)(qmp_request *req);

typedef struct qmp_command {
    const char *name;
    const qtype *args; /* QT_OBJECT or QT_UNION; NULL: no arguments */
    const qtype *ret;
    qmp_handler fn;
    unsigned dialects;  /* DIALECT_BIT set where the command exists */
    unsigned preconfig; /* DIALECT_BIT set where it is allowed in preconfig */
    bool allow_oob;
    bool unstable; /* 7.2 feature 'unstable' */
} qmp_command;

typedef struct qmp_event_decl {
    const char *name;
    const qtype *data; /* NULL: no data */
} qmp_event_decl;

/* The empty object type (arguments of argument-less commands, empty returns). */
extern const qtype qmp_empty_type;
extern const qmp_command qmp_commands[];
extern const int qmp_command_count;
extern const qmp_event_decl qmp_events[];
extern const int qmp_event_count;

/* Lookup within dialect d; NULL if the command does not exist there. */
const qmp_command *qmp_find_command(const dialect *d, const char *name);
bool qmp_command_in(const qmp_command *c, const dialect *d);

void qmp_fail(qmp_request *req, error_class cls, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Index of s in a NULL-terminated enum value list, or -1. */
int qapi_enum_index(const char *const *values, const char *s);

#endif
