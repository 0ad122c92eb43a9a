/* The progress line of emu --replay: when stderr is a terminal, "\r"-updated events and
 * instruction count, at most four times a second. Reads the host's monotonic clock, for this
 * display only. Must never write a byte when stderr is not a terminal, and never feed anything
 * it reads back into the run. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "emu/record.h"

static int tty = -1; /* unknown */
static bool shown;
static uint64_t last_ms;
static unsigned calls;

static uint64_t now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

void replay_progress(uint64_t events, uint64_t icount)
{
    if (tty < 0) {
        tty = isatty(STDERR_FILENO) ? 1 : 0;
        last_ms = tty ? now_ms() : 0;
    }
    if (!tty || (++calls & 7) != 0) {
        return;
    }
    uint64_t t = now_ms();
    if (t - last_ms < 250) {
        return;
    }
    last_ms = t;
    fprintf(stderr, "\rreplay: %llu events, icount %llu\033[K", (unsigned long long)events,
            (unsigned long long)icount);
    fflush(stderr);
    shown = true;
}

void replay_progress_clear(void)
{
    if (shown) {
        fputs("\r\033[K", stderr);
        fflush(stderr);
        shown = false;
    }
}
