/* Unit tests of the NUMA configuration (emu/numa.c, emu/cli_numa.c): every check of
 * set-numa-node's node, dist and cpu types with QEMU 7.2's messages and side effects (CPUs
 * mapped before a failing check stay mapped, "mem seen" is sticky), the 3.0 wording, the checks
 * made when the board is built (node-id gaps, memory sum, distance table, default and partial CPU
 * placement) with their stderr lines, and -numa/-object/-smp on the command line. Must never
 * build a board or open a file descriptor other than its stderr capture. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "emu/cli.h"
#include "emu/dialect.h"
#include "emu/hostmem.h"
#include "emu/machine.h"
#include "emu/numa.h"

static strbuf err;
static char captured[4096];

/* A virt configuration in dialect d with `cpus` harts and `ram` bytes, no NUMA yet. */
static void setup_virt(dialect_id d, int cpus, int maxcpus, uint64_t ram)
{
    cur_dialect = &dialects[d];
    machine_reset_state();
    machine_cfg.mc = machine_find("virt");
    machine_cfg.smp_cpus = cpus;
    machine_cfg.smp_maxcpus = maxcpus;
    machine_cfg.ram_size = ram;
    assert_true(machine_check_config());
    sb_free(&err);
}

static FILE *capture_file;
static int saved_stderr;

/* stderr goes to a temporary file until end_capture() reads it into `captured`. */
static void begin_capture(void)
{
    fflush(stderr);
    capture_file = tmpfile();
    assert_non_null(capture_file);
    saved_stderr = dup(2);
    dup2(fileno(capture_file), 2);
}

static void end_capture(void)
{
    fflush(stderr);
    dup2(saved_stderr, 2);
    close(saved_stderr);
    rewind(capture_file);
    size_t n = fread(captured, 1, sizeof(captured) - 1, capture_file);
    captured[n] = 0;
    fclose(capture_file);
}

/* Runs numa_finalize() with stderr captured into `captured`. */
static bool finalize_captured(void)
{
    begin_capture();
    bool ok = numa_finalize();
    end_capture();
    return ok;
}

static bool node(int id, uint64_t mem, const char *memdev)
{
    numa_node_opts o = {.has_nodeid = id >= 0, .nodeid = (uint16_t)(id < 0 ? 0 : id)};
    o.has_mem = mem != 0;
    o.mem = mem;
    o.memdev = memdev;
    sb_clear(&err);
    return numa_add_node(&o, &err);
}

static bool node_cpus(int id, const uint16_t *cpus, int n, uint64_t mem)
{
    numa_node_opts o = {.has_nodeid = true, .nodeid = (uint16_t)id, .cpus = cpus, .ncpus = n};
    o.has_mem = mem != 0;
    o.mem = mem;
    sb_clear(&err);
    return numa_add_node(&o, &err);
}

static bool dist(uint64_t s, uint64_t d, unsigned v)
{
    sb_clear(&err);
    return numa_add_distance(s, d, v, &err);
}

static bool cpu_core(int64_t node_id, int64_t core)
{
    numa_cpu_props p = {.has_node_id = true, .node_id = node_id};
    p.has_core_id = core >= 0;
    p.core_id = core;
    sb_clear(&err);
    return numa_map_cpu(&p, &err);
}

static void test_node_checks(void **state)
{
    (void)state;
    setup_virt(DIALECT_7_2, 4, 0, 128 << 20);
    assert_true(node(-1, 64 << 20, NULL)); /* no nodeid: the node count (0) */
    assert_int_equal(numa_node_count(), 1);
    assert_false(node(0, 64 << 20, NULL));
    assert_string_equal(err.buf, "Duplicate NUMA nodeid: 0");
    assert_false(node(128, 0, NULL));
    assert_string_equal(err.buf, "Max number of NUMA nodes reached: 128");
    uint16_t cpus[] = {1, 4};
    assert_false(node_cpus(1, cpus, 2, 64 << 20));
    assert_string_equal(err.buf, "CPU index (4) should be smaller than maxcpus (4)");
    /* QEMU maps the CPUs listed before the bad one: CPU 1 now belongs to node 1 */
    assert_int_equal(numa_possible_cpu_props(1).node_id, 1);
    assert_true(numa_possible_cpu_props(1).has_node_id);
    assert_int_equal(numa_node_count(), 1);
    sb_clear(&err);
    numa_node_opts init = {.has_nodeid = true, .nodeid = 3, .has_initiator = true};
    assert_false(numa_add_node(&init, &err));
    assert_string_equal(err.buf, "ACPI Heterogeneous Memory Attribute Table (HMAT) is disabled, "
                                 "enable it with -machine hmat=on before using any of hmat "
                                 "specific options");
}

static void test_mem_memdev_mixing(void **state)
{
    (void)state;
    setup_virt(DIALECT_7_2, 2, 0, 128 << 20);
    assert_true(hostmem_add("m0", 64 << 20, &err));
    assert_false(hostmem_add("m0", 64 << 20, &err));
    assert_string_equal(err.buf, "Duplicate ID 'm0' for object");
    assert_false(node(0, 0, "nope"));
    assert_string_equal(err.buf, "memdev=nope is ambiguous");
    /* the failed call still counts as "memdev seen": mem= is refused from now on */
    assert_false(node(0, 64 << 20, NULL));
    assert_string_equal(err.buf, "numa configuration should use either mem= or memdev=,mixing "
                                 "both is not allowed");
    /* ...and that failed mem= call counts as "mem seen": memdev= is refused too (QEMU 7.2) */
    assert_false(node(0, 0, "m0"));
    assert_string_equal(err.buf, "numa configuration should use either mem= or memdev=,mixing "
                                 "both is not allowed");
    setup_virt(DIALECT_7_2, 2, 0, 128 << 20);
    assert_true(hostmem_add("m0", 64 << 20, &err));
    assert_true(node(0, 0, "m0"));
    assert_string_equal(numa_node_memdev(0), "m0");
    assert_int_equal(numa_node_mem(0), 64 << 20);

    /* 3.0: per call, then the first node decides */
    setup_virt(DIALECT_3_0, 2, 0, 128 << 20);
    assert_true(hostmem_add("m0", 64 << 20, &err));
    numa_node_opts both = {.has_mem = true, .mem = 1, .memdev = "m0"};
    sb_clear(&err);
    assert_false(numa_add_node(&both, &err));
    assert_string_equal(err.buf, "cannot specify both mem= and memdev=");
    assert_true(node(0, 64 << 20, NULL));
    assert_false(node(1, 0, "m0"));
    assert_string_equal(err.buf, "memdev option must be specified for either all or no nodes");
}

static void test_dist_checks(void **state)
{
    (void)state;
    setup_virt(DIALECT_7_2, 2, 0, 128 << 20);
    assert_true(node(0, 64 << 20, NULL));
    assert_false(dist(128, 0, 20));
    assert_string_equal(err.buf, "Parameter 'src' expects an integer between 0 and 127");
    assert_false(dist(0, 300, 20));
    assert_string_equal(err.buf, "Parameter 'dst' expects an integer between 0 and 127");
    assert_false(dist(0, 1, 20));
    assert_string_equal(err.buf, "Source/Destination NUMA node is missing. Please use '-numa "
                                 "node' option to declare it first.");
    assert_true(node(1, 64 << 20, NULL));
    assert_false(dist(0, 1, 9));
    assert_string_equal(err.buf, "NUMA distance (9) is invalid, it shouldn't be less than 10.");
    assert_false(dist(1, 1, 20));
    assert_string_equal(err.buf, "Local distance of node 1 should be 10.");
    assert_false(numa_have_distances());
    assert_true(dist(0, 1, 31));
    assert_true(numa_have_distances());
    assert_true(finalize_captured());
    assert_string_equal(captured, "");
    /* filled in symmetrically, 10 on the diagonal */
    assert_int_equal(numa_distance(1, 0), 31);
    assert_int_equal(numa_distance(0, 1), 31);
    assert_int_equal(numa_distance(1, 1), 10);
}

static void test_cpu_checks(void **state)
{
    (void)state;
    setup_virt(DIALECT_7_2, 4, 0, 128 << 20);
    sb_clear(&err);
    numa_cpu_props none = {0};
    assert_false(numa_map_cpu(&none, &err));
    assert_string_equal(err.buf, "Missing mandatory node-id property");
    assert_false(cpu_core(0, 1));
    assert_string_equal(err.buf, "Invalid node-id=0, NUMA node must be defined with -numa "
                                 "node,nodeid=ID before it's used with -numa cpu,node-id=ID");
    assert_false(cpu_core(-1, 1));
    assert_false(cpu_core(500, 1)); /* QEMU reads past its table here; emu refuses */
    assert_true(node(0, 64 << 20, NULL));
    assert_true(node(1, 64 << 20, NULL));
    numa_cpu_props sock = {.has_node_id = true, .has_socket_id = true, .has_thread_id = true};
    sb_clear(&err);
    assert_false(numa_map_cpu(&sock, &err));
    assert_string_equal(err.buf, "thread-id is not supported"); /* QEMU checks thread-id first */
    sock.has_thread_id = false;
    sb_clear(&err);
    assert_false(numa_map_cpu(&sock, &err));
    assert_string_equal(err.buf, "socket-id is not supported");
    assert_false(cpu_core(0, 4));
    assert_string_equal(err.buf, "no match found");
    assert_true(cpu_core(1, 3));
    assert_true(cpu_core(1, 3)); /* the same node again is fine */
    assert_false(cpu_core(0, 3));
    assert_string_equal(err.buf, "CPU is already assigned to node-id: 1");
    /* node-id alone matches every slot: 0..2 mapped, then slot 3 refuses */
    assert_false(cpu_core(0, -1));
    assert_string_equal(err.buf, "CPU is already assigned to node-id: 1");
    assert_int_equal(numa_possible_cpu_props(2).node_id, 0);
    assert_true(finalize_captured());
    assert_string_equal(captured, "");
    assert_int_equal(numa_cpu_node(0), 0);
    assert_int_equal(numa_cpu_node(3), 1);
}

static void test_build_gaps_and_memory(void **state)
{
    (void)state;
    setup_virt(DIALECT_7_2, 4, 0, 128 << 20);
    assert_true(node(1, 64 << 20, NULL));
    assert_true(node(3, 64 << 20, NULL));
    assert_false(finalize_captured());
    assert_string_equal(captured, "emu: numa: Node ID missing: 2\n"); /* highest first */

    setup_virt(DIALECT_7_2, 4, 0, 256 << 20);
    assert_true(node(0, 64 << 20, NULL));
    assert_true(node(1, 0, NULL));
    assert_false(finalize_captured());
    assert_string_equal(captured,
                        "emu: total memory for NUMA nodes (0x4000000) should equal RAM size "
                        "(0x10000000)\n");

    setup_virt(DIALECT_7_2, 2, 0, 128 << 20);
    assert_true(hostmem_add("m0", 64 << 20, &err));
    assert_true(node(0, 0, "m0"));
    assert_true(node(1, 0, "m0"));
    assert_false(finalize_captured());
    assert_string_equal(captured, "emu: memory backend m0 can't be used multiple times.\n");

    /* 3.0: nodes given no memory share RAM in 8 MiB-aligned parts, the last the rest */
    setup_virt(DIALECT_3_0, 3, 0, 100 << 20);
    assert_true(node(0, 0, NULL));
    assert_true(node(1, 0, NULL));
    assert_true(node(2, 0, NULL));
    assert_true(finalize_captured());
    assert_int_equal(numa_node_mem(0), 32 << 20);
    assert_int_equal(numa_node_mem(1), 32 << 20);
    assert_int_equal(numa_node_mem(2), 36 << 20);
    assert_int_equal(numa_node_mem_offset(2), 64 << 20);
}

static void test_build_distances(void **state)
{
    (void)state;
    setup_virt(DIALECT_7_2, 3, 0, 96 << 20);
    for (int i = 0; i < 3; i++) {
        assert_true(node(i, 32 << 20, NULL));
    }
    assert_true(dist(0, 1, 20));
    assert_true(dist(0, 2, 20));
    assert_false(finalize_captured());
    assert_string_equal(captured, "emu: The distance between node 1 and 2 is missing, at least "
                                  "one distance value between each nodes should be provided.\n");

    setup_virt(DIALECT_7_2, 3, 0, 96 << 20);
    for (int i = 0; i < 3; i++) {
        assert_true(node(i, 32 << 20, NULL));
    }
    assert_true(dist(0, 1, 20));
    assert_true(dist(1, 0, 30));
    assert_true(dist(1, 2, 20));
    assert_true(dist(0, 2, 20));
    assert_false(finalize_captured());
    assert_string_equal(captured,
                        "emu: At least one asymmetrical pair of distances is given, please "
                        "provide distances for both directions of all node pairs.\n");
}

static void test_build_cpu_placement(void **state)
{
    (void)state;
    /* no mapping at all: riscv's contiguous blocks of cpus / nodes harts */
    setup_virt(DIALECT_7_2, 5, 0, 128 << 20);
    assert_true(node(0, 64 << 20, NULL));
    assert_true(node(1, 64 << 20, NULL));
    assert_true(finalize_captured());
    assert_string_equal(captured, "");
    int want[] = {0, 0, 1, 1, 1};
    for (int i = 0; i < 5; i++) {
        assert_int_equal(numa_cpu_node(i), want[i]);
    }

    /* partial mapping: the rest falls back to node 0, with QEMU's two warnings */
    setup_virt(DIALECT_7_2, 4, 0, 128 << 20);
    assert_true(node(0, 64 << 20, NULL));
    assert_true(node(1, 64 << 20, NULL));
    assert_true(cpu_core(1, 0));
    assert_true(finalize_captured());
    assert_string_equal(captured,
                        "emu: warning: CPU(s) not present in any NUMA nodes: CPU 1 [core-id: 1], "
                        "CPU 2 [core-id: 2], CPU 3 [core-id: 3]\n"
                        "emu: warning: All CPU(s) up to maxcpus should be described in NUMA "
                        "config, ability to start up with partial NUMA mappings is obsoleted and "
                        "will be removed in future\n");
    assert_int_equal(numa_cpu_node(0), 1);
    assert_int_equal(numa_cpu_node(3), 0);

    /* more nodes than harts */
    setup_virt(DIALECT_7_2, 1, 2, 128 << 20);
    assert_true(node(0, 64 << 20, NULL));
    assert_true(node(1, 64 << 20, NULL));
    assert_false(finalize_captured());
    assert_string_equal(captured, "emu: Number of NUMA nodes (2) cannot exceed the number of "
                                  "available CPUs (2).\n");
}

static void test_no_numa(void **state)
{
    (void)state;
    setup_virt(DIALECT_7_2, 2, 0, 128 << 20);
    assert_true(finalize_captured());
    assert_int_equal(numa_node_count(), 0);
    assert_int_equal(numa_node_mem(0), 128 << 20);
    assert_int_equal(numa_cpu_node(1), 0);
    assert_false(numa_possible_cpu_props(1).has_node_id);
    assert_false(numa_have_distances());
}

static void test_hmat(void **state)
{
    (void)state;
    setup_virt(DIALECT_7_2, 2, 0, 128 << 20);
    numa_hmat_lb_opts lat = {
        .initiator = 0, .target = 0, .data_type = 0, .has_latency = true, .latency = 5};
    sb_clear(&err);
    assert_false(numa_add_hmat_lb(&lat, &err));
    assert_string_equal(err.buf, "ACPI Heterogeneous Memory Attribute Table (HMAT) is disabled, "
                                 "enable it with -machine hmat=on before using any of hmat "
                                 "specific options");
    numa_set_hmat(true);
    numa_node_opts n1 = {.has_nodeid = true, .nodeid = 1, .has_initiator = true, .initiator = 0};
    uint16_t cpu1 = 1;
    n1.cpus = &cpu1;
    n1.ncpus = 1;
    sb_clear(&err);
    assert_false(numa_add_node(&n1, &err));
    assert_string_equal(err.buf, "The initiator of CPU NUMA node 1 should be itself (got 0)");
    assert_int_equal(numa_possible_cpu_props(1).node_id, 1); /* mapped all the same */
    assert_true(node(0, 64 << 20, NULL));
    sb_clear(&err);
    assert_false(numa_add_hmat_lb(&lat, &err)); /* node 0 has no CPU yet */
    assert_string_equal(err.buf, "Invalid initiator=0, it isn't an initiator proximity domain");
    assert_true(cpu_core(0, 0));
    sb_clear(&err);
    assert_true(numa_add_hmat_lb(&lat, &err));
    assert_false(numa_add_hmat_lb(&lat, &err));
    assert_string_equal(err.buf, "Duplicate configuration of the latency for initiator=0 and "
                                 "target=0");
    numa_hmat_cache_opts cache = {.node_id = 0, .size = 4096, .level = 1};
    sb_clear(&err);
    assert_false(numa_add_hmat_cache(&cache, &err));
    assert_string_equal(err.buf, "The latency and bandwidth information of node-id=0 should be "
                                 "provided before memory side cache attributes");
    numa_hmat_lb_opts bw = {.data_type = 3, .has_bandwidth = true, .bandwidth = 3 << 20};
    sb_clear(&err);
    assert_true(numa_add_hmat_lb(&bw, &err));
    assert_true(numa_add_hmat_cache(&cache, &err));
    cache.level = 3;
    assert_false(numa_add_hmat_cache(&cache, &err));
    assert_string_equal(err.buf, "Cache level=2 shall be defined first");
    /* a bandwidth whose bits span more than 16 from the smallest seen so far */
    numa_hmat_lb_opts wide = {
        .target = 1, .data_type = 3, .has_bandwidth = true, .bandwidth = 1ull << 40};
    assert_true(node(1, 64 << 20, NULL));
    sb_clear(&err);
    assert_false(numa_add_hmat_lb(&wide, &err));
    assert_string_equal(err.buf, "Bandwidth 1099511627776 between initiator=0 and target=1 should "
                                 "not differ from previously entered values on more than 65534");
}

/* cli_parse, the topology check, -object and -numa; returns the exit status (-1: go on) with
 * stderr captured. */
static int cli(const char *line)
{
    char *copy = strdup(line);
    char *argv[64];
    int argc = 0;
    argv[argc++] = "emu";
    for (char *t = strtok(copy, " "); t && argc < 63; t = strtok(NULL, " ")) {
        argv[argc++] = t;
    }
    argv[argc] = NULL;
    begin_capture();
    int rc = cli_parse(argc, argv);
    if (rc < 0) {
        rc = machine_check_config() ? -1 : 1;
    }
    if (rc < 0) {
        rc = cli_apply_objects();
    }
    if (rc < 0) {
        rc = cli_apply_numa();
    }
    end_capture();
    free(copy);
    return rc;
}

/* numa_reset() skips its clearing when nothing changed since the last one (the fuzz targets
 * reset for every input): every kind of change, failed calls included, must still be
 * forgotten, and a second reset in a row must leave the same state. */
static void test_reset_forgets_every_change(void **state)
{
    (void)state;
    for (int kind = 0; kind < 7; kind++) {
        setup_virt(DIALECT_7_2, 2, 0, 128 << 20);
        numa_hmat_lb_opts lat = {
            .initiator = 0, .target = 0, .data_type = 0, .has_latency = true, .latency = 5};
        switch (kind) {
        case 0: /* a node, and "mem seen" */
            assert_true(node(1, 64 << 20, NULL));
            break;
        case 1: /* distances */
            assert_true(node(0, 64 << 20, NULL));
            assert_true(node(1, 64 << 20, NULL));
            assert_true(dist(0, 1, 30));
            break;
        case 2: /* a CPU mapping left by a failed call */
            assert_false(cpu_core(5, 0));
            assert_true(node(0, 64 << 20, NULL));
            assert_true(cpu_core(0, 1));
            break;
        case 3: /* HMAT switched on, an lb entry */
            numa_set_hmat(true);
            assert_true(node(0, 64 << 20, NULL));
            assert_true(cpu_core(0, 0));
            sb_clear(&err);
            assert_true(numa_add_hmat_lb(&lat, &err));
            break;
        case 4: /* the build's defaults (node memory, CPU placement) */
            assert_true(node(0, 128 << 20, NULL));
            assert_true(finalize_captured());
            assert_true(numa_possible_cpu_props(1).has_node_id);
            break;
        case 5: /* nothing: reset twice in a row */
            break;
        case 6: /* HMAT switched on, nothing else */
            numa_set_hmat(true);
            break;
        }
        for (int again = 0; again < 2; again++) {
            setup_virt(DIALECT_7_2, 2, 0, 128 << 20);
            assert_int_equal(numa_node_count(), 0);
            for (int n = 0; n < NUMA_MAX_NODES; n++) {
                assert_false(numa_node_present(n));
            }
            assert_false(numa_have_distances());
            assert_false(numa_hmat_enabled());
            assert_false(numa_possible_cpu_props(0).has_node_id);
            assert_false(numa_possible_cpu_props(1).has_node_id);
        }
        /* "mem seen" is gone: memdev= is accepted again */
        assert_true(hostmem_add("m0", 64 << 20, &err));
        assert_true(node(1, 0, "m0"));
        assert_int_equal(numa_node_count(), 1);
        assert_true(numa_node_present(1));
    }
}

static void test_cli(void **state)
{
    (void)state;
    const char *base = "-M virt --dialect 7.2 -smp 4 -m 128M ";
    char line[512];
#define CLI(extra) (snprintf(line, sizeof(line), "%s%s", base, extra), cli(line))
    assert_int_equal(CLI("-object memory-backend-ram,id=m0,size=64M -numa node,memdev=m0 "
                         "-object memory-backend-ram,id=m1,size=64M -numa node,memdev=m1,cpus=2-3 "
                         "-numa dist,src=0,dst=1,val=21"),
                     -1);
    assert_string_equal(captured, "");
    assert_int_equal(numa_node_count(), 2);
    assert_int_equal(numa_node_mem(1), 64 << 20);
    assert_int_equal(numa_possible_cpu_props(3).node_id, 1);
    assert_int_equal(CLI("-numa node,mem=64 -numa node,mem=64M"), -1);
    assert_string_equal(captured, "emu: -numa node,mem=64: warning: Parameter -numa node,mem is "
                                  "deprecated, use -numa node,memdev instead\n"
                                  "emu: -numa node,mem=64M: warning: Parameter -numa node,mem is "
                                  "deprecated, use -numa node,memdev instead\n");
    assert_int_equal(numa_node_mem(0), 64 << 20); /* no suffix: MiB */
    assert_int_equal(CLI("-numa node,bogus=1,nodeid=x"), 1);
    assert_string_equal(captured, "emu: -numa node,bogus=1,nodeid=x: Parameter 'nodeid' expects "
                                  "a uint64 value\n"); /* members first, unknown keys last */
    assert_int_equal(CLI("-numa node,cpus=1-70000"), 1);
    assert_string_equal(captured, "emu: -numa node,cpus=1-70000: Parameter 'cpus' expects a "
                                  "uint64 value or range\n");
    assert_int_equal(CLI("-numa dist,src=0"), 1);
    assert_string_equal(captured, "emu: -numa dist,src=0: Parameter 'dst' is missing\n");
    assert_int_equal(CLI("-numa hmat-lb,initiator=0,target=0,hierarchy=memory,data-type=x"), 1);
    assert_string_equal(captured, "emu: -numa hmat-lb,initiator=0,target=0,hierarchy=memory,"
                                  "data-type=x: Parameter 'data-type' does not accept value 'x'\n");
    assert_int_equal(CLI("-object memory-backend-ram,id=1m,size=1M"), 1);
    assert_string_equal(captured, "emu: -object memory-backend-ram,id=1m,size=1M: Parameter 'id' "
                                  "expects an identifier\nIdentifiers consist of letters, digits, "
                                  "'-', '.', '_', starting with a letter.\n");
    assert_int_equal(CLI("-smp 4,sockets=2,cores=1,threads=1"), 1);
    assert_string_equal(captured,
                        "emu: Invalid CPU topology: product of the hierarchy must match "
                        "maxcpus: sockets (2) * cores (1) * threads (1) != maxcpus (4)\n");
    assert_int_equal(cli("-M virt --dialect 7.2 -smp maxcpus=6"), -1); /* cpus = maxcpus */
    assert_int_equal(machine_cfg.smp_cpus, 6);
    assert_int_equal(cli("-M none,hmat=on --dialect 7.2"), 1);
    assert_string_equal(captured, "emu: Property 'none-machine.hmat' not found\n");
    assert_int_equal(cli("-M virt,hmat=on --dialect 3.0"), 1); /* HMAT came in 5.0 */
    assert_int_equal(cli("-M none --dialect 7.2 -numa node"), 1);
    assert_string_equal(captured, "emu: -numa node: NUMA is not supported by this machine-type\n");
#undef CLI
    cli_reset();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_node_checks),
        cmocka_unit_test(test_mem_memdev_mixing),
        cmocka_unit_test(test_dist_checks),
        cmocka_unit_test(test_cpu_checks),
        cmocka_unit_test(test_build_gaps_and_memory),
        cmocka_unit_test(test_build_distances),
        cmocka_unit_test(test_build_cpu_placement),
        cmocka_unit_test(test_no_numa),
        cmocka_unit_test(test_hmat),
        cmocka_unit_test(test_reset_forgets_every_change),
        cmocka_unit_test(test_cli),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    sb_free(&err);
    return rc;
}
