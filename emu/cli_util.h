/* Internals shared by the command-line files: QEMU's key=value option lists, on/off values,
 * and QEMU-style error messages naming the option being parsed. Must never be used outside
 * emu/cli*.c. */
#ifndef EMU_CLI_UTIL_H
#define EMU_CLI_UTIL_H

#include <stdbool.h>

typedef struct kv {
    char *key, *val;
} kv;

typedef struct kvlist {
    kv items[16];
    int n;
    char *copy;
} kvlist;

/* Splits "first,k=v,k2=v2"; a first item without '=' gets implied_key (if not NULL). */
bool kv_parse(kvlist *l, const char *s, const char *implied_key);
void kv_free(kvlist *l);
/* 1 for on/yes/true, 0 for off/no/false, -1 otherwise. */
int on_off(const char *v);

/* The option and argument being parsed, for messages. */
extern const char *cur_opt, *cur_arg;
/* "emu: -opt arg: message"; returns 1 (the exit status). */
int opt_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* "emu: message"; returns 1. */
int plain_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Monitor and chardev options (emu/cli_chardev.c): return -1 to go on, or an exit status. */
int opt_qmp(const char *arg);
int opt_chardev(const char *arg);
int opt_mon(const char *arg);

/* Topology options (emu/cli_numa.c): -smp keys, and -numa/-object kept for cli_apply_numa. */
int opt_smp(const char *arg);
int opt_numa(const char *arg);
int opt_object(const char *arg);
void cli_numa_reset(void);

#endif
