/* The virt board's device tree (see virt_fdt.h), built with libfdt's read-write API in the order
 * QEMU 7.2's hw/riscv/virt.c builds its own: libfdt puts each new property and subnode first in
 * its node, so creating them in QEMU's order gives QEMU's order in the blob for every node both
 * trees have. emu has one CLINT and one PLIC for all harts (QEMU: one of each per socket), an
 * RV64IMAC hart with Sv39, and the emu test device; no PCI, virtio, flash, fw-cfg, PMU or
 * rng-seed. It must never write outside the buffer it allocated nor abort on a libfdt error. */
#include "emu/hw/virt_fdt.h"

#include <libfdt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emu/hw/clint.h"
#include "emu/hw/emu_testdev.h"
#include "emu/hw/goldfish_rtc.h"
#include "emu/hw/plic.h"
#include "emu/hw/sifive_test.h"
#include "emu/hw/uart.h"

#define BUILD_SIZE   0x10000 /* emu's tree is a few KiB; libfdt reports if it ever outgrows */
#define IRQ_S_SOFT   1
#define IRQ_M_SOFT   3
#define IRQ_M_TIMER  7
#define IRQ_S_EXT    9
#define IRQ_M_EXT    11
#define UART_CLOCK   3686400 /* QEMU's 16550 input clock, as its tree says */
#define THREE_GIB    0xc0000000ULL
#define TWO_MIB      0x200000ULL
#define SERIAL_PATH  "/soc/serial@10000000"
#define MAX_PROP_LEN (VIRT_MAX_NODES * VIRT_MAX_NODES * 3 + VIRT_MAX_HARTS * 4)

typedef struct fdt_ctx {
    void *fdt;
    int err; /* the first libfdt error; every later call is skipped */
    const char *what;
} fdt_ctx;

static int path_offset(fdt_ctx *c, const char *path)
{
    if (c->err)
        return -1;
    int off = fdt_path_offset(c->fdt, path);
    if (off < 0) {
        c->err = off;
        c->what = path;
    }
    return off;
}

static void add_node(fdt_ctx *c, const char *path)
{
    char parent[128];
    const char *slash = strrchr(path, '/');
    size_t plen = (size_t)(slash - path);
    if (c->err || plen >= sizeof(parent))
        return;
    memcpy(parent, path, plen);
    parent[plen] = 0;
    int poff = path_offset(c, plen ? parent : "/");
    if (poff < 0)
        return;
    int r = fdt_add_subnode(c->fdt, poff, slash + 1);
    if (r < 0) {
        c->err = r;
        c->what = path;
    }
}

static void set_prop(fdt_ctx *c, const char *path, const char *name, const void *val, int len)
{
    int off = path_offset(c, path);
    if (off < 0)
        return;
    int r = fdt_setprop(c->fdt, off, name, val, len);
    if (r < 0) {
        c->err = r;
        c->what = name;
    }
}

static void set_cells(fdt_ctx *c, const char *path, const char *name, const uint32_t *v, int n)
{
    fdt32_t be[MAX_PROP_LEN];
    if (n > MAX_PROP_LEN) {
        c->err = c->err ? c->err : -FDT_ERR_NOSPACE;
        return;
    }
    for (int i = 0; i < n; i++)
        be[i] = cpu_to_fdt32(v[i]);
    set_prop(c, path, name, be, n * (int)sizeof(be[0]));
}

static void set_cell(fdt_ctx *c, const char *path, const char *name, uint32_t v)
{
    set_cells(c, path, name, &v, 1);
}

static void set_reg64(fdt_ctx *c, const char *path, uint64_t base, uint64_t size)
{
    const uint32_t reg[4] = {(uint32_t)(base >> 32), (uint32_t)base, (uint32_t)(size >> 32),
                             (uint32_t)size};
    set_cells(c, path, "reg", reg, 4);
}

static void set_str(fdt_ctx *c, const char *path, const char *name, const char *s)
{
    set_prop(c, path, name, s, (int)strlen(s) + 1);
}

/* A string list: the strings one after another, each NUL-terminated. */
static void set_strs(fdt_ctx *c, const char *path, const char *name, const char *const *v, int n)
{
    char buf[256];
    size_t len = 0;
    for (int i = 0; i < n; i++) {
        size_t l = strlen(v[i]) + 1;
        if (len + l > sizeof(buf))
            return;
        memcpy(buf + len, v[i], l);
        len += l;
    }
    set_prop(c, path, name, buf, (int)len);
}

static void set_empty(fdt_ctx *c, const char *path, const char *name)
{
    set_prop(c, path, name, NULL, 0);
}

/* QEMU's sockets: one per NUMA node (its harts are one contiguous run), or one for all. */
static int socket_count(const virt_config *cfg)
{
    return cfg->topo.nodes ? cfg->topo.nodes : 1;
}

static void socket_harts(const virt_config *cfg, int s, int *first, int *count)
{
    *first = -1;
    *count = 0;
    for (int h = 0; h < cfg->nharts; h++) {
        if (cfg->topo.nodes && cfg->topo.hart_node[h] != s)
            continue;
        if (*first < 0)
            *first = h;
        (*count)++;
    }
}

static uint64_t socket_mem_offset(const virt_config *cfg, int s)
{
    uint64_t off = 0;
    for (int n = 0; n < s && cfg->topo.nodes; n++)
        off += cfg->topo.node_mem[n];
    return off;
}

static void write_node_id(fdt_ctx *c, const virt_config *cfg, const char *path, int s)
{
    if (cfg->topo.nodes)
        set_cell(c, path, "numa-node-id", (uint32_t)s);
}

/* One socket's harts, highest first as QEMU creates them; phandles are handed out in that
 * order (cpu, then its interrupt controller). */
static void build_socket_cpus(fdt_ctx *c, const virt_config *cfg, int s, uint32_t *phandle,
                              uint32_t *intc_phandle)
{
    int first, count;
    socket_harts(cfg, s, &first, &count);
    for (int i = count - 1; i >= 0; i--) {
        int hart = first + i;
        uint32_t cpu_ph = (*phandle)++;
        char cpu[48], intc[80], core[64];
        snprintf(cpu, sizeof(cpu), "/cpus/cpu@%d", hart);
        add_node(c, cpu);
        set_str(c, cpu, "mmu-type", "riscv,sv39");
        /* QEMU's riscv_isa_string for what emu implements: single letters, then Z extensions. */
        set_str(c, cpu, "riscv,isa", "rv64imac_zicsr_zifencei");
        set_str(c, cpu, "compatible", "riscv");
        set_str(c, cpu, "status", "okay");
        set_cell(c, cpu, "reg", (uint32_t)hart);
        set_str(c, cpu, "device_type", "cpu");
        write_node_id(c, cfg, cpu, s);
        set_cell(c, cpu, "phandle", cpu_ph);

        intc_phandle[hart] = (*phandle)++;
        snprintf(intc, sizeof(intc), "%s/interrupt-controller", cpu);
        add_node(c, intc);
        set_cell(c, intc, "phandle", intc_phandle[hart]);
        set_str(c, intc, "compatible", "riscv,cpu-intc");
        set_empty(c, intc, "interrupt-controller");
        set_cell(c, intc, "#interrupt-cells", 1);

        snprintf(core, sizeof(core), "/cpus/cpu-map/cluster%d/core%d", s, i);
        add_node(c, core);
        set_cell(c, core, "cpu", cpu_ph);
    }
}

static void build_socket_memory(fdt_ctx *c, const virt_config *cfg, int s)
{
    uint64_t base = VIRT_DRAM_BASE + socket_mem_offset(cfg, s);
    uint64_t size = cfg->topo.nodes ? cfg->topo.node_mem[s] : cfg->ram_size;
    char mem[40];
    snprintf(mem, sizeof(mem), "/memory@%llx", (unsigned long long)base);
    add_node(c, mem);
    set_reg64(c, mem, base, size);
    set_str(c, mem, "device_type", "memory");
    write_node_id(c, cfg, mem, s);
}

/* emu's one CLINT and one PLIC serve every hart, in hart order. */
static void build_clint_plic(fdt_ctx *c, const virt_config *cfg, const uint32_t *intc,
                             uint32_t plic_phandle)
{
    static const char *const clint_compat[] = {"sifive,clint0", "riscv,clint0"};
    static const char *const plic_compat[] = {"sifive,plic-1.0.0", "riscv,plic0"};
    uint32_t cells[VIRT_MAX_HARTS * 4] = {0};
    int n = cfg->nharts;
    char clint[40], plic[40];

    for (int h = 0; h < n; h++) {
        const uint32_t four[4] = {intc[h], IRQ_M_SOFT, intc[h], IRQ_M_TIMER};
        memcpy(cells + h * 4, four, sizeof(four));
    }
    snprintf(clint, sizeof(clint), "/soc/clint@%llx", (unsigned long long)CLINT_BASE);
    add_node(c, clint);
    set_strs(c, clint, "compatible", clint_compat, 2);
    set_reg64(c, clint, CLINT_BASE, CLINT_SIZE);
    set_cells(c, clint, "interrupts-extended", cells, n * 4);

    for (int h = 0; h < n; h++) {
        const uint32_t four[4] = {intc[h], IRQ_M_EXT, intc[h], IRQ_S_EXT};
        memcpy(cells + h * 4, four, sizeof(four));
    }
    snprintf(plic, sizeof(plic), "/soc/plic@%llx", (unsigned long long)PLIC_BASE);
    add_node(c, plic);
    set_cell(c, plic, "#interrupt-cells", 1);
    set_cell(c, plic, "#address-cells", 0);
    set_strs(c, plic, "compatible", plic_compat, 2);
    set_empty(c, plic, "interrupt-controller");
    set_cells(c, plic, "interrupts-extended", cells, n * 4);
    set_reg64(c, plic, PLIC_BASE, plic_size(n));
    set_cell(c, plic, "riscv,ndev", PLIC_NUM_SOURCES - 1);
    set_cell(c, plic, "phandle", plic_phandle);
}

/* QEMU's riscv_socket_fdt_write_distance_matrix: every (src, dst, distance) triple. */
static void build_distance_map(fdt_ctx *c, const virt_config *cfg)
{
    const virt_topology *t = &cfg->topo;
    if (!t->nodes || !t->have_distances)
        return;
    uint32_t m[VIRT_MAX_NODES * VIRT_MAX_NODES * 3];
    int k = 0;
    for (int i = 0; i < t->nodes; i++) {
        for (int j = 0; j < t->nodes; j++) {
            m[k++] = (uint32_t)i;
            m[k++] = (uint32_t)j;
            m[k++] = t->distance[i][j];
        }
    }
    add_node(c, "/distance-map");
    set_str(c, "/distance-map", "compatible", "numa-distance-map-v1");
    set_cells(c, "/distance-map", "distance-matrix", m, k);
}

static void build_devices(fdt_ctx *c, uint32_t plic_phandle, uint32_t test_phandle)
{
    static const char *const test_compat[] = {"sifive,test1", "sifive,test0", "syscon"};
    char name[48];

    /* emu's own device (no QEMU counterpart), placed after the test finisher. */
    snprintf(name, sizeof(name), "/soc/emu-testdev@%llx", (unsigned long long)EMU_TESTDEV_BASE);
    add_node(c, name);
    set_str(c, name, "compatible", "emu,testdev");
    set_reg64(c, name, EMU_TESTDEV_BASE, EMU_TESTDEV_SIZE);

    snprintf(name, sizeof(name), "/soc/test@%llx", (unsigned long long)SIFIVE_TEST_BASE);
    add_node(c, name);
    set_strs(c, name, "compatible", test_compat, 3);
    set_reg64(c, name, SIFIVE_TEST_BASE, SIFIVE_TEST_SIZE);
    set_cell(c, name, "phandle", test_phandle);
    static const struct {
        const char *path, *compat;
        uint32_t value;
    } syscon[] = {{"/reboot", "syscon-reboot", 0x7777}, {"/poweroff", "syscon-poweroff", 0x5555}};
    for (int i = 0; i < 2; i++) {
        add_node(c, syscon[i].path);
        set_str(c, syscon[i].path, "compatible", syscon[i].compat);
        set_cell(c, syscon[i].path, "regmap", test_phandle);
        set_cell(c, syscon[i].path, "offset", 0);
        set_cell(c, syscon[i].path, "value", syscon[i].value);
    }

    add_node(c, "/chosen");
    add_node(c, SERIAL_PATH);
    set_str(c, SERIAL_PATH, "compatible", "ns16550a");
    set_reg64(c, SERIAL_PATH, UART_BASE, UART_SIZE);
    set_cell(c, SERIAL_PATH, "clock-frequency", UART_CLOCK);
    set_cell(c, SERIAL_PATH, "interrupt-parent", plic_phandle);
    set_cell(c, SERIAL_PATH, "interrupts", UART_IRQ);
    set_str(c, "/chosen", "stdout-path", SERIAL_PATH);

    snprintf(name, sizeof(name), "/soc/rtc@%llx", (unsigned long long)GOLDFISH_RTC_BASE);
    add_node(c, name);
    set_str(c, name, "compatible", "google,goldfish-rtc");
    set_reg64(c, name, GOLDFISH_RTC_BASE, GOLDFISH_RTC_SIZE);
    set_cell(c, name, "interrupt-parent", plic_phandle);
    set_cell(c, name, "interrupts", GOLDFISH_RTC_IRQ);
}

void *virt_fdt_build(const virt_config *cfg, size_t *len, strbuf *err)
{
    void *buf = calloc(1, BUILD_SIZE);
    if (!buf)
        abort();
    fdt_ctx c = {.fdt = buf};
    int r = fdt_create_empty_tree(buf, BUILD_SIZE);
    if (r < 0) {
        c.err = r;
        c.what = "/";
    }
    set_str(&c, "/", "model", "riscv-virtio,qemu");
    set_str(&c, "/", "compatible", "riscv-virtio");
    set_cell(&c, "/", "#size-cells", 2);
    set_cell(&c, "/", "#address-cells", 2);

    add_node(&c, "/soc");
    set_empty(&c, "/soc", "ranges");
    set_str(&c, "/soc", "compatible", "simple-bus");
    set_cell(&c, "/soc", "#size-cells", 2);
    set_cell(&c, "/soc", "#address-cells", 2);

    add_node(&c, "/cpus");
    set_cell(&c, "/cpus", "timebase-frequency", (uint32_t)CLINT_FREQ_HZ);
    set_cell(&c, "/cpus", "#size-cells", 0);
    set_cell(&c, "/cpus", "#address-cells", 1);
    add_node(&c, "/cpus/cpu-map");

    uint32_t phandle = 1, intc[VIRT_MAX_HARTS] = {0};
    for (int s = socket_count(cfg) - 1; s >= 0; s--) {
        char cluster[40];
        snprintf(cluster, sizeof(cluster), "/cpus/cpu-map/cluster%d", s);
        add_node(&c, cluster);
        build_socket_cpus(&c, cfg, s, &phandle, intc);
        build_socket_memory(&c, cfg, s);
    }
    uint32_t plic_phandle = phandle++;
    build_clint_plic(&c, cfg, intc, plic_phandle);
    build_distance_map(&c, cfg);
    build_devices(&c, plic_phandle, phandle++);

    if (!c.err && (r = fdt_pack(buf)) < 0) {
        c.err = r;
        c.what = "pack";
    }
    if (c.err) {
        sb_printf(err, "virt: cannot build the device tree (%s: %s)", c.what ? c.what : "?",
                  fdt_strerror(c.err));
        free(buf);
        return NULL;
    }
    *len = fdt_totalsize(buf);
    return buf;
}

uint64_t virt_fdt_place(uint64_t ram_size)
{
    uint64_t end = VIRT_DRAM_BASE + ram_size;
    uint64_t top = end < THREE_GIB ? end : THREE_GIB; /* a 32-bit guest can reach it */
    return (top - VIRT_FDT_ALLOC_SIZE) & ~(TWO_MIB - 1);
}
