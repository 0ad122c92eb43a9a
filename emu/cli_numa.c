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
        /* the option visitor takes ranges of at most 65536 values */
        if (!parse_u64(buf, &lo) || !parse_u64(dash + 1, &hi) || hi < lo || hi - lo >= 65536) {
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

/* ---- -numa: QEMU's option visitor over NumaOptions ---- */

typedef enum field_kind {
    F_U8,
    F_U16,
    F_U32,
    F_U64,
    F_I64,
    F_SIZE,     /* bytes */
    F_SIZE_MIB, /* -numa node,mem=: MiB without a suffix */
    F_STR,
    F_ENUM,
    F_U16_LIST,
} field_kind;

typedef struct field {
    const char *name;
    field_kind kind;
    bool required;
    bool d72_only; /* a member 3.0's schema did not have */
    const char *const *values;
} field;

#define MAX_FIELDS 6

/* Parsed members, by field index. */
typedef struct field_vals {
    bool has[MAX_FIELDS];
    uint64_t u[MAX_FIELDS];
    int64_t i[MAX_FIELDS];
    const char *s[MAX_FIELDS];
    uint16_t cpus[NUMA_MAX_CPUS + 1];
    int ncpus;
} field_vals;

static const field node_fields[] = {
    {"nodeid", F_U16, false, false, NULL},   {"cpus", F_U16_LIST, false, false, NULL},
    {"mem", F_SIZE_MIB, false, false, NULL}, {"memdev", F_STR, false, false, NULL},
    {"initiator", F_U16, false, true, NULL}, {0}};
static const field dist_fields[] = {{"src", F_U16, true, false, NULL},
                                    {"dst", F_U16, true, false, NULL},
                                    {"val", F_U8, true, false, NULL},
                                    {0}};
static const field cpu_fields[] = {{"node-id", F_I64, false, false, NULL},
                                   {"socket-id", F_I64, false, false, NULL},
                                   {"die-id", F_I64, false, true, NULL},
                                   {"cluster-id", F_I64, false, true, NULL},
                                   {"core-id", F_I64, false, false, NULL},
                                   {"thread-id", F_I64, false, false, NULL},
                                   {0}};
static const field hmat_lb_fields[] = {{"initiator", F_U16, true, true, NULL},
                                       {"target", F_U16, true, true, NULL},
                                       {"hierarchy", F_ENUM, true, true, numa_hmat_hierarchy_names},
                                       {"data-type", F_ENUM, true, true, numa_hmat_data_type_names},
                                       {"latency", F_U64, false, true, NULL},
                                       {"bandwidth", F_SIZE, false, true, NULL},
                                       {0}};
static const field hmat_cache_fields[] = {
    {"node-id", F_U32, true, true, NULL},
    {"size", F_SIZE, true, true, NULL},
    {"level", F_U8, true, true, NULL},
    {"associativity", F_ENUM, true, true, numa_hmat_associativity_names},
    {"policy", F_ENUM, true, true, numa_hmat_policy_names},
    {"line", F_U16, true, true, NULL},
    {0}};

static bool field_exists(const field *f)
{
    return !f->d72_only || !cur_dialect->numa_legacy_mem;
}

/* One value of field f; -1 to go on, or an exit status after the message. */
static int parse_field(const field *f, int idx, const char *v, field_vals *out)
{
    static const uint64_t limits[] = {
        [F_U8] = UINT8_MAX, [F_U16] = UINT16_MAX, [F_U32] = UINT32_MAX};
    static const char *const limit_names[] = {
        [F_U8] = "uint8_t", [F_U16] = "uint16_t", [F_U32] = "uint32_t"};
    long long iv;
    switch (f->kind) {
    case F_U8:
    case F_U16:
    case F_U32:
    case F_U64:
        if (!parse_u64(v, &out->u[idx])) {
            return opt_error("Parameter '%s' expects a uint64 value", f->name);
        }
        if (f->kind != F_U64 && out->u[idx] > limits[f->kind]) {
            return opt_error("Parameter '%s' expects %s", f->name, limit_names[f->kind]);
        }
        break;
    case F_I64:
        if (!parse_int(v, &iv)) {
            return opt_error("Parameter '%s' expects an int64 value", f->name);
        }
        out->i[idx] = iv;
        break;
    case F_SIZE:
    case F_SIZE_MIB:
        if (!parse_size(v, f->kind == F_SIZE_MIB ? 1ull << 20 : 1, &out->u[idx])) {
            return opt_error("Parameter '%s' expects a size value", f->name);
        }
        break;
    case F_STR:
        out->s[idx] = v;
        break;
    case F_ENUM: {
        int e = 0;
        while (f->values[e] && strcmp(f->values[e], v) != 0) {
            e++;
        }
        if (!f->values[e]) {
            return opt_error("Parameter '%s' does not accept value '%s'", f->name, v);
        }
        out->u[idx] = (uint64_t)e;
        break;
    }
    case F_U16_LIST: {
        bool too_big = false;
        if (!parse_cpu_range(v, out->cpus, &out->ncpus, NUMA_MAX_CPUS + 1, &too_big)) {
            return opt_error("Parameter '%s' expects a uint64 value or range", f->name);
        }
        if (too_big) {
            return opt_error("Parameter '%s' expects uint16_t", f->name);
        }
        break;
    }
    }
    out->has[idx] = true;
    return -1;
}

/* Visits the members in the schema's order (the last of repeated keys counts; a list takes
 * them all), then names the first key no member took, as QEMU's option visitor does. */
static int parse_fields(const kvlist *l, const field *fields, field_vals *out)
{
    memset(out, 0, sizeof(*out));
    for (int f = 0; fields[f].name; f++) {
        if (!field_exists(&fields[f])) {
            continue;
        }
        const char *last = NULL;
        for (int i = 1; i < l->n; i++) {
            if (strcmp(l->items[i].key, fields[f].name) != 0) {
                continue;
            }
            if (fields[f].kind == F_U16_LIST) {
                int rc = parse_field(&fields[f], f, l->items[i].val, out);
                if (rc >= 0) {
                    return rc;
                }
            }
            last = l->items[i].val;
        }
        if (last && fields[f].kind != F_U16_LIST) {
            int rc = parse_field(&fields[f], f, last, out);
            if (rc >= 0) {
                return rc;
            }
        } else if (!last && fields[f].required) {
            return opt_error("Parameter '%s' is missing", fields[f].name);
        }
    }
    for (int i = 1; i < l->n; i++) {
        int f = 0;
        while (fields[f].name &&
               (strcmp(fields[f].name, l->items[i].key) != 0 || !field_exists(&fields[f]))) {
            f++;
        }
        if (!fields[f].name) {
            return opt_error("Invalid parameter '%s'", l->items[i].key);
        }
    }
    return -1;
}

static int report_numa(bool ok, strbuf *err)
{
    if (!ok) {
        opt_error("%s", err->buf);
    }
    sb_free(err);
    return ok ? -1 : 1;
}

static int numa_node_opt(const field_vals *v)
{
    numa_node_opts o = {
        .has_nodeid = v->has[0],
        .nodeid = (uint16_t)v->u[0],
        .ncpus = v->ncpus,
        .cpus = v->cpus,
        .has_mem = v->has[2],
        .mem = v->u[2],
        .memdev = v->s[3],
        .has_initiator = v->has[4],
        .initiator = (uint16_t)v->u[4],
    };
    char prefix[512];
    snprintf(prefix, sizeof(prefix), "%s: %s %s: ", emu_opts.argv0, cur_opt, cur_arg);
    o.report_prefix = prefix;
    strbuf err;
    sb_init(&err);
    bool ok = numa_add_node(&o, &err);
    if (ok && o.has_mem && !cur_dialect->numa_legacy_mem) {
        opt_error("warning: Parameter -numa node,mem is deprecated, use -numa node,memdev "
                  "instead");
    }
    return report_numa(ok, &err);
}

static int numa_cpu_opt(const field_vals *v)
{
    numa_cpu_props p = {
        .has_node_id = v->has[0],
        .node_id = v->i[0],
        .has_socket_id = v->has[1],
        .socket_id = v->i[1],
        .has_die_id = v->has[2],
        .die_id = v->i[2],
        .has_cluster_id = v->has[3],
        .cluster_id = v->i[3],
        .has_core_id = v->has[4],
        .core_id = v->i[4],
        .has_thread_id = v->has[5],
        .thread_id = v->i[5],
    };
    strbuf err;
    sb_init(&err);
    return report_numa(numa_map_cpu(&p, &err), &err);
}

static int apply_numa(const char *arg)
{
    static const struct {
        const char *type;
        const field *fields;
        bool d72_only;
    } types[] = {
        {"node", node_fields, false},
        {"dist", dist_fields, false},
        {"cpu", cpu_fields, false},
        {"hmat-lb", hmat_lb_fields, true},
        {"hmat-cache", hmat_cache_fields, true},
    };
    kvlist l;
    kv_parse(&l, arg, "type");
    const char *type = l.n && !strcmp(l.items[0].key, "type") ? l.items[0].val : NULL;
    int t = 0, n = (int)(sizeof(types) / sizeof(types[0]));
    while (
        type && t < n &&
        (strcmp(types[t].type, type) != 0 || (types[t].d72_only && cur_dialect->numa_legacy_mem))) {
        t++;
    }
    field_vals *v = calloc(1, sizeof(*v));
    int rc;
    strbuf err;
    sb_init(&err);
    if (!type) {
        rc = opt_error("Parameter 'type' is missing");
    } else if (t == n) {
        rc = opt_error("Parameter 'type' does not accept value '%s'", type);
    } else if ((rc = parse_fields(&l, types[t].fields, v)) >= 0) {
        /* reported */
    } else if (!machine_cfg.mc->numa_supported) {
        rc = opt_error("NUMA is not supported by this machine-type");
    } else if (t == 0) {
        rc = numa_node_opt(v);
    } else if (t == 1) {
        rc = report_numa(numa_add_distance(v->u[0], v->u[1], (unsigned)v->u[2], &err), &err);
    } else if (t == 2) {
        rc = numa_cpu_opt(v);
    } else if (t == 3) {
        numa_hmat_lb_opts o = {
            .initiator = (uint16_t)v->u[0],
            .target = (uint16_t)v->u[1],
            .hierarchy = (int)v->u[2],
            .data_type = (int)v->u[3],
            .has_latency = v->has[4],
            .latency = v->u[4],
            .has_bandwidth = v->has[5],
            .bandwidth = v->u[5],
        };
        rc = report_numa(numa_add_hmat_lb(&o, &err), &err);
    } else {
        numa_hmat_cache_opts o = {
            .node_id = (uint32_t)v->u[0], .size = v->u[1], .level = (uint8_t)v->u[2]};
        rc = report_numa(numa_add_hmat_cache(&o, &err), &err);
    }
    sb_free(&err);
    free(v);
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

static int apply_deferred(bool numa)
{
    for (int i = 0; i < ndeferred; i++) {
        if (deferred[i].is_numa != numa) {
            continue;
        }
        cur_opt = deferred[i].opt;
        cur_arg = deferred[i].arg;
        int rc = numa ? apply_numa(deferred[i].arg) : apply_object(deferred[i].arg);
        if (rc >= 0) {
            return rc;
        }
    }
    cur_opt = cur_arg = NULL;
    return -1;
}

int cli_apply_objects(void)
{
    return apply_deferred(false);
}

int cli_apply_numa(void)
{
    return apply_deferred(true);
}
