/* The command line, in QEMU's spelling: parsing into emu_opts and the machine configuration,
 * with QEMU's error messages. Must never act on an option (open sockets, fork) while parsing:
 * main() does that once everything parsed. */
#ifndef EMU_CLI_H
#define EMU_CLI_H

#include <stdbool.h>
#include <stdint.h>

#define MAX_MONITORS 16

typedef enum chardev_kind {
    CHARDEV_STDIO,
    CHARDEV_UNIX,
    CHARDEV_TCP,
    CHARDEV_FD,
} chardev_kind;

typedef struct chardev_opts {
    char *id; /* label: -chardev id=, or compat_monitorN for -qmp */
    chardev_kind kind;
    char *path;  /* unix */
    char *host;  /* tcp */
    int port;    /* tcp */
    int fd;      /* fd */
    bool server; /* listen (server=on) or connect */
    bool wait;   /* server: block at start until a client connects */
    bool pretty;
    char *spec;          /* as given, for messages */
    const char *optname; /* "qmp" or "chardev", for messages */
    bool is_monitor;
    bool used;
} chardev_opts;

typedef struct emu_options {
    const char *argv0;
    bool preconfig;
    bool daemonize;
    const char *pidfile;
    const char *name;
    char uuid[37];
    const char *incoming;
    const char *rtc_base; /* NULL: the fixed default epoch; "utc"/"localtime": host */
    bool nographic;       /* -nographic: the serial port defaults to stdio (unless -nodefaults) */
    bool nodefaults;
    int nchardevs;
    chardev_opts chardevs[MAX_MONITORS];
} emu_options;

extern emu_options emu_opts;

/* Parses argv. Returns -1 to go on, or an exit status (0 for --help/--version, 1 for an
 * error, after printing it). */
int cli_parse(int argc, char **argv);
/* Frees what cli_parse allocated and resets all options (fuzzing, tests). */
void cli_reset(void);
/* Creates the -object memory backends (after machine_check_config computed the topology), then
 * (once the monitors exist, as in QEMU) applies the -numa options, each in command-line order.
 * -1 to go on, or an exit status after printing QEMU's message. */
int cli_apply_objects(void);
int cli_apply_numa(void);
/* Parses -rtc base= (2006-06-17T16:01:21 or 2006-06-17, UTC) into ns since the epoch. */
bool cli_parse_datetime(const char *s, int64_t *ns);

/* Exits after flushing monitors (machine-init errors inside commands). */
_Noreturn void emu_fatal_exit(int status);

#endif
