/* The main loop: one thread alternating CPU slices, monitor/chardev polling, signals and
 * expired timers, all under the virtual clock. Must never take an input anywhere but at a
 * slice boundary. */
#ifndef EMU_MAIN_LOOP_H
#define EMU_MAIN_LOOP_H

/* Instructions per slice when no timer deadline comes sooner. */
#define MAIN_LOOP_SLICE 1000000

/* Sets up signal handling (SIGINT/SIGTERM/SIGHUP become shutdown requests). */
void main_loop_init(void);
/* Runs until emu must exit; returns the exit status. */
int main_loop_run(void);

#endif
