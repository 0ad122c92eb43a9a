/* The virt board (QEMU's -M virt memory map): RAM at 0x80000000, a reset ROM at 0x1000 (the same
 * six instructions QEMU runs before the kernel), CLINT, PLIC, NS16550A UART, SiFive test
 * finisher, goldfish RTC, emu test device, HTIF when the ELF asks for it, and nharts harts run
 * round-robin with a fixed quantum. This is the interface the main loop drives. It must never
 * block, read host time (other than host_time_ns at reset) or include qmp/ headers.
 *
 * Main loop contract, per slice:
 *   n = virt_run(b, budget);             instructions executed (also vclock_add_insns(n))
 *   if (virt_stop_reason(b)) ...          the guest asked to power off/reset/panic/suspend, or the
 *                                         watchdog fired; act, then virt_reset or virt_clear_stop
 *   else if (virt_all_idle(b)):           every hart waits for an interrupt; jump time to
 *                                         min(virt_next_deadline_ns(b), own timers) with
 *                                         virt_jump_to_ns (no deadline at all: wait for input)
 *   feed serial input with virt_serial_can_receive / virt_serial_input between slices. */
#ifndef EMU_HW_VIRT_H
#define EMU_HW_VIRT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "emu/hw/board_host.h"
#include "emu/strbuf.h"
#include "emu/tcg/hart.h"

#define VIRT_DRAM_BASE       0x80000000ULL
#define VIRT_MROM_BASE       0x1000ULL
#define VIRT_MROM_SIZE       0xf000ULL
#define VIRT_MAX_HARTS       8
#define VIRT_DEFAULT_RAM     (128ULL << 20)
#define VIRT_DEFAULT_QUANTUM 10000
/* QEMU 7.2's virt builds at most this many sockets, one per NUMA node ("number of
 * sockets/nodes should be less than 4" above it). */
#define VIRT_MAX_NODES 4

/* The NUMA topology the device tree describes. nodes == 0: no NUMA configuration (one memory
 * node, no numa-node-id properties). Otherwise node n owns node_mem[n] bytes of RAM, laid out
 * in node order from VIRT_DRAM_BASE, and its harts are hart_node[h] == n, one contiguous run of
 * hart ids per node (QEMU's sockets). */
typedef struct virt_topology {
    int nodes;
    uint64_t node_mem[VIRT_MAX_NODES];
    int hart_node[VIRT_MAX_HARTS];
    bool have_distances;
    uint8_t distance[VIRT_MAX_NODES][VIRT_MAX_NODES];
} virt_topology;

typedef struct virt_config {
    uint64_t ram_size;     /* 0: VIRT_DEFAULT_RAM */
    int nharts;            /* 1..VIRT_MAX_HARTS (0: 1) */
    unsigned icount_shift; /* 2^shift ns per instruction */
    uint64_t quantum;      /* instructions per hart turn (0: VIRT_DEFAULT_QUANTUM) */
    virt_topology topo;    /* what the device tree says about NUMA (zero: none) */
    const board_host_ops *host;
    void *host_opaque;
    bool log_ram; /* start the RAM write log at once (record and replay): every byte written
                     from creation on is logged, none has to be found afterwards */
} virt_config;

typedef enum virt_stop {
    VIRT_RUNNING = 0,
    VIRT_STOP_SHUTDOWN, /* exit at once (QEMU 7.2 calls exit()): virt_exit_code is 0 on
                           poweroff, the guest's code on failure */
    VIRT_STOP_RESET,
    VIRT_STOP_PANIC, /* virt_exit_code: the panic code */
    VIRT_STOP_SUSPEND,
    VIRT_STOP_WATCHDOG,
    VIRT_STOP_SHUTDOWN_REQUEST, /* orderly power-off request: the runstate machine decides */
} virt_stop;

typedef struct virt_board virt_board;

/* QEMU 7.2's checks of the sockets (one per NUMA node: at most VIRT_MAX_NODES, each one
 * contiguous run of harts), with its messages; false with the message in err. virt_new runs
 * them too. */
bool virt_check_topology(const virt_config *cfg, strbuf *err);
/* NULL with a message in err on a bad configuration. */
virt_board *virt_new(const virt_config *cfg, strbuf *err);
void virt_free(virt_board *b);
/* An ELF64 RISC-V executable, or else a raw image placed at 0x80000000. False with a message
 * in err (the board is unchanged) when the file cannot be read or is a broken ELF. */
bool virt_load_kernel(virt_board *b, const char *path, strbuf *err);
bool virt_load_kernel_mem(virt_board *b, const uint8_t *data, size_t len, strbuf *err);
/* System reset: harts to the reset ROM, devices to reset state, images reloaded, time kept. */
void virt_reset(virt_board *b);

uint64_t virt_run(virt_board *b, uint64_t budget);
virt_stop virt_stop_reason(const virt_board *b);
int virt_exit_code(const virt_board *b);
void virt_clear_stop(virt_board *b);
bool virt_all_idle(const virt_board *b);

uint64_t virt_now_ns(const virt_board *b);
uint64_t virt_insns(const virt_board *b); /* instructions executed by all harts */
/* Earliest device deadline in virtual ns; DEV_NO_DEADLINE when none. */
uint64_t virt_next_deadline_ns(const virt_board *b);
/* Advance idle time to ns (never backwards); timers due by then fire on the next virt_run. */
void virt_jump_to_ns(virt_board *b, uint64_t ns);

size_t virt_serial_can_receive(const virt_board *b);
void virt_serial_input(virt_board *b, const uint8_t *buf, size_t len);

/* The flattened device tree the board built (packed) and the guest address where every reset
 * places it (a1 at the kernel entry, as QEMU 7.2's riscv_load_fdt places it). */
const void *virt_fdt_blob(const virt_board *b, size_t *len);
uint64_t virt_fdt_addr(const virt_board *b);
/* The kernel image as loaded (NULL: none), and whether it is an ELF file. */
const uint8_t *virt_image(const virt_board *b, size_t *len, bool *is_elf);

/* State for digests and divergence reports. */
int virt_nharts(const virt_board *b);
hart *virt_hart(virt_board *b, int i);
/* The hart executing now (during virt_run; a device callback's caller), or NULL. */
hart *virt_running_hart(virt_board *b);
/* The hart that executed the last instruction of the runs so far, or NULL (the gdb stub's
 * step: one instruction of the selected hart). */
hart *virt_last_ran_hart(virt_board *b);
uint8_t *virt_ram(virt_board *b, uint64_t *size);
/* The log of writes to RAM (emu/hw/ram_log.h), started at the first call: from then on every
 * write to RAM is marked. virt_ram_log_collect hashes the pages written since the last time. */
ram_log *virt_ram_log(virt_board *b);
void virt_ram_log_collect(virt_board *b);
/* TEST HOOK (EMU_REPLAY_PERTURB=N:d): flips bit 0 of the UART's scratch register, a change of
 * device state and nothing else. */
void virt_flip_uart_scratch(virt_board *b);
/* RAM [off, off + len) was written through virt_ram's pointer. */
void virt_note_ram_write(virt_board *b, uint64_t off, uint64_t len);
/* xxh3 of hart i's registers and pc, and of the devices' state (record/replay digests). */
uint64_t virt_hart_digest(const virt_board *b, int i);
uint64_t virt_devices_digest(const virt_board *b);
/* The device state in parts (clint, plic, uart, rtc, emu-testdev, scheduler: always the last),
 * each hashed on its own: what a divergence report names. */
#define VIRT_DEVICE_PARTS 6
void virt_device_parts(const virt_board *b, uint64_t out[VIRT_DEVICE_PARTS]);
const char *virt_device_part_name(int i);

#endif
