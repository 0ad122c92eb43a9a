/* The main loop: one thread alternating CPU slices, monitor/chardev polling, signals and
 * expired timers, all under the virtual clock. Must never take an input anywhere but at a
 * slice boundary. */
#ifndef EMU_MAIN_LOOP_H
#define EMU_MAIN_LOOP_H

#include <stdbool.h>

/* Instructions per slice when no timer deadline comes sooner. */
#define MAIN_LOOP_SLICE 1000000

/* Sets up signal handling (SIGINT/SIGTERM/SIGHUP become shutdown requests) and the loop's own
 * state; again in the same process, only the state. */
void main_loop_init(void);
/* When set (a fuzz target's scripted client; never in emu itself), called where the loop would
 * poll: it delivers the next inputs through the functions the transports use (monitor_input,
 * and a signal as the signal path does: record_signal, request_signal_shutdown). */
extern bool (*main_loop_script)(void);
/* Runs until emu must exit; returns the exit status. */
int main_loop_run(void);
/* The guest ends emu at once with this status (QEMU's exit() in a device): no event, outputs
 * flushed, the rest of the input ignored. */
void main_loop_exit(int status);
/* Called by the monitor after each request: true when the request started or restarted the
 * guest (cont, x-exit-preconfig, system_wakeup, system_reset while running), so that the rest of
 * the input already read waits for the next slice boundary: the guest always runs one slice
 * first, whatever way the input was split into reads. */
bool main_loop_hold_input(void);

#endif
