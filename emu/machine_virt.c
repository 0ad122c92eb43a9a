/* The "virt" machine (-M virt): builds the RISC-V virt board of emu/hw/virt.h from the command
 * line (-m, -smp, -icount shift), loads -kernel, wires the UART to the -serial backend, and
 * turns what the guest does into what QEMU 7.2's devices do: the test finisher's power-off and
 * failure end the process at once with the guest's code (QEMU calls exit(), no SHUTDOWN), its
 * reset is a guest-reset request; the emu test device's orderly shutdown, panic, suspend and
 * watchdog go through the runstate machine. It must never let a guest file or a guest action
 * crash emu, and never run the board outside a main-loop slice. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emu/dialect.h"
#include "emu/hw/elf_loader.h"
#include "emu/hw/rom_overlap.h"
#include "emu/hw/virt.h"
#include "emu/hw/virt_fdt.h"
#include "emu/machine.h"
#include "emu/main_loop.h"
#include "emu/numa.h"
#include "emu/record.h"
#include "emu/runstate.h"
#include "emu/serial.h"
#include "emu/vclock.h"

/* A kernel file larger than this cannot fit in guest RAM even with ELF headers and symbols. */
#define KERNEL_SLACK (64u << 20)

static virt_board *board;

static void uart_out(void *opaque, uint8_t byte)
{
    (void)opaque;
    serial_out(byte);
}

static int64_t rtc_epoch(void *opaque)
{
    (void)opaque;
    return vclock_epoch_ns(); /* -rtc base= (host time only with utc/localtime, read once) */
}

/* Stop reasons come back through virt_stop_reason() after the slice: the callbacks for them
 * stay NULL so that nothing acts while the clocks are out of step. */
static const board_host_ops host_ops = {.serial_out = uart_out, .host_time_ns = rtc_epoch};

/* Reads the kernel with QEMU's messages: the open error on a line of its own (QEMU's loader
 * perror()s it), then "could not load kernel 'PATH'". */
static bool load_kernel(const char *path, uint64_t ram_size, strbuf *err)
{
    strbuf data;
    sb_init(&data);
    bool bad = false;
    size_t rlen = 0;
    const uint8_t *rimg = rr_mode == RR_REPLAY ? replay_image(path, &rlen) : NULL;
    if (rimg) {
        /* replay: the image embedded in the trace stands for the file */
        sb_put(&data, rimg, rlen);
        bad = rlen == 0 || rlen > ram_size + KERNEL_SLACK;
    } else {
        int rc = sb_read_file(&data, path, ram_size + KERNEL_SLACK);
        if (rc == SB_READ_OPEN) {
            fprintf(stderr, "%s: %s\n", path, strerror(errno));
            sb_printf(err, "could not load kernel '%s'", path);
            sb_free(&data);
            return false;
        }
        bad = rc != 0 || data.len == 0;
    }
    strbuf why;
    sb_init(&why);
    if (!bad && !virt_load_kernel_mem(board, (const uint8_t *)data.buf, data.len, &why)) {
        bad = true;
    }
    if (bad) {
        sb_printf(err, "could not load kernel '%s'", path);
        if (why.len) {
            sb_printf(err, ": %s", why.buf); /* emu refuses a broken ELF (QEMU loads it raw) */
        }
    }
    sb_free(&why);
    sb_free(&data);
    return !bad;
}

virt_board *machine_virt_board(void)
{
    return board;
}

static void virt_teardown(void)
{
    virt_free(board);
    board = NULL;
}

/* The NUMA configuration as the board's device tree describes it (numa.h is final by now).
 * More nodes than the board has sockets are passed on as a count only: virt_check_topology
 * refuses them with QEMU's message. */
static void fill_topology(virt_topology *t, int nharts)
{
    memset(t, 0, sizeof(*t));
    t->nodes = numa_node_count();
    if (!t->nodes) {
        return;
    }
    int n = t->nodes < VIRT_MAX_NODES ? t->nodes : VIRT_MAX_NODES;
    for (int i = 0; i < n; i++) {
        t->node_mem[i] = numa_node_mem(i);
        for (int j = 0; j < n; j++) {
            t->distance[i][j] = (uint8_t)numa_distance(i, j);
        }
    }
    for (int h = 0; h < nharts && h < VIRT_MAX_HARTS; h++) {
        t->hart_node[h] = numa_cpu_node(h);
    }
    t->have_distances = numa_have_distances();
}

/* A hart's QOM path: 7.2's /machine/soc<node>/harts[<index within the node>]; 3.0's riscv
 * virt had one hart array, /machine/soc. */
static void hart_qom_path(int cpu, char *buf, size_t len)
{
    if (!cur_dialect->cpu_info_props_target) {
        snprintf(buf, len, "%s/harts[%d]", cur_dialect->hart_qom_parent, cpu);
        return;
    }
    int node = numa_cpu_node(cpu), first = cpu;
    while (first > 0 && numa_cpu_node(first - 1) == node) {
        first--;
    }
    snprintf(buf, len, "/machine/soc%d/harts[%d]", node, cpu - first);
}

static json_value *cpu_props_json(int cpu)
{
    numa_cpu_props p = numa_possible_cpu_props(cpu);
    json_value *props = json_object();
    if (p.has_node_id) {
        json_object_set_int(props, "node-id", p.node_id);
    }
    json_object_set_int(props, "core-id", p.core_id);
    return props;
}

static bool virt_machine_init(const machine_config *cfg, strbuf *err)
{
    virt_config vc = {
        .ram_size = cfg->ram_size,
        .nharts = cfg->smp_cpus,
        .icount_shift = (unsigned)cfg->icount_shift,
        .host = &host_ops,
        .log_ram = rr_mode != RR_OFF,
    };
    fill_topology(&vc.topo, cfg->smp_cpus);
    /* QEMU's virt_machine_init checks its sockets before anything else */
    if (!virt_check_topology(&vc, err)) {
        return false;
    }
    if (cfg->bios && strcmp(cfg->bios, "none") != 0) {
        sb_printf(err,
                  "-bios %s: emu has no firmware; use -bios none (the -kernel image starts "
                  "in M mode at its entry point)",
                  cfg->bios);
        return false;
    }
    board = virt_new(&vc, err);
    if (!board) {
        return false;
    }
    virt_jump_to_ns(board, vclock_now_ns()); /* one clock, whenever the board is built */
    if (cfg->kernel && !load_kernel(cfg->kernel, cfg->ram_size, err)) {
        virt_teardown();
        return false;
    }
    return true;
}

/* QEMU's ROM regions of the virt board: each segment of an ELF kernel (named by its index in
 * the program header table) or a raw kernel at the start of RAM, then the device tree's window
 * when it lies in RAM (QEMU drops the blob when RAM is too small to hold it). */
static bool virt_check_images(const machine_config *cfg, strbuf *err)
{
    enum {
        MAX_REGIONS = 65
    };
    rom_region r[MAX_REGIONS];
    unsigned n = 0;
    size_t len;
    bool is_elf;
    const uint8_t *image = virt_image(board, &len, &is_elf);
    if (image && is_elf) {
        elf_segment seg[MAX_REGIONS - 1];
        unsigned ns = elf_segments(image, len, seg, MAX_REGIONS - 1);
        for (unsigned i = 0; i < ns && i < MAX_REGIONS - 1; i++) {
            snprintf(r[n].name, sizeof r[n].name, "%s ELF program header segment %u", cfg->kernel,
                     seg[i].index);
            r[n].addr = seg[i].paddr;
            r[n++].size = seg[i].memsz;
        }
    } else if (image) {
        snprintf(r[n].name, sizeof r[n].name, "%s", cfg->kernel);
        r[n].addr = VIRT_DRAM_BASE;
        r[n++].size = len;
    }
    uint64_t fdt = virt_fdt_addr(board);
    if (fdt >= VIRT_DRAM_BASE) {
        snprintf(r[n].name, sizeof r[n].name, "fdt");
        r[n].addr = fdt;
        r[n++].size = VIRT_FDT_ALLOC_SIZE;
    }
    return rom_regions_check(r, n, err);
}

static const void *virt_machine_fdt(size_t *len)
{
    return board ? virt_fdt_blob(board, len) : NULL;
}

static void virt_machine_reset(void)
{
    virt_reset(board);
}

static uint64_t virt_machine_run(uint64_t budget)
{
    return virt_run(board, budget);
}

static void virt_after_slice(void)
{
    virt_stop why = virt_stop_reason(board);
    int code = virt_exit_code(board);
    virt_clear_stop(board);
    switch (why) {
    case VIRT_RUNNING:
        break;
    case VIRT_STOP_SHUTDOWN:
        /* QEMU 7.2's test finisher (and HTIF) call exit(code): no event, no -no-shutdown. */
        main_loop_exit(code & 0xff);
        break;
    case VIRT_STOP_SHUTDOWN_REQUEST:
        request_shutdown(SHUTDOWN_CAUSE_GUEST_SHUTDOWN);
        break;
    case VIRT_STOP_RESET:
        request_reset(SHUTDOWN_CAUSE_GUEST_RESET);
        break;
    case VIRT_STOP_PANIC:
        guest_panicked();
        break;
    case VIRT_STOP_SUSPEND:
        request_suspend();
        break;
    case VIRT_STOP_WATCHDOG:
        watchdog_fired();
        break;
    }
}

static void virt_feed_input(void)
{
    size_t len;
    const uint8_t *p = serial_pending(&len);
    if (!len) {
        return;
    }
    size_t room = virt_serial_can_receive(board);
    size_t n = len < room ? len : room;
    if (n) {
        virt_serial_input(board, p, n);
        serial_consume(n);
    }
}

static uint64_t virt_machine_deadline(void)
{
    uint64_t d = virt_next_deadline_ns(board);
    return d == DEV_NO_DEADLINE ? UINT64_MAX : d;
}

static void virt_machine_jump(uint64_t ns)
{
    virt_jump_to_ns(board, ns);
}

/* QEMU 7.2: {"cpu-index", "qom-path": "/machine/soc0/harts[N]", "thread-id", "props":
 * {"core-id": N}, "target": "riscv64"} per hart. thread-id is the hart index: emu has no
 * thread per hart, and a host thread id would make the output depend on the host. */
static json_value *virt_query_cpus_fast(void)
{
    json_value *list = json_array();
    int n = board ? virt_nharts(board) : 0;
    for (int i = 0; i < n; i++) {
        json_value *c = json_object();
        char path[64];
        hart_qom_path(i, path, sizeof(path));
        json_object_set_int(c, "cpu-index", i);
        json_object_set_str(c, "qom-path", path);
        json_object_set_int(c, "thread-id", i);
        if (cur_dialect->cpu_info_props_target) {
            json_object_set(c, "props", cpu_props_json(i));
        } else {
            /* 3.0: "arch" (deprecated that release) beside "target"; riscv had no
             * instance properties yet. */
            json_object_set_str(c, "arch", "riscv");
        }
        json_object_set_str(c, "target", "riscv64");
        json_array_append(list, c);
    }
    return list;
}

/* Every possible hart (up to -smp maxcpus), highest slot first as QEMU lists them; qom-path
 * only for harts that exist, i.e. once the board is built. QEMU 7.2's virt answers "not
 * enabled" here; emu answers as QEMU's pc machine does, since the preconfig NUMA workflow
 * needs the possible CPUs (a documented difference). */
static json_value *virt_query_hotpluggable_cpus(void)
{
    json_value *list = json_array();
    int cpus = machine_cfg.smp_cpus > 0 ? machine_cfg.smp_cpus : 1;
    int max = machine_cfg.smp_maxcpus > cpus ? machine_cfg.smp_maxcpus : cpus;
    for (int i = max - 1; i >= 0; i--) {
        json_value *c = json_object();
        json_object_set(c, "props", cpu_props_json(i));
        json_object_set_int(c, "vcpus-count", 1);
        json_object_set_str(c, "type", "rv64-riscv-cpu");
        if (board && i < virt_nharts(board)) {
            char path[64];
            hart_qom_path(i, path, sizeof(path));
            json_object_set_str(c, "qom-path", path);
        }
        json_array_append(list, c);
    }
    return list;
}

const machine_class machine_virt = {
    .name = "virt",
    .desc = "RISC-V VirtIO board",
    .is_default = false,
    .max_cpus = VIRT_MAX_HARTS,
    .qemu_max_cpus = 512,
    .hotpluggable_cpus = false,
    .numa_supported = true,
    .numa_mem_supported = true,
    .wakeup_supported = true, /* the emu test device can suspend (QEMU's virt cannot) */
    .default_ram_id = "riscv_virt_board.ram",
    .default_cpu_type = "rv64-riscv-cpu",
    .has_serial = true,
    .init = virt_machine_init,
    .fdt = virt_machine_fdt,
    .check_images = virt_check_images,
    .reset = virt_machine_reset,
    .run = virt_machine_run,
    .after_slice = virt_after_slice,
    .feed_input = virt_feed_input,
    .next_deadline_ns = virt_machine_deadline,
    .jump_to_ns = virt_machine_jump,
    .query_cpus_fast = virt_query_cpus_fast,
    .query_hotpluggable_cpus = virt_query_hotpluggable_cpus,
    .teardown = virt_teardown,
};
