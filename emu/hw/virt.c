/* The virt board: builds the address map and devices, loads images, schedules harts round-robin
 * against device deadlines so timer interrupts land on exact instruction counts, and turns device
 * requests into a stop reason for the main loop. It must never run a hart past a deadline, and
 * never let a guest file or guest action crash the host. */
#include "emu/hw/virt.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xxhash.h>

#include "emu/hw/bus.h"
#include "emu/hw/clint.h"
#include "emu/hw/elf_loader.h"
#include "emu/hw/emu_testdev.h"
#include "emu/hw/goldfish_rtc.h"
#include "emu/hw/htif.h"
#include "emu/hw/plic.h"
#include "emu/hw/sifive_test.h"
#include "emu/hw/uart.h"
#include "emu/hw/virt_fdt.h"

struct virt_board {
    virt_config cfg;
    bus bus;
    uint8_t *ram;
    uint8_t rom[VIRT_MROM_SIZE];
    hart_clock clock;
    tb_cache *tbc;
    hart harts[VIRT_MAX_HARTS];
    int cur;
    uint64_t slice_left;
    hart *running;
    hart *last_ran; /* the hart the last virt_run executed last, or NULL */
    /* The part of RAM that may be non-zero, [dirty_lo, dirty_hi) (offsets; empty when lo >= hi):
     * the device tree window a reset writes, all of it once anything else could have written.
     * Clearing 128 MiB that calloc gave zeroed would touch every page: most of a short guest
     * run's start-up. */
    uint64_t dirty_lo, dirty_hi;
    ram_log log; /* while recording or replaying (log.npages != 0) */
    bool stop;
    virt_stop reason;
    int exit_code;

    board_host_ops dev_host; /* what devices call: records the stop, then forwards */
    clint clint;
    plic plic;
    uart uart;
    sifive_test test;
    goldfish_rtc rtc;
    emu_testdev tdev;
    htif htif;

    void *fdt; /* the packed device tree, copied to fdt_addr at every reset */
    size_t fdt_len;
    uint64_t fdt_addr;

    uint8_t *image;
    size_t image_len;
    elf_info elf;
    bool is_elf;
};

static void request_stop(virt_board *b, virt_stop why, int code)
{
    if (b->stop)
        return; /* the first request wins until the main loop handles it */
    b->stop = true;
    b->reason = why;
    b->exit_code = code;
    if (b->running)
        b->running->exit_req = 1;
}

static void h_shutdown(void *opaque, int cause, int code)
{
    virt_board *b = opaque;
    if (cause == BOARD_SHUTDOWN_REQUEST)
        request_stop(b, VIRT_STOP_SHUTDOWN_REQUEST, 0);
    else
        request_stop(b, VIRT_STOP_SHUTDOWN, cause == BOARD_SHUTDOWN_POWEROFF ? 0 : code);
    if (b->cfg.host->shutdown_request)
        b->cfg.host->shutdown_request(b->cfg.host_opaque, cause, code);
}

static void h_reset(void *opaque)
{
    virt_board *b = opaque;
    request_stop(b, VIRT_STOP_RESET, 0);
    if (b->cfg.host->reset_request)
        b->cfg.host->reset_request(b->cfg.host_opaque);
}

static void h_panic(void *opaque, uint32_t code)
{
    virt_board *b = opaque;
    request_stop(b, VIRT_STOP_PANIC, (int)code);
    if (b->cfg.host->panic)
        b->cfg.host->panic(b->cfg.host_opaque, code);
}

static void h_suspend(void *opaque)
{
    virt_board *b = opaque;
    request_stop(b, VIRT_STOP_SUSPEND, 0);
    if (b->cfg.host->suspend)
        b->cfg.host->suspend(b->cfg.host_opaque);
}

static void h_watchdog(void *opaque)
{
    virt_board *b = opaque;
    request_stop(b, VIRT_STOP_WATCHDOG, 0);
    if (b->cfg.host->watchdog_fired)
        b->cfg.host->watchdog_fired(b->cfg.host_opaque);
}

static void h_serial(void *opaque, uint8_t byte)
{
    virt_board *b = opaque;
    if (b->cfg.host->serial_out)
        b->cfg.host->serial_out(b->cfg.host_opaque, byte);
}

static uint64_t now_cb(void *opaque)
{
    return hart_clock_ns(&((virt_board *)opaque)->clock);
}

static void deadline_cb(void *opaque)
{
    virt_board *b = opaque;
    if (b->running) {
        b->running->yield = true;
        b->running->exit_req = 1;
    }
}

static uint64_t rdtime_cb(void *opaque)
{
    return clint_mtime(&((virt_board *)opaque)->clint);
}

static void hart_irq_cb(void *opaque, int n, bool level)
{
    virt_board *b = opaque;
    hart_set_irq(&b->harts[n / 16], n % 16, level);
}

static void build_bus(virt_board *b)
{
    int nh = b->cfg.nharts;
    bus_init(&b->bus);
    bus_add_ram(&b->bus, "mrom", VIRT_MROM_BASE, VIRT_MROM_SIZE, b->rom, true);
    bus_add_mmio(&b->bus, "test", SIFIVE_TEST_BASE, SIFIVE_TEST_SIZE, &sifive_test_ops, &b->test);
    bus_add_mmio(&b->bus, "rtc", GOLDFISH_RTC_BASE, GOLDFISH_RTC_SIZE, &goldfish_rtc_ops, &b->rtc);
    bus_add_mmio(&b->bus, "emu-testdev", EMU_TESTDEV_BASE, EMU_TESTDEV_SIZE, &emu_testdev_ops,
                 &b->tdev);
    bus_add_mmio(&b->bus, "clint", CLINT_BASE, CLINT_SIZE, &clint_ops, &b->clint);
    bus_add_mmio(&b->bus, "plic", PLIC_BASE, plic_size(nh), &plic_ops, &b->plic);
    bus_add_mmio(&b->bus, "uart", UART_BASE, UART_SIZE, &uart_ops, &b->uart);
    bus_add_ram(&b->bus, "ram", VIRT_DRAM_BASE, b->cfg.ram_size, b->ram, false);
    if (b->log.npages) {
        b->bus.log = &b->log;
        b->bus.log_base = VIRT_DRAM_BASE;
    }
    if (b->is_elf && b->elf.has_htif) {
        bus_add_mmio(&b->bus, "htif-tohost", b->elf.tohost, 8, &htif_ops, &b->htif);
        bus_add_mmio(&b->bus, "htif-fromhost", b->elf.fromhost, 8, &htif_fromhost_ops, &b->htif);
    }
}

/* QEMU 7.2's virt_machine_init checks of its sockets (one per NUMA node), with its messages;
 * then what emu's board needs to describe the nodes at all. */
bool virt_check_topology(const virt_config *c, strbuf *err)
{
    const virt_topology *t = &c->topo;
    if (!t->nodes)
        return true;
    if (t->nodes < 0 || t->nodes > VIRT_MAX_NODES) {
        sb_printf(err, "number of sockets/nodes should be less than %d", VIRT_MAX_NODES);
        return false;
    }
    for (int s = 0; s < t->nodes; s++) {
        int first = -1, last = -1;
        for (int h = 0; h < c->nharts; h++) {
            if (t->hart_node[h] == s) {
                first = first < 0 ? h : first;
                last = h;
            }
        }
        bool contiguous = first >= 0;
        for (int h = first; contiguous && h <= last; h++)
            contiguous = t->hart_node[h] == s;
        if (!contiguous) {
            sb_printf(err, "discontinuous hartids in socket%d", s);
            return false;
        }
    }
    uint64_t sum = 0;
    for (int s = 0; s < t->nodes; s++)
        sum += t->node_mem[s];
    if (sum != c->ram_size) {
        sb_puts(err, "virt: the NUMA nodes' memory does not add up to the RAM size");
        return false;
    }
    return true;
}

virt_board *virt_new(const virt_config *cfg, strbuf *err)
{
    static const board_host_ops no_host;
    virt_config c = *cfg;
    if (!c.ram_size)
        c.ram_size = VIRT_DEFAULT_RAM;
    if (!c.nharts)
        c.nharts = 1;
    if (!c.quantum)
        c.quantum = VIRT_DEFAULT_QUANTUM;
    if (!c.host)
        c.host = &no_host;
    if (c.nharts < 1 || c.nharts > VIRT_MAX_HARTS) {
        sb_printf(err, "virt: %d harts requested, 1 to %d supported", c.nharts, VIRT_MAX_HARTS);
        return NULL;
    }
    if (c.ram_size & 0xfff || c.ram_size > (1ULL << 36)) {
        sb_puts(err, "virt: RAM size must be a multiple of 4 KiB and at most 64 GiB");
        return NULL;
    }
    if (c.icount_shift > 10) {
        sb_puts(err, "virt: icount shift must be at most 10");
        return NULL;
    }
    if (!virt_check_topology(&c, err))
        return NULL;
    size_t fdt_len = 0;
    void *fdt = virt_fdt_build(&c, &fdt_len, err);
    if (!fdt)
        return NULL;
    virt_board *b = calloc(1, sizeof(*b));
    if (!b)
        abort();
    b->cfg = c;
    b->ram = calloc(1, (size_t)c.ram_size);
    b->fdt = fdt;
    b->fdt_len = fdt_len;
    b->fdt_addr = virt_fdt_place(c.ram_size);
    if (!b->ram || (c.log_ram && !ram_log_init(&b->log, b->ram, c.ram_size, 0, 0))) {
        free(b->ram);
        free(fdt);
        free(b);
        sb_puts(err, "virt: cannot allocate guest RAM");
        return NULL;
    }
    b->clock.shift = c.icount_shift;
    b->dev_host = (board_host_ops){
        h_shutdown, h_reset, h_panic, h_suspend, h_watchdog, h_serial, c.host->host_time_ns};
    dev_clock dc = {now_cb, deadline_cb, b};
    clint_init(&b->clint, c.nharts, dc);
    plic_init(&b->plic, c.nharts);
    b->uart.irq = (irq_line){plic_set_irq, &b->plic, UART_IRQ};
    b->uart.out = h_serial;
    b->uart.out_opaque = b;
    uart_init(&b->uart);
    b->test = (sifive_test){&b->dev_host, b};
    b->rtc.clock = dc;
    b->rtc.irq = (irq_line){plic_set_irq, &b->plic, GOLDFISH_RTC_IRQ};
    b->tdev = (emu_testdev){.host = &b->dev_host, .host_opaque = b, .clock = dc};
    b->htif = (htif){.host = &b->dev_host, .host_opaque = b};
    build_bus(b);
    b->tbc = tb_cache_new(&b->bus, VIRT_DRAM_BASE, c.ram_size);
    for (int i = 0; i < c.nharts; i++) {
        hart_init(&b->harts[i], (uint64_t)i, &b->bus, &b->clock, b->tbc, &b->stop);
        b->harts[i].rdtime = rdtime_cb;
        b->harts[i].rdtime_opaque = b;
        b->clint.msip[i] = (irq_line){hart_irq_cb, b, i * 16 + IRQ_MSI};
        b->clint.mtip[i] = (irq_line){hart_irq_cb, b, i * 16 + IRQ_MTI};
        b->plic.out[2 * i] = (irq_line){hart_irq_cb, b, i * 16 + IRQ_MEI};
        b->plic.out[2 * i + 1] = (irq_line){hart_irq_cb, b, i * 16 + IRQ_SEI};
    }
    virt_reset(b);
    return b;
}

void virt_free(virt_board *b)
{
    if (!b)
        return;
    tb_cache_free(b->tbc);
    ram_log_free(&b->log);
    free(b->ram);
    free(b->fdt);
    free(b->image);
    free(b);
}

/* QEMU 7.2 copies its whole build buffer (VIRT_FDT_ALLOC_SIZE) to fdt_addr at every reset:
 * emu copies the packed blob and zeroes the rest of that window, so the bytes a guest finds
 * there depend on nothing but the configuration. With very little RAM the window starts below
 * it (QEMU then drops the blob silently): only the part inside RAM is written. */
static void mark_dirty(virt_board *b, uint64_t lo, uint64_t hi)
{
    if (b->dirty_lo >= b->dirty_hi || lo < b->dirty_lo)
        b->dirty_lo = lo;
    if (hi > b->dirty_hi)
        b->dirty_hi = hi;
}

/* RAM [lo, hi) was written from outside the guest's code. */
static void log_write(virt_board *b, uint64_t lo, uint64_t hi)
{
    if (b->log.npages && lo < hi)
        ram_log_mark(&b->log, lo, hi - lo);
}

static void write_fdt(virt_board *b)
{
    uint64_t lo = b->fdt_addr > VIRT_DRAM_BASE ? b->fdt_addr : VIRT_DRAM_BASE;
    uint64_t hi = b->fdt_addr + VIRT_FDT_ALLOC_SIZE;
    if (hi > VIRT_DRAM_BASE + b->cfg.ram_size)
        hi = VIRT_DRAM_BASE + b->cfg.ram_size;
    if (lo >= hi)
        return;
    uint8_t *win = b->ram + (lo - VIRT_DRAM_BASE);
    uint64_t skip = lo - b->fdt_addr; /* bytes of the window below RAM */
    mark_dirty(b, lo - VIRT_DRAM_BASE, hi - VIRT_DRAM_BASE);
    log_write(b, lo - VIRT_DRAM_BASE, hi - VIRT_DRAM_BASE);
    memset(win, 0, (size_t)(hi - lo));
    if (skip < b->fdt_len) {
        uint64_t n = b->fdt_len - skip < hi - lo ? b->fdt_len - skip : hi - lo;
        memcpy(win, (const uint8_t *)b->fdt + skip, (size_t)n);
    }
}

static void write_rom(virt_board *b, uint64_t entry)
{
    /* QEMU 7.2's reset vector, so instruction counts match it from the first instruction. */
    static const uint32_t code[6] = {
        0x00000297, /* auipc t0, 0 */
        0x02828613, /* addi a2, t0, 40   (fw_dyn) */
        0xf1402573, /* csrr a0, mhartid */
        0x0202b583, /* ld a1, 32(t0)     (device tree) */
        0x0182b283, /* ld t0, 24(t0)     (entry) */
        0x00028067, /* jr t0 */
    };
    memset(b->rom, 0, sizeof(b->rom));
    memcpy(b->rom, code, sizeof(code));
    memcpy(b->rom + 24, &entry, 8);
    memcpy(b->rom + 32, &b->fdt_addr, 8);
    /* fw_dynamic_info: magic, version 2, next_addr, next_mode S, options, boot_hart. */
    uint64_t dyn[6] = {0x4942534f, 2, entry, 1, 0, 0};
    memcpy(b->rom + 40, dyn, sizeof(dyn));
}

static bool load_image(virt_board *b, const uint8_t *data, size_t len, strbuf *err, bool quiet)
{
    (void)quiet;
    if (elf_is_elf(data, len)) {
        elf_info info;
        if (!elf_load(data, len, b->ram, VIRT_DRAM_BASE, b->cfg.ram_size, &info, err))
            return false;
        b->elf = info;
        b->is_elf = true;
        log_write(b, info.lo, info.hi);
        return true;
    }
    if (len > b->cfg.ram_size) {
        sb_printf(err, "raw image of %zu bytes does not fit in %llu bytes of RAM", len,
                  (unsigned long long)b->cfg.ram_size);
        return false;
    }
    memcpy(b->ram, data, len);
    log_write(b, 0, len);
    memset(&b->elf, 0, sizeof(b->elf));
    b->elf.entry = VIRT_DRAM_BASE;
    b->is_elf = false;
    return true;
}

bool virt_load_kernel_mem(virt_board *b, const uint8_t *data, size_t len, strbuf *err)
{
    /* Validate into scratch state first so a broken file leaves the board as it was. */
    if (elf_is_elf(data, len)) {
        elf_info info;
        uint8_t *probe = calloc(1, (size_t)b->cfg.ram_size);
        if (!probe)
            abort();
        bool ok = elf_load(data, len, probe, VIRT_DRAM_BASE, b->cfg.ram_size, &info, err);
        free(probe);
        if (!ok)
            return false;
    }
    uint8_t *copy = malloc(len ? len : 1);
    if (!copy)
        abort();
    memcpy(copy, data, len);
    free(b->image);
    b->image = copy;
    b->image_len = len;
    if (b->dirty_lo < b->dirty_hi) {
        memset(b->ram + b->dirty_lo, 0, (size_t)(b->dirty_hi - b->dirty_lo));
        log_write(b, b->dirty_lo, b->dirty_hi);
    }
    mark_dirty(b, 0, b->cfg.ram_size); /* the image */
    if (!load_image(b, b->image, b->image_len, err, false))
        return false;
    build_bus(b);
    virt_reset(b);
    return true;
}

bool virt_load_kernel(virt_board *b, const char *path, strbuf *err)
{
    strbuf data;
    sb_init(&data);
    int rc = sb_read_file(&data, path, b->cfg.ram_size + (16u << 20));
    if (rc != 0) {
        if (rc == SB_READ_OPEN)
            sb_printf(err, "cannot open kernel '%s': %s", path, strerror(errno));
        else if (rc == SB_READ_TOO_BIG)
            sb_printf(err, "kernel '%s' is larger than guest RAM", path);
        else
            sb_printf(err, "cannot read kernel '%s'", path);
        sb_free(&data);
        return false;
    }
    bool ok = virt_load_kernel_mem(b, (const uint8_t *)data.buf, data.len, err);
    sb_free(&data);
    return ok;
}

void virt_reset(virt_board *b)
{
    if (b->image) {
        strbuf ignore;
        sb_init(&ignore);
        load_image(b, b->image, b->image_len, &ignore, true); /* validated when first loaded */
        sb_free(&ignore);
    }
    write_fdt(b);
    write_rom(b, b->image ? b->elf.entry : VIRT_DRAM_BASE);
    tb_cache_flush(b->tbc);
    for (int i = 0; i < b->cfg.nharts; i++)
        hart_reset(&b->harts[i], VIRT_MROM_BASE);
    clint_reset(&b->clint);
    plic_reset(&b->plic);
    uart_reset(&b->uart);
    int64_t epoch = b->cfg.host->host_time_ns ? b->cfg.host->host_time_ns(b->cfg.host_opaque) : 0;
    goldfish_rtc_reset(&b->rtc, epoch - (int64_t)virt_now_ns(b));
    emu_testdev_reset(&b->tdev);
    htif_reset(&b->htif);
    b->cur = 0;
    b->slice_left = b->cfg.quantum;
    b->stop = false;
    b->reason = VIRT_RUNNING;
    b->exit_code = 0;
}

uint64_t virt_now_ns(const virt_board *b)
{
    return hart_clock_ns(&b->clock);
}

hart *virt_running_hart(virt_board *b)
{
    return b->running;
}

hart *virt_last_ran_hart(virt_board *b)
{
    return b->last_ran;
}

uint64_t virt_insns(const virt_board *b)
{
    return b->clock.icount;
}

uint64_t virt_next_deadline_ns(const virt_board *b)
{
    uint64_t d = clint_next_deadline(&b->clint);
    uint64_t r = goldfish_rtc_next_deadline(&b->rtc);
    uint64_t t = emu_testdev_next_deadline(&b->tdev);
    if (r < d)
        d = r;
    if (t < d)
        d = t;
    return d;
}

void virt_jump_to_ns(virt_board *b, uint64_t ns)
{
    uint64_t now = virt_now_ns(b);
    if (ns > now)
        b->clock.bias_ns += ns - now;
}

static void service_timers(virt_board *b)
{
    uint64_t now = virt_now_ns(b);
    if (virt_next_deadline_ns(b) > now)
        return;
    clint_update(&b->clint, now);
    goldfish_rtc_update_time(&b->rtc, now);
    emu_testdev_update_time(&b->tdev, now);
}

bool virt_all_idle(const virt_board *b)
{
    for (int i = 0; i < b->cfg.nharts; i++)
        if (!hart_is_idle(&b->harts[i]))
            return false;
    return true;
}

static void rotate(virt_board *b)
{
    b->cur = (b->cur + 1) % b->cfg.nharts;
    b->slice_left = b->cfg.quantum;
}

uint64_t virt_run(virt_board *b, uint64_t budget)
{
    mark_dirty(b, 0, b->cfg.ram_size);
    uint64_t done = 0;
    while (done < budget && !b->stop) {
        service_timers(b);
        if (b->stop)
            break;
        int tried = 0;
        while (tried < b->cfg.nharts && hart_is_idle(&b->harts[b->cur])) {
            rotate(b);
            tried++;
        }
        if (tried == b->cfg.nharts)
            break;
        hart *h = &b->harts[b->cur];
        uint64_t lim = budget - done;
        if (lim > b->slice_left)
            lim = b->slice_left;
        uint64_t dl = virt_next_deadline_ns(b);
        if (dl != DEV_NO_DEADLINE) {
            uint64_t step = 1ULL << b->clock.shift;
            uint64_t ins = (dl - virt_now_ns(b) + step - 1) >> b->clock.shift;
            if (ins < lim)
                lim = ins;
        }
        b->running = h;
        uint64_t r = hart_run(h, lim);
        b->running = NULL;
        if (r)
            b->last_ran = h;
        done += r;
        b->slice_left -= r < b->slice_left ? r : b->slice_left;
        if (b->slice_left == 0 || hart_is_idle(h))
            rotate(b);
        if (h->dbg && h->dbg->hit)
            break;
    }
    /* Slice invariance (replay stops at any recorded count): timers due where the budget ends
     * fire now, as they would have had the budget gone on, not after the main loop's boundary. */
    if ((done == budget || (b->harts[0].dbg && b->harts[0].dbg->hit)) && !b->stop)
        service_timers(b);
    return done;
}

virt_stop virt_stop_reason(const virt_board *b)
{
    return b->reason;
}

int virt_exit_code(const virt_board *b)
{
    return b->exit_code;
}

void virt_clear_stop(virt_board *b)
{
    b->stop = false;
    b->reason = VIRT_RUNNING;
    b->exit_code = 0;
}

size_t virt_serial_can_receive(const virt_board *b)
{
    return uart_can_receive(&b->uart);
}

void virt_serial_input(virt_board *b, const uint8_t *buf, size_t len)
{
    size_t room = uart_can_receive(&b->uart);
    uart_receive(&b->uart, buf, len < room ? len : room);
}

const void *virt_fdt_blob(const virt_board *b, size_t *len)
{
    *len = b->fdt_len;
    return b->fdt;
}

uint64_t virt_fdt_addr(const virt_board *b)
{
    return b->fdt_addr;
}

int virt_nharts(const virt_board *b)
{
    return b->cfg.nharts;
}

hart *virt_hart(virt_board *b, int i)
{
    return i >= 0 && i < b->cfg.nharts ? &b->harts[i] : NULL;
}

const uint8_t *virt_image(const virt_board *b, size_t *len, bool *is_elf)
{
    *len = b->image_len;
    *is_elf = b->is_elf;
    return b->image;
}

uint8_t *virt_ram(virt_board *b, uint64_t *size)
{
    mark_dirty(b, 0, b->cfg.ram_size); /* the caller may write through it */
    *size = b->cfg.ram_size;
    return b->ram;
}

ram_log *virt_ram_log(virt_board *b)
{
    if (!b->log.npages) {
        /* Started late: whatever may be non-zero is marked (all of RAM once the guest ran). */
        uint64_t lo = b->dirty_lo < b->dirty_hi ? b->dirty_lo : 0;
        uint64_t hi = b->dirty_lo < b->dirty_hi ? b->dirty_hi : 0;
        if (!ram_log_init(&b->log, b->ram, b->cfg.ram_size, lo, hi))
            abort();
        b->bus.log = &b->log;
        b->bus.log_base = VIRT_DRAM_BASE;
        for (int i = 0; i < b->cfg.nharts; i++)
            tlb_park_write(&b->harts[i]); /* cached before the log: unmarked */
        ram_log_collect(&b->log);
        ram_log_reset_changed(&b->log);
    }
    return &b->log;
}

void virt_ram_log_collect(virt_board *b)
{
    ram_log *l = virt_ram_log(b);
    if (ram_log_collect(l)) {
        /* The harts' cached write pointers would let later writes to those pages go unmarked.
         * Every such pointer marked its page when it was cached (or brought back), so after
         * this no hart holds one: the first store to each page after a collection is always
         * seen. Parked, not dropped: the guest must see no difference. */
        for (int i = 0; i < b->cfg.nharts; i++)
            tlb_park_write(&b->harts[i]);
    }
}

void virt_flip_uart_scratch(virt_board *b)
{
    b->uart.scr ^= 1;
}

void virt_note_ram_write(virt_board *b, uint64_t off, uint64_t len)
{
    log_write(b, off, off + len);
}

/* Digests (record/replay): named fields only, never pointers, padding or host state. */
uint64_t virt_hart_digest(const virt_board *b, int i)
{
    const hart *h = &b->harts[i];
    uint64_t v[64];
    size_t n = 0;
    for (int r = 1; r < 32; r++)
        v[n++] = h->x[r];
    const uint64_t csr[] = {h->pc,      (uint64_t)h->priv, h->wfi,      h->mstatus,
                            h->medeleg, h->mideleg,        h->mie,      h->mip,
                            h->mtvec,   h->mscratch,       h->mepc,     h->mcause,
                            h->mtval,   h->stvec,          h->sscratch, h->sepc,
                            h->scause,  h->stval,          h->satp,     h->res_valid,
                            h->res_addr};
    for (size_t k = 0; k < sizeof(csr) / sizeof(csr[0]); k++)
        v[n++] = csr[k];
    return XXH3_64bits(v, n * sizeof(v[0]));
}

static const char *const part_names[VIRT_DEVICE_PARTS] = {"clint", "plic",        "uart",
                                                          "rtc",   "emu-testdev", "scheduler"};

const char *virt_device_part_name(int i)
{
    return i >= 0 && i < VIRT_DEVICE_PARTS ? part_names[i] : "?";
}

static void hash_clint(XXH3_state_t *st, const clint *c)
{
    XXH3_64bits_update(st, c->msip_val, sizeof(c->msip_val));
    XXH3_64bits_update(st, c->timecmp, sizeof(c->timecmp));
    XXH3_64bits_update(st, &c->time_delta, sizeof(c->time_delta));
}

static void hash_plic(XXH3_state_t *st, const plic *p)
{
    XXH3_64bits_update(st, p->priority, sizeof(p->priority));
    XXH3_64bits_update(st, p->pending, sizeof(p->pending));
    XXH3_64bits_update(st, p->claimed, sizeof(p->claimed));
    XXH3_64bits_update(st, p->enable, sizeof(p->enable));
    XXH3_64bits_update(st, p->threshold, sizeof(p->threshold));
}

#define UART_FIELDS 12
static void uart_fields(const uart *u, uint64_t v[UART_FIELDS])
{
    const uint64_t f[UART_FIELDS] = {u->ier,
                                     u->iir,
                                     u->lcr,
                                     u->mcr,
                                     u->lsr,
                                     u->msr,
                                     u->scr,
                                     u->fcr,
                                     u->divider,
                                     u->thr_ipending,
                                     (uint64_t)u->rx_head,
                                     (uint64_t)u->rx_count};
    memcpy(v, f, sizeof(f));
}

/* Each part of the device state, hashed on its own (the scheduler part, the clock and whose
 * turn it is, changes at every instruction). */
void virt_device_parts(const virt_board *b, uint64_t out[VIRT_DEVICE_PARTS])
{
    XXH3_state_t *st = XXH3_createState();
    XXH3_64bits_reset(st);
    hash_clint(st, &b->clint);
    out[0] = XXH3_64bits_digest(st);
    XXH3_64bits_reset(st);
    hash_plic(st, &b->plic);
    out[1] = XXH3_64bits_digest(st);
    XXH3_64bits_reset(st);
    uint64_t uv[UART_FIELDS];
    uart_fields(&b->uart, uv);
    XXH3_64bits_update(st, uv, sizeof(uv));
    XXH3_64bits_update(st, b->uart.rx, sizeof(b->uart.rx));
    out[2] = XXH3_64bits_digest(st);
    XXH3_freeState(st);
    const uint64_t rv[] = {b->rtc.alarm_next, b->rtc.deadline_ns};
    out[3] = XXH3_64bits(rv, sizeof(rv));
    const uint64_t tv[] = {b->tdev.wdt_period, b->tdev.deadline_ns};
    out[4] = XXH3_64bits(tv, sizeof(tv));
    const uint64_t sv[] = {b->clock.bias_ns, b->clock.icount, (uint64_t)b->cur, b->slice_left};
    out[5] = XXH3_64bits(sv, sizeof(sv));
}

/* The digest's device state hash: its byte order is fixed by traces already written. */
uint64_t virt_devices_digest(const virt_board *b)
{
    XXH3_state_t *st = XXH3_createState();
    XXH3_64bits_reset(st);
    hash_clint(st, &b->clint);
    hash_plic(st, &b->plic);
    uint64_t uv[UART_FIELDS + 8];
    uart_fields(&b->uart, uv);
    const uint64_t rest[8] = {b->clock.bias_ns,   b->clock.icount,    b->rtc.alarm_next,
                              b->rtc.deadline_ns, b->tdev.wdt_period, b->tdev.deadline_ns,
                              (uint64_t)b->cur,   b->slice_left};
    memcpy(uv + UART_FIELDS, rest, sizeof(rest));
    XXH3_64bits_update(st, uv, sizeof(uv));
    XXH3_64bits_update(st, b->uart.rx, sizeof(b->uart.rx));
    uint64_t d = XXH3_64bits_digest(st);
    XXH3_freeState(st);
    return d;
}
