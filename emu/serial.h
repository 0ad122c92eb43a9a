/* The host side of the board's serial port: `-serial stdio|null|none|file:PATH` (`-nographic`
 * means stdio unless -nodefaults or a -serial is given, as in QEMU), the bytes the UART sends,
 * and the bytes the host types (stdio only), queued until the board can take them.
 * Host input enters only through serial_input(): the narrow boundary the recorder sits on.
 * It must never block (except in the final flush) and never hand input to the guest itself:
 * the machine takes it at slice boundaries. */
#ifndef EMU_SERIAL_H
#define EMU_SERIAL_H

#include <poll.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Opens the backend (after the monitors, as QEMU does: its errors, even for an unknown
 * backend, follow the greeting). has_serial: the board has a serial port (the -nographic
 * default applies). Prints QEMU's messages and returns false on error. */
bool serial_open(bool has_serial);
/* A byte from the guest's UART. */
void serial_out(uint8_t byte);
/* Writes what the backend takes now without blocking (after each slice, so that the guest's
 * output comes before what emu prints about the guest's action). */
void serial_write_out(void);
/* Poll integration: fills at most max (2) entries, returns the count. */
int serial_pollfds(struct pollfd *pfds, int max);
void serial_handle(struct pollfd *pfds, int n);
/* Host bytes for the guest (the recorded input boundary). */
void serial_input(const uint8_t *buf, size_t len);
/* Input waiting for the board: up to *len bytes at the returned pointer; consume what the
 * board took. */
const uint8_t *serial_pending(size_t *len);
void serial_consume(size_t n);
/* Writes out everything buffered (blocking briefly): before exit. */
void serial_flush(void);
void serial_close(void);

#endif
