/* Prints the NUMA topology the guest finds in the device tree at a1: each hart with its
 * numa-node-id, the cpu-map clusters, each memory node's base, size and node id, and the
 * distance matrix; then powers off. It prints nothing that depends on how the tree is built
 * (no addresses of nodes, no instruction count), so QEMU 7.2 and emu must print the same lines
 * for the same -smp/-numa options. It must never trust the blob: a bad tree prints `bad fdt`. */
#include "guest.h"

#define FDT_MAGIC      0xd00dfeedu
#define FDT_BEGIN_NODE 1
#define FDT_END_NODE   2
#define FDT_PROP       3
#define FDT_NOP        4
#define FDT_END        9
#define MAX_DEPTH      8
#define MAX_CPUS       64
#define NO_NODE        0xffffffffu

static const uint8_t *blob;
static uint32_t blob_size, strings_off, strings_size;

static uint32_t be32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static int str_eq(const char *a, const char *b)
{
    while (*a && *a == *b) {
        a++;
        b++;
    }
    return *a == *b;
}

static uint64_t read_cells(const uint8_t *p, uint32_t n)
{
    uint64_t v = 0;
    for (uint32_t i = 0; i < n; i++)
        v = v << 32 | be32(p + 4 * i);
    return v;
}

/* What the walker keeps of the node it is in. */
typedef struct node_state {
    const char *name;
    uint32_t addr_cells, size_cells; /* of this node's children */
    int is_cpu, is_memory;
    const uint8_t *reg;
    uint32_t reg_len;
    uint32_t node_id, phandle;
} node_state;

static node_state stack[MAX_DEPTH];
static uint32_t cpu_phandle[MAX_CPUS], cpu_reg[MAX_CPUS];
static int ncpus;

static void put_node_id(uint32_t id)
{
    if (id == NO_NODE)
        puts_("none");
    else
        put_dec(id);
}

static void end_node(int depth)
{
    node_state *n = &stack[depth];
    const node_state *parent = depth > 0 ? &stack[depth - 1] : n;
    if (n->is_cpu && n->reg && ncpus < MAX_CPUS) {
        uint32_t hart = (uint32_t)read_cells(n->reg, parent->addr_cells);
        cpu_phandle[ncpus] = n->phandle;
        cpu_reg[ncpus++] = hart;
        puts_("hart ");
        put_dec(hart);
        puts_(" node ");
        put_node_id(n->node_id);
        putc_('\n');
    }
    if (n->is_memory && n->reg) {
        uint32_t ac = parent->addr_cells, sc = parent->size_cells;
        for (uint32_t off = 0; off + 4 * (ac + sc) <= n->reg_len; off += 4 * (ac + sc)) {
            puts_("memory base ");
            put_hex(read_cells(n->reg + off, ac));
            puts_(" size ");
            put_hex(read_cells(n->reg + off + 4 * ac, sc));
            puts_(" node ");
            put_node_id(n->node_id);
            putc_('\n');
        }
    }
}

/* cpu-map/clusterN/coreM { cpu = <phandle>; } */
static void core_line(int depth, const uint8_t *val)
{
    uint32_t ph = be32(val);
    puts_(stack[depth - 1].name);
    putc_(' ');
    puts_(stack[depth].name);
    puts_(" hart ");
    for (int i = 0; i < ncpus; i++) {
        if (cpu_phandle[i] == ph) {
            put_dec(cpu_reg[i]);
            putc_('\n');
            return;
        }
    }
    puts_("unknown\n");
}

static void distance_lines(const uint8_t *val, uint32_t len)
{
    for (uint32_t off = 0; off + 12 <= len; off += 12) {
        puts_("distance ");
        put_dec(be32(val + off));
        putc_(' ');
        put_dec(be32(val + off + 4));
        putc_(' ');
        put_dec(be32(val + off + 8));
        putc_('\n');
    }
}

static void prop(int depth, const char *name, const uint8_t *val, uint32_t len)
{
    node_state *n = &stack[depth];
    if (str_eq(name, "#address-cells") && len == 4)
        n->addr_cells = be32(val);
    else if (str_eq(name, "#size-cells") && len == 4)
        n->size_cells = be32(val);
    else if (str_eq(name, "device_type")) {
        n->is_cpu = str_eq((const char *)val, "cpu");
        n->is_memory = str_eq((const char *)val, "memory");
    } else if (str_eq(name, "reg")) {
        n->reg = val;
        n->reg_len = len;
    } else if (str_eq(name, "numa-node-id") && len == 4)
        n->node_id = be32(val);
    else if (str_eq(name, "phandle") && len == 4)
        n->phandle = be32(val);
    else if (str_eq(name, "timebase-frequency") && len == 4 && depth == 1) {
        puts_("timebase ");
        put_dec(be32(val));
        putc_('\n');
    } else if (str_eq(name, "cpu") && len == 4 && depth == 4 &&
               str_eq(stack[depth - 2].name, "cpu-map"))
        core_line(depth, val);
    else if (str_eq(name, "distance-matrix") && depth == 1)
        distance_lines(val, len);
}

/* Walks the structure block; 0 when the tree is well formed. */
static int walk(void)
{
    uint32_t off = be32(blob + 8), end = off + be32(blob + 36);
    int depth = -1;
    if (end > blob_size)
        return -1;
    while (off + 4 <= end) {
        uint32_t tok = be32(blob + off);
        off += 4;
        if (tok == FDT_BEGIN_NODE) {
            if (++depth >= MAX_DEPTH)
                return -1;
            node_state *n = &stack[depth];
            n->name = (const char *)blob + off;
            n->addr_cells = 2; /* the devicetree spec's defaults */
            n->size_cells = 1;
            n->is_cpu = n->is_memory = 0;
            n->reg = 0;
            n->reg_len = 0;
            n->node_id = NO_NODE;
            n->phandle = 0;
            while (off < end && blob[off])
                off++;
            off = (off + 4) & ~3u;
        } else if (tok == FDT_END_NODE) {
            if (depth < 0)
                return -1;
            end_node(depth--);
        } else if (tok == FDT_PROP) {
            if (depth < 0 || off + 8 > end)
                return -1;
            uint32_t len = be32(blob + off), nameoff = be32(blob + off + 4);
            off += 8;
            if (off + len > end || nameoff >= strings_size)
                return -1;
            prop(depth, (const char *)blob + strings_off + nameoff, blob + off, len);
            off = (off + len + 3) & ~3u;
        } else if (tok == FDT_END) {
            return depth == -1 ? 0 : -1;
        } else if (tok != FDT_NOP) {
            return -1;
        }
    }
    return -1;
}

/* Waits 0.2 s of guest time in WFI before powering off. QEMU 7.2 (no -icount in these tests)
 * runs the guest on its own thread, whose exit() through the test finisher can beat QEMU's main
 * thread to writing the reply to x-exit-preconfig on a loaded machine; emu jumps the clock over
 * the wait. The timer interrupt only wakes WFI (mstatus.MIE stays clear): no trap is taken. */
static void linger(uint64_t hartid)
{
    uint64_t deadline = MTIME + 2000000; /* 0.2 s at 10 MHz */
    MTIMECMP(hartid) = deadline;
    csr_set(mie, 1 << 7);
    while (MTIME < deadline) {
        __asm__ volatile("wfi");
    }
    csr_clear(mie, 1 << 7);
}

int main(uint64_t hartid, const uint8_t *fdt)
{
    (void)hartid;
    blob = fdt;
    if (!fdt || be32(fdt) != FDT_MAGIC) {
        puts_("bad fdt\n");
        guest_exit(1);
    }
    blob_size = be32(fdt + 4);
    strings_off = be32(fdt + 12);
    strings_size = be32(fdt + 32);
    if (strings_off + strings_size > blob_size || walk() != 0) {
        puts_("bad fdt\n");
        guest_exit(1);
    }
    puts_("end of topology\n");
    linger(hartid);
    guest_exit(0);
}
