/* The monitor options of the command line: -qmp, -chardev and -mon, in QEMU's spelling and
 * with QEMU's messages. Must never open anything: qmp/chardev.c does, after parsing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emu/cli.h"
#include "emu/cli_util.h"

static chardev_opts *new_chardev(const char *spec)
{
    if (emu_opts.nchardevs >= MAX_MONITORS) {
        return NULL;
    }
    chardev_opts *c = &emu_opts.chardevs[emu_opts.nchardevs++];
    memset(c, 0, sizeof(*c));
    c->spec = strdup(spec);
    c->fd = -1;
    return c;
}

/* -qmp SPEC: stdio | unix:PATH[,opts] | tcp:HOST:PORT[,opts] */
int opt_qmp(const char *arg)
{
    chardev_opts *c = new_chardev(arg);
    if (!c) {
        return opt_error("too many monitors (at most %d)", MAX_MONITORS);
    }
    /* QEMU numbers -qmp monitors from 0 in each run: counted from this command line, not kept
     * in a static (a second cli_parse in one process, as the fuzz targets do, starts again). */
    int compat_index = 0;
    for (int i = 0; i < emu_opts.nchardevs && &emu_opts.chardevs[i] != c; i++) {
        compat_index +=
            emu_opts.chardevs[i].optname && !strcmp(emu_opts.chardevs[i].optname, "qmp");
    }
    c->is_monitor = true;
    c->wait = true;
    c->optname = "qmp";
    char label[32];
    snprintf(label, sizeof(label), "compat_monitor%d", compat_index);
    c->id = strdup(label);
    kvlist l;
    kv_parse(&l, arg, "backend");
    const char *backend = l.n ? l.items[0].val : "";
    int rc = -1;
    if (!strcmp(backend, "stdio")) {
        c->kind = CHARDEV_STDIO;
    } else if (!strncmp(backend, "unix:", 5)) {
        c->kind = CHARDEV_UNIX;
        c->path = strdup(backend + 5);
    } else if (!strncmp(backend, "tcp:", 4)) {
        c->kind = CHARDEV_TCP;
        const char *hp = backend + 4;
        const char *colon = strrchr(hp, ':');
        if (!colon) {
            rc = opt_error("'%s' is not a valid char driver", arg);
        } else {
            c->host = strndup(hp, (size_t)(colon - hp));
            c->port = atoi(colon + 1);
        }
    } else {
        opt_error("'%s' is not a valid char driver", arg);
        rc = opt_error("parse error: %s", arg);
    }
    for (int i = 1; i < l.n && rc < 0; i++) {
        const char *k = l.items[i].key, *v = l.items[i].val;
        int b = on_off(v);
        if (!strcmp(k, "server") && b >= 0) {
            c->server = b;
        } else if (!strcmp(k, "wait") && b >= 0) {
            c->wait = b;
        } else if (!strcmp(k, "pretty") && b >= 0) {
            c->pretty = b;
        } else {
            opt_error("Invalid parameter '%s'", k);
            rc = opt_error("parse error: %s", arg);
        }
    }
    kv_free(&l);
    return rc;
}

/* -chardev socket,id=ID,path=PATH|host=H,port=P|fd=N[,server=on][,wait=off] | stdio,id=ID */
int opt_chardev(const char *arg)
{
    chardev_opts *c = new_chardev(arg);
    if (!c) {
        return opt_error("too many character devices (at most %d)", MAX_MONITORS);
    }
    c->wait = true;
    c->optname = "chardev";
    kvlist l;
    kv_parse(&l, arg, "backend");
    const char *backend = l.n ? l.items[0].val : "";
    int rc = -1;
    bool has_fd = false, has_path = false, has_port = false;
    for (int i = 1; i < l.n && rc < 0; i++) {
        const char *k = l.items[i].key, *v = l.items[i].val;
        int b = on_off(v);
        if (!strcmp(k, "id")) {
            c->id = strdup(v);
        } else if (!strcmp(k, "path")) {
            c->path = strdup(v);
            has_path = true;
        } else if (!strcmp(k, "host")) {
            c->host = strdup(v);
        } else if (!strcmp(k, "port")) {
            c->port = atoi(v);
            has_port = true;
        } else if (!strcmp(k, "fd")) {
            char *end;
            long fd = strtol(v, &end, 10);
            if (*end || fd < 0 || fd > 65535) {
                rc = opt_error("Unable to parse FD number %s", v);
            }
            c->fd = (int)fd;
            has_fd = true;
        } else if (!strcmp(k, "server") && b >= 0) {
            c->server = b;
        } else if (!strcmp(k, "wait") && b >= 0) {
            c->wait = b;
        } else {
            rc = opt_error("Invalid parameter '%s'", k);
        }
    }
    if (rc < 0) {
        if (!strcmp(backend, "stdio")) {
            c->kind = CHARDEV_STDIO;
        } else if (!strcmp(backend, "socket")) {
            if (has_fd) {
                c->kind = CHARDEV_FD;
            } else if (has_path) {
                c->kind = CHARDEV_UNIX;
            } else if (has_port) {
                c->kind = CHARDEV_TCP;
            } else {
                rc = opt_error("Unable to parse FD number ");
            }
        } else {
            rc = opt_error("'%s' is not a valid char driver name", backend);
        }
    }
    if (rc < 0 && !c->id) {
        rc = opt_error("chardev: no id specified");
    }
    kv_free(&l);
    return rc;
}

int opt_mon(const char *arg)
{
    kvlist l;
    kv_parse(&l, arg, "chardev");
    const char *chr = NULL, *mode = "readline";
    bool pretty = false;
    int rc = -1;
    for (int i = 0; i < l.n && rc < 0; i++) {
        const char *k = l.items[i].key, *v = l.items[i].val;
        if (!strcmp(k, "chardev")) {
            chr = v;
        } else if (!strcmp(k, "mode")) {
            mode = v;
        } else if (!strcmp(k, "pretty")) {
            pretty = on_off(v) == 1;
        } else {
            rc = opt_error("Invalid parameter '%s'", k);
        }
    }
    chardev_opts *found = NULL;
    for (int i = 0; rc < 0 && i < emu_opts.nchardevs; i++) {
        if (emu_opts.chardevs[i].id && chr && !strcmp(emu_opts.chardevs[i].id, chr)) {
            found = &emu_opts.chardevs[i];
        }
    }
    if (rc < 0 && !found) {
        rc = opt_error("chardev \"%s\" not found", chr ? chr : "");
    } else if (rc < 0 && strcmp(mode, "control") != 0) {
        rc = opt_error("only QMP monitors (mode=control) exist in emu; HMP (mode=%s) does not",
                       mode);
    } else if (rc < 0) {
        found->is_monitor = true;
        found->pretty = pretty;
    }
    kv_free(&l);
    return rc;
}
