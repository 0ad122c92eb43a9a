/* runguest: runs one guest image on the virt board in-process, the way the main loop will
 * (slices, idle time jumps), printing the guest's serial output on stdout and exiting with the
 * guest's exit code. Used by tests/check_guest_qemu.py and bench/guest_bench.py. It must never
 * use host time for the guest: only the optional -stats line measures the host. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "emu/hw/virt.h"

static void out(void *opaque, uint8_t byte)
{
    (void)opaque;
    putchar(byte);
}

static int64_t epoch(void *opaque)
{
    (void)opaque;
    return 946684800LL * 1000000000LL; /* 2000-01-01, as -rtc base=2000-01-01 */
}

int main(int argc, char **argv)
{
    virt_config cfg = {0};
    uint64_t max = 20000000000ULL;
    bool stats = false;
    const char *path = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-smp") && i + 1 < argc)
            cfg.nharts = atoi(argv[++i]);
        else if (!strcmp(argv[i], "-shift") && i + 1 < argc)
            cfg.icount_shift = (unsigned)atoi(argv[++i]);
        else if (!strcmp(argv[i], "-max") && i + 1 < argc)
            max = strtoull(argv[++i], NULL, 0);
        else if (!strcmp(argv[i], "-stats"))
            stats = true;
        else
            path = argv[i];
    }
    if (!path) {
        fprintf(stderr, "usage: runguest [-smp N] [-shift N] [-max INSNS] [-stats] IMAGE\n");
        return 2;
    }
    board_host_ops host = {.serial_out = out, .host_time_ns = epoch};
    cfg.host = &host;
    strbuf err;
    sb_init(&err);
    virt_board *b = virt_new(&cfg, &err);
    if (!b || !virt_load_kernel(b, path, &err)) {
        fprintf(stderr, "runguest: %s\n", err.buf ? err.buf : "error");
        return 2;
    }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    int rc = 0;
    for (;;) {
        virt_run(b, 1000000);
        if (virt_stop_reason(b) == VIRT_STOP_RESET) {
            virt_reset(b);
            continue;
        }
        if (virt_stop_reason(b)) {
            virt_stop why = virt_stop_reason(b);
            rc = why == VIRT_STOP_SHUTDOWN ? virt_exit_code(b) : 100 + (int)why;
            if (why != VIRT_STOP_SHUTDOWN)
                fprintf(stderr, "runguest: stopped (reason %d, code %d)\n", (int)why,
                        virt_exit_code(b));
            break;
        }
        if (virt_all_idle(b)) {
            uint64_t d = virt_next_deadline_ns(b);
            if (d == DEV_NO_DEADLINE) {
                fprintf(stderr, "runguest: all harts wait for an interrupt that cannot come\n");
                rc = 3;
                break;
            }
            virt_jump_to_ns(b, d);
        }
        if (virt_insns(b) >= max) {
            fprintf(stderr, "runguest: instruction limit reached\n");
            rc = 4;
            break;
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    fflush(stdout);
    if (stats) {
        double s = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
        fprintf(stderr, "insns %llu seconds %.3f mips %.1f\n", (unsigned long long)virt_insns(b), s,
                (double)virt_insns(b) / s / 1e6);
    }
    virt_free(b);
    sb_free(&err);
    return rc;
}
