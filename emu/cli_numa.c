/* The machine topology options: -smp (its keys; the topology is computed and checked by
 * machine_check_config), -object memory-backend-ram and -numa, with QEMU's option-visitor
 * messages located at the option (`emu: -numa node,nodeid=x: Parameter 'nodeid' expects a
 * uint64 value`). -object and -numa are applied once the whole line is parsed and the topology
 * checked, in command-line order, as QEMU applies them after creating its backends. Must never
 * change the NUMA configuration through anything but numa.h's checked functions. */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emu/cli.h"
#include "emu/cli_util.h"
#include "emu/dialect.h"
#include "emu/hostmem.h"
#include "emu/machine.h"
#include "emu/numa.h"

#define MAX_DEFERRED 64

typedef struct deferred_opt {
    char *opt, *arg;
    bool is_numa; /* else -object */
} deferred_opt;

static deferred_opt deferred[MAX_DEFERRED];
static int ndeferred;

void cli_numa_reset(void)
{
    for (int i = 0; i < ndeferred; i++) {
        free(deferred[i].opt);
        free(deferred[i].arg);
    }
    ndeferred = 0;
}

static int defer(const char *arg, bool is_numa)
{
    if (ndeferred == MAX_DEFERRED) {
        return opt_error("emu takes at most %d -numa and -object options", MAX_DEFERRED);
    }
    deferred[ndeferred++] = (deferred_opt){strdup(cur_opt), strdup(arg), is_numa};
    return -1;
}

int opt_numa(const char *arg)
{
    return defer(arg, true);
}

int opt_object(const char *arg)
{
    return defer(arg, false);
}

/* ---- -smp ---- */

static bool parse_int(const char *s, long long *out)
{
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 0);
    if (!*s || *end || errno) {
        return false;
    }
    *out = v;
    return true;
}

int opt_smp(const char *arg)
{
    static const char *const keys[] = {"cpus",     "maxcpus", "sockets", "dies",
                                       "clusters", "cores",   "threads", NULL};
    int *fields[] = {&machine_cfg.smp_cpus,   &machine_cfg.smp_maxcpus,  &machine_cfg.smp_sockets,
                     &machine_cfg.smp_dies,   &machine_cfg.smp_clusters, &machine_cfg.smp_cores,
                     &machine_cfg.smp_threads};
    bool d72 = !cur_dialect->smp_legacy;
    kvlist l;
    kv_parse(&l, arg, "cpus");
    int rc = -1;
    for (int i = 0; i < l.n && rc < 0; i++) {
        const char *k = l.items[i].key;
        int f = 0;
        while (keys[f] && strcmp(keys[f], k) != 0) {
            f++;
        }
        /* 3.0 had no dies or clusters */
        if (!keys[f] || (!d72 && (!strcmp(k, "dies") || !strcmp(k, "clusters")))) {
            rc = d72 ? plain_error("Parameter 'smp.%s' is unexpected", k)
                     : opt_error("Invalid parameter '%s'", k);
            break;
        }
        long long v;
        if (!parse_int(l.items[i].val, &v)) {
            rc = d72 ? plain_error("Parameter 'smp.%s' expects integer", k)
                     : opt_error("Parameter '%s' expects a number", k);
            break;
        }
        if (v == 0) {
            machine_cfg.smp_has_zero = true;
        }
        /* QEMU reads them as unsigned and prints them with %d: keep the 32-bit pattern */
        *fields[f] = (int)(unsigned)(unsigned long long)v;
        machine_cfg.smp_given |= 1u << f;
    }
    kv_free(&l);
    return rc;
}

/* ---- shared value parsers (QEMU's option visitor) ---- */

static bool parse_u64(const char *s, uint64_t *out)
{
    char *end;
    if (!*s || *s == '-' || *s == '+') {
        return false;
    }
    errno = 0;
    unsigned long long v = strtoull(s, &end, 0);
    if (*end || errno) {
        return false;
    }
    *out = v;
    return true;
}

/* qemu_strtosz: a number with an optional fraction and suffix B/K/M/G/T/P/E (any case);
 * without a suffix the unit is default_unit. */
static bool parse_size(const char *s, uint64_t default_unit, uint64_t *out)
{
    char *end;
    if (!*s || *s == '-') {
        return false;
    }
    errno = 0;
    double v = strtod(s, &end);
    if (end == s || errno) {
        return false;
    }
    uint64_t unit = default_unit;
    if (*end) {
        static const char suffixes[] = "BKMGTPE";
        const char *p = strchr(suffixes, *end >= 'a' && *end <= 'z' ? *end - 32 : *end);
        if (!p || end[1]) {
            return false;
        }
        unit = 1ull << (10 * (p - suffixes));
    } else if (strpbrk(s, ".eE")) {
        return false; /* a fraction needs a suffix */
    }
    double bytes = v * (double)unit;
    if (bytes >= 18446744073709551616.0) {
        return false;
    }
    *out = (uint64_t)bytes;
    return true;
}

/* cpus=A or cpus=A-B (the option visitor's uint16 list; repeated keys add up). */
static bool parse_cpu_range(const char *s, uint16_t *cpus, int *n, int cap, bool *too_big)
{
    char *dash = strchr(s, '-');
    uint64_t lo, hi;
    char buf[64];
    if (dash) {
        size_t len = (size_t)(dash - s);
        if (len >= sizeof(buf)) {
            return false;
        }
        memcpy(buf, s, len);
        buf[len] = 0;
        if (!parse_u64(buf, &lo) || !parse_u64(dash + 1, &hi) || hi < lo) {
            return false;
        }
    } else if (!parse_u64(s, &lo)) {
        return false;
    } else {
        hi = lo;
    }
    for (uint64_t v = lo; v <= hi; v++) {
        if (v > UINT16_MAX) {
            *too_big = true;
            return true;
        }
        if (*n < cap) {
            cpus[(*n)++] = (uint16_t)v;
        }
    }
    return true;
}

/* ---- -numa ---- */

static int numa_node_opt(kvlist *l)
{
    numa_node_opts o = {0};
    uint16_t cpus[NUMA_MAX_CPUS + 1];
    for (int i = 1; i < l->n; i++) {
        const char *k = l->items[i].key, *v = l->items[i].val;
        uint64_t u;
        if (!strcmp(k, "nodeid") || (!strcmp(k, "initiator") && !cur_dialect->numa_legacy_mem)) {
            if (!parse_u64(v, &u)) {
                return opt_error("Parameter '%s' expects a uint64 value", k);
            }
            if (u > UINT16_MAX) {
                return opt_error("Parameter '%s' expects uint16_t", k);
            }
            if (!strcmp(k, "nodeid")) {
                o.has_nodeid = true;
                o.nodeid = (uint16_t)u;
            } else {
                o.has_initiator = true;
                o.initiator = (uint16_t)u;
            }
        } else if (!strcmp(k, "cpus")) {
            bool too_big = false;
            if (!parse_cpu_range(v, cpus, &o.ncpus, NUMA_MAX_CPUS + 1, &too_big)) {
                return opt_error("Parameter 'cpus' expects a uint64 value or range");
            }
            if (too_big) {
                return opt_error("Parameter 'cpus' expects uint16_t");
            }
        } else if (!strcmp(k, "mem")) {
            /* -numa node,mem= without a suffix is MiB (QEMU's legacy fix-up) */
            if (!parse_size(v, 1ull << 20, &o.mem)) {
                return opt_error("Parameter 'mem' expects a size value");
            }
            o.has_mem = true;
        } else if (!strcmp(k, "memdev")) {
            o.memdev = v;
        } else {
            return opt_error("Invalid parameter '%s'", k);
        }
    }
    o.cpus = cpus;
    strbuf err;
    sb_init(&err);
    bool ok = numa_add_node(&o, &err);
    if (!ok) {
        opt_error("%s", err.buf);
    } else if (o.has_mem && !cur_dialect->numa_legacy_mem) {
        opt_error("warning: Parameter -numa node,mem is deprecated, use -numa node,memdev "
                  "instead");
    }
    sb_free(&err);
    return ok ? -1 : 1;
}

static int numa_dist_opt(kvlist *l)
{
    static const char *const names[] = {"src", "dst", "val"};
    uint64_t vals[3];
    bool have[3] = {false, false, false};
    for (int i = 1; i < l->n; i++) {
        int f = 0;
        while (f < 3 && strcmp(names[f], l->items[i].key) != 0) {
            f++;
        }
        if (f == 3) {
            return opt_error("Invalid parameter '%s'", l->items[i].key);
        }
        if (!parse_u64(l->items[i].val, &vals[f])) {
            return opt_error("Parameter '%s' expects a uint64 value", names[f]);
        }
        if (vals[f] > (f == 2 ? UINT8_MAX : UINT16_MAX)) {
            return opt_error("Parameter '%s' expects %s", names[f],
                             f == 2 ? "uint8_t" : "uint16_t");
        }
        have[f] = true;
    }
    for (int f = 0; f < 3; f++) {
        if (!have[f]) {
            return opt_error("Parameter '%s' is missing", names[f]);
        }
    }
    strbuf err;
    sb_init(&err);
    bool ok = numa_add_distance(vals[0], vals[1], (unsigned)vals[2], &err);
    if (!ok) {
        opt_error("%s", err.buf);
    }
    sb_free(&err);
    return ok ? -1 : 1;
}

static int numa_cpu_opt(kvlist *l)
{
    numa_cpu_props p = {0};
    bool d72 = !cur_dialect->numa_legacy_mem;
    for (int i = 1; i < l->n; i++) {
        const char *k = l->items[i].key;
        bool *has;
        int64_t *val;
        if (!strcmp(k, "node-id")) {
            has = &p.has_node_id, val = &p.node_id;
        } else if (!strcmp(k, "socket-id")) {
            has = &p.has_socket_id, val = &p.socket_id;
        } else if (!strcmp(k, "die-id") && d72) {
            has = &p.has_die_id, val = &p.die_id;
        } else if (!strcmp(k, "cluster-id") && d72) {
            has = &p.has_cluster_id, val = &p.cluster_id;
        } else if (!strcmp(k, "core-id")) {
            has = &p.has_core_id, val = &p.core_id;
        } else if (!strcmp(k, "thread-id")) {
            has = &p.has_thread_id, val = &p.thread_id;
        } else {
            return opt_error("Invalid parameter '%s'", k);
        }
        long long v;
        if (!parse_int(l->items[i].val, &v)) {
            return opt_error("Parameter '%s' expects an int64 value", k);
        }
        *has = true;
        *val = v;
    }
    strbuf err;
    sb_init(&err);
    bool ok = numa_map_cpu(&p, &err);
    if (!ok) {
        opt_error("%s", err.buf);
    }
    sb_free(&err);
    return ok ? -1 : 1;
}

static int apply_numa(const char *arg)
{
    kvlist l;
    kv_parse(&l, arg, "type");
    int rc;
    const char *type = l.n && !strcmp(l.items[0].key, "type") ? l.items[0].val : NULL;
    if (!type) {
        rc = opt_error("Parameter 'type' is missing");
    } else if (!machine_cfg.mc->numa_supported) {
        rc = opt_error("NUMA is not supported by this machine-type");
    } else if (!strcmp(type, "node")) {
        rc = numa_node_opt(&l);
    } else if (!strcmp(type, "dist")) {
        rc = numa_dist_opt(&l);
    } else if (!strcmp(type, "cpu")) {
        rc = numa_cpu_opt(&l);
    } else if (!cur_dialect->numa_legacy_mem &&
               (!strcmp(type, "hmat-lb") || !strcmp(type, "hmat-cache"))) {
        strbuf err;
        sb_init(&err);
        numa_hmat_option(&err);
        rc = opt_error("%s", err.buf);
        sb_free(&err);
    } else {
        rc = opt_error("Parameter 'type' does not accept value '%s'", type);
    }
    kv_free(&l);
    return rc;
}

/* ---- -object memory-backend-ram ---- */

static bool is_identifier(const char *s)
{
    if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z'))) {
        return false;
    }
    for (s++; *s; s++) {
        if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._", *s)) {
            return false;
        }
    }
    return true;
}

static int apply_object(const char *arg)
{
    kvlist l;
    kv_parse(&l, arg, "qom-type");
    int rc = -1;
    const char *type = l.n && !strcmp(l.items[0].key, "qom-type") ? l.items[0].val : NULL;
    const char *id = NULL, *size_s = NULL;
    if (!type) {
        rc = opt_error("Parameter 'qom-type' is missing");
    } else if (strcmp(type, "memory-backend-ram") != 0) {
        rc = opt_error("Parameter 'qom-type' does not accept value '%s'", type);
    }
    for (int i = 1; i < l.n && rc < 0; i++) {
        const char *k = l.items[i].key;
        if (!strcmp(k, "id")) {
            id = l.items[i].val;
        } else if (!strcmp(k, "size")) {
            size_s = l.items[i].val;
        } else {
            rc = opt_error("Invalid parameter '%s'", k);
        }
    }
    uint64_t size = 0;
    if (rc >= 0) {
        /* reported */
    } else if (!id) {
        rc = opt_error("Parameter 'id' is missing");
    } else if (!is_identifier(id)) {
        opt_error("Parameter 'id' expects an identifier");
        fputs("Identifiers consist of letters, digits, '-', '.', '_', starting with a letter.\n",
              stderr);
        rc = 1;
    } else if (!size_s) {
        rc = opt_error("Parameter 'size' is missing");
    } else if (!parse_size(size_s, 1, &size)) {
        rc = opt_error("Parameter 'size' expects a size value");
    } else if (size == 0) {
        rc = plain_error("property 'size' of memory-backend-ram doesn't take value '0'");
    } else {
        strbuf err;
        sb_init(&err);
        if (!hostmem_add(id, size, &err)) {
            rc = opt_error("%s", err.buf);
        }
        sb_free(&err);
    }
    kv_free(&l);
    return rc;
}

int cli_apply_numa(void)
{
    /* QEMU creates every memory backend before it reads any -numa */
    for (int pass = 0; pass < 2; pass++) {
        for (int i = 0; i < ndeferred; i++) {
            if (deferred[i].is_numa != (pass == 1)) {
                continue;
            }
            cur_opt = deferred[i].opt;
            cur_arg = deferred[i].arg;
            int rc = pass ? apply_numa(deferred[i].arg) : apply_object(deferred[i].arg);
            if (rc >= 0) {
                return rc;
            }
        }
    }
    cur_opt = cur_arg = NULL;
    return -1;
}
