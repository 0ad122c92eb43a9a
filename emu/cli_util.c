/* QEMU's option-list syntax and error messages for the command line (see cli_util.h).
 * Must never print anything but the error it is asked to. */
#include "emu/cli_util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emu/cli.h"

/* ---- key=value lists (QEMU's QemuOpts syntax, minus escaping of commas by doubling) ---- */

/* Splits "first,k=v,k2=v2". A first item without '=' is given implied_key (if not NULL). */
bool kv_parse(kvlist *l, const char *s, const char *implied_key)
{
    l->n = 0;
    l->copy = strdup(s);
    char *p = l->copy;
    bool first = true;
    while (p && *p && l->n < 16) {
        char *comma = strchr(p, ',');
        if (comma) {
            *comma = 0;
        }
        char *eq = strchr(p, '=');
        if (eq) {
            *eq = 0;
            l->items[l->n++] = (kv){p, eq + 1};
        } else if (first && implied_key) {
            l->items[l->n++] = (kv){(char *)implied_key, p};
        } else {
            /* A bare flag: "server" means server=on, "nowait" means wait=off. */
            if (!strncmp(p, "no", 2)) {
                l->items[l->n++] = (kv){p + 2, "off"};
            } else {
                l->items[l->n++] = (kv){p, "on"};
            }
        }
        first = false;
        p = comma ? comma + 1 : NULL;
    }
    return true;
}

void kv_free(kvlist *l)
{
    free(l->copy);
    l->copy = NULL;
    l->n = 0;
}

int on_off(const char *v)
{
    if (!strcmp(v, "on") || !strcmp(v, "yes") || !strcmp(v, "true")) {
        return 1;
    }
    if (!strcmp(v, "off") || !strcmp(v, "no") || !strcmp(v, "false")) {
        return 0;
    }
    return -1;
}

/* ---- error reporting ---- */

const char *cur_opt, *cur_arg;

int opt_error(const char *fmt, ...)
{
    va_list ap;
    if (cur_arg) {
        fprintf(stderr, "%s: %s %s: ", emu_opts.argv0, cur_opt, cur_arg);
    } else {
        fprintf(stderr, "%s: %s: ", emu_opts.argv0, cur_opt);
    }
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    return 1;
}

int plain_error(const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "%s: ", emu_opts.argv0);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    return 1;
}
