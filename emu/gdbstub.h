/* The gdb stub: the GDB remote serial protocol over TCP on 127.0.0.1 (-s, -gdb tcp:HOST:PORT),
 * live and during emu --replay. The main loop asks it whether the guest may run, how far, and
 * tells it where a slice ended. It must never change what the guest computes unless gdb writes
 * registers or memory: breakpoints and steps only pause the virtual machine, they never change
 * the instruction count or any event. */
#ifndef EMU_GDBSTUB_H
#define EMU_GDBSTUB_H

#include <poll.h>
#include <stdbool.h>
#include <stdint.h>

/* The port given by -s / -gdb (0: no stub). */
extern int gdbstub_port;
/* Parses a -gdb argument ("tcp:127.0.0.1:PORT", "tcp::PORT"); false when it is not one. */
bool gdbstub_parse(const char *spec);
/* Listens on 127.0.0.1:gdbstub_port; the guest stays halted until gdb continues it. False
 * (after a message) when the port cannot be used. A no-op without a port. */
bool gdbstub_open(void);
/* The stub holds the guest (no client yet, a breakpoint, a step done, Ctrl-C). */
bool gdbstub_halted(void);
/* The most instructions the next slice may run (1 while stepping). */
uint64_t gdbstub_budget_cap(void);
/* After a slice that ran n instructions: a step done or a breakpoint hit halts the guest. */
void gdbstub_after_slice(uint64_t n);
/* While halted: serve gdb (blocking) until it continues, detaches or goes away. */
void gdbstub_wait(void);
/* The stub's sockets for the main loop's poll (returns how many were filled), and their
 * handling after it. */
int gdbstub_pollfds(struct pollfd *pfds, int max);
void gdbstub_handle(const struct pollfd *pfds, int n);
/* emu exits with status: gdb hears W (once). */
void gdbstub_exit(int status);

#endif
