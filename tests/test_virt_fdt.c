/* Unit tests of the virt board's device tree: the single-node tree (one memory node, no
 * numa-node-id), a NUMA tree (numa-node-id on harts and memory, contiguous node memory, one
 * cpu-map cluster per node, the distance matrix only when distances were given), QEMU 7.2's
 * socket checks and messages, the blob's placement and its copy in RAM with a1 pointing at it.
 * Trees are read back with libfdt. Must never depend on files, QEMU or a guest. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <libfdt.h>

#include "emu/hw/virt.h"
#include "emu/hw/virt_fdt.h"

static uint32_t cell(const void *fdt, const char *path, const char *name, int index)
{
    int off = fdt_path_offset(fdt, path);
    assert_true(off >= 0);
    int len = 0;
    const fdt32_t *v = fdt_getprop(fdt, off, name, &len);
    assert_non_null(v);
    assert_true((index + 1) * 4 <= len);
    return fdt32_to_cpu(v[index]);
}

static bool has_prop(const void *fdt, const char *path, const char *name)
{
    int off = fdt_path_offset(fdt, path);
    assert_true(off >= 0);
    return fdt_getprop(fdt, off, name, NULL) != NULL;
}

static void *build(const virt_config *cfg, size_t *len)
{
    strbuf err;
    sb_init(&err);
    void *fdt = virt_fdt_build(cfg, len, &err);
    assert_non_null(fdt);
    assert_int_equal(fdt_check_header(fdt), 0);
    assert_int_equal(fdt_totalsize(fdt), *len);
    sb_free(&err);
    return fdt;
}

static void test_single_node(void **state)
{
    (void)state;
    virt_config cfg = {.ram_size = 128ULL << 20, .nharts = 2};
    size_t len;
    void *fdt = build(&cfg, &len);
    assert_int_equal(cell(fdt, "/cpus", "timebase-frequency", 0), 10000000);
    assert_int_equal(cell(fdt, "/cpus/cpu@1", "reg", 0), 1);
    assert_false(has_prop(fdt, "/cpus/cpu@0", "numa-node-id"));
    assert_int_equal(cell(fdt, "/memory@80000000", "reg", 1), 0x80000000u);
    assert_int_equal(cell(fdt, "/memory@80000000", "reg", 3), 128u << 20);
    assert_false(has_prop(fdt, "/memory@80000000", "numa-node-id"));
    assert_true(fdt_path_offset(fdt, "/distance-map") < 0);
    /* one cluster with both harts, core i pointing at cpu@i's phandle */
    assert_int_equal(cell(fdt, "/cpus/cpu-map/cluster0/core1", "cpu", 0),
                     cell(fdt, "/cpus/cpu@1", "phandle", 0));
    assert_true(fdt_path_offset(fdt, "/cpus/cpu-map/cluster1") < 0);
    assert_string_equal(fdt_getprop(fdt, fdt_path_offset(fdt, "/chosen"), "stdout-path", NULL),
                        "/soc/serial@10000000");
    free(fdt);
}

static virt_config numa_config(void)
{
    virt_config cfg = {.ram_size = 256ULL << 20, .nharts = 4};
    cfg.topo.nodes = 2;
    cfg.topo.node_mem[0] = 64ULL << 20;
    cfg.topo.node_mem[1] = 192ULL << 20;
    const int node[4] = {0, 0, 1, 1};
    memcpy(cfg.topo.hart_node, node, sizeof(node));
    return cfg;
}

static void test_numa_nodes(void **state)
{
    (void)state;
    virt_config cfg = numa_config();
    size_t len;
    void *fdt = build(&cfg, &len);
    assert_int_equal(cell(fdt, "/cpus/cpu@1", "numa-node-id", 0), 0);
    assert_int_equal(cell(fdt, "/cpus/cpu@2", "numa-node-id", 0), 1);
    assert_int_equal(cell(fdt, "/memory@80000000", "numa-node-id", 0), 0);
    assert_int_equal(cell(fdt, "/memory@80000000", "reg", 3), 64u << 20);
    assert_int_equal(cell(fdt, "/memory@84000000", "numa-node-id", 0), 1);
    assert_int_equal(cell(fdt, "/memory@84000000", "reg", 1), 0x84000000u);
    assert_int_equal(cell(fdt, "/memory@84000000", "reg", 3), 192u << 20);
    /* cluster1's core0 is hart 2 (cores count from 0 within each socket) */
    assert_int_equal(cell(fdt, "/cpus/cpu-map/cluster1/core0", "cpu", 0),
                     cell(fdt, "/cpus/cpu@2", "phandle", 0));
    assert_true(fdt_path_offset(fdt, "/distance-map") < 0); /* no distances given */
    free(fdt);
}

static void test_distance_map(void **state)
{
    (void)state;
    virt_config cfg = numa_config();
    cfg.topo.have_distances = true;
    const uint8_t d[2][2] = {{10, 30}, {40, 10}};
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 2; j++)
            cfg.topo.distance[i][j] = d[i][j];
    size_t len;
    void *fdt = build(&cfg, &len);
    assert_string_equal(fdt_getprop(fdt, fdt_path_offset(fdt, "/distance-map"), "compatible", NULL),
                        "numa-distance-map-v1");
    const uint32_t want[12] = {0, 0, 10, 0, 1, 30, 1, 0, 40, 1, 1, 10};
    for (int i = 0; i < 12; i++)
        assert_int_equal(cell(fdt, "/distance-map", "distance-matrix", i), want[i]);
    free(fdt);
}

static void expect_refused(virt_config cfg, const char *message)
{
    strbuf err;
    sb_init(&err);
    assert_null(virt_new(&cfg, &err));
    assert_string_equal(err.buf, message);
    sb_free(&err);
}

static void test_socket_checks(void **state)
{
    (void)state;
    virt_config cfg = numa_config();
    cfg.topo.hart_node[1] = 1;
    cfg.topo.hart_node[2] = 0; /* 0 1 0 1: node 0 is not one run of harts */
    expect_refused(cfg, "discontinuous hartids in socket0");
    cfg = numa_config();
    cfg.topo.hart_node[2] = cfg.topo.hart_node[3] = 0; /* node 1 has no hart */
    expect_refused(cfg, "discontinuous hartids in socket1");
    cfg = numa_config();
    cfg.topo.nodes = 5;
    expect_refused(cfg, "number of sockets/nodes should be less than 4");
}

static void test_placement(void **state)
{
    (void)state;
    /* measured with QEMU 7.2: the a1 slot of its reset ROM for -m 128M, 256M, 1G, 4G, 512K */
    assert_int_equal(virt_fdt_place(128ULL << 20), 0x87e00000ULL);
    assert_int_equal(virt_fdt_place(256ULL << 20), 0x8fe00000ULL);
    assert_int_equal(virt_fdt_place(1ULL << 30), 0xbfe00000ULL);
    assert_int_equal(virt_fdt_place(4ULL << 30), 0xbfe00000ULL);
    assert_int_equal(virt_fdt_place(512ULL << 10), 0x7fe00000ULL);
}

static void test_blob_in_ram(void **state)
{
    (void)state;
    virt_config cfg = numa_config();
    strbuf err;
    sb_init(&err);
    virt_board *b = virt_new(&cfg, &err);
    assert_non_null(b);
    uint64_t size, addr = virt_fdt_addr(b);
    uint8_t *ram = virt_ram(b, &size);
    size_t len;
    const void *blob = virt_fdt_blob(b, &len);
    assert_int_equal(addr, 0x8fe00000ULL);
    assert_memory_equal(ram + (addr - VIRT_DRAM_BASE), blob, len);
    /* a guest that overwrote it finds it again after a reset, as under QEMU */
    memset(ram + (addr - VIRT_DRAM_BASE), 0xff, 64);
    virt_reset(b);
    assert_memory_equal(ram + (addr - VIRT_DRAM_BASE), blob, len);
    /* the reset ROM hands the address to the kernel in a1 (ld a1, 32(t0)) */
    hart *h = virt_hart(b, 0);
    virt_run(b, 4);
    assert_int_equal(h->x[11], addr);
    assert_int_equal(h->x[10], 0);
    virt_free(b);
    sb_free(&err);
}

/* Loading a kernel leaves nothing in RAM but the image and the device tree: bytes written
 * before (here through virt_ram, as a debugger or a previous run could) are cleared, and a
 * board nobody wrote to (its RAM only cleared where a reset put the tree) gives the same. */
static void test_load_clears_ram(void **state)
{
    (void)state;
    static const uint8_t image[8] = {0x13, 0, 0, 0, 0x13, 0, 0, 0}; /* raw: two nops */
    static const uint8_t zero[4096];
    virt_config cfg = {.ram_size = 64ULL << 20, .nharts = 1};
    strbuf err;
    sb_init(&err);
    for (int written = 0; written < 2; written++) {
        virt_board *b = virt_new(&cfg, &err);
        assert_non_null(b);
        uint64_t size;
        uint8_t *ram = virt_ram(b, &size);
        if (written) {
            memset(ram + (1 << 20), 0xa5, sizeof(zero));
            memset(ram + 8, 0x5a, 64);
        }
        assert_true(virt_load_kernel_mem(b, image, sizeof(image), &err));
        ram = virt_ram(b, &size);
        assert_memory_equal(ram, image, sizeof(image));
        assert_memory_equal(ram + 8, zero, 64);
        assert_memory_equal(ram + (1 << 20), zero, sizeof(zero));
        size_t len;
        const void *blob = virt_fdt_blob(b, &len);
        assert_memory_equal(ram + (virt_fdt_addr(b) - VIRT_DRAM_BASE), blob, len);
        virt_free(b);
    }
    sb_free(&err);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_single_node),     cmocka_unit_test(test_numa_nodes),
        cmocka_unit_test(test_distance_map),    cmocka_unit_test(test_socket_checks),
        cmocka_unit_test(test_placement),       cmocka_unit_test(test_blob_in_ram),
        cmocka_unit_test(test_load_clears_ram),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
