/* Character-device transports for monitors: stdio, unix and tcp sockets (server or client),
 * and inherited fds. They own file descriptors and byte buffers and nothing of QMP.
 * Must never block the main loop except where QEMU does (server wait=on at start-up). */
#ifndef QMP_CHARDEV_H
#define QMP_CHARDEV_H

#include <poll.h>
#include <stdbool.h>

#include "emu/cli.h"
#include "emu/strbuf.h"

typedef struct chardev chardev;

/* Opens every monitor chardev of emu_opts (listening sockets, client connections, stdio).
 * Prints QEMU-style errors and returns false on failure. */
bool chardevs_open(void);
/* Blocks until each server chardev with wait=on has a client (QEMU does this at start-up). */
void chardevs_wait_for_clients(void);
/* Sends greetings on chardevs that are connected at start (stdio, client sockets). */
void chardevs_start(void);
/* Poll integration: fills at most max entries, returns the count. */
int chardevs_pollfds(struct pollfd *pfds, int max);
/* Handles poll results for the entries chardevs_pollfds filled. */
void chardevs_handle(struct pollfd *pfds, int n);
/* Writes out every buffer (blocking briefly if needed): before exit. */
void chardevs_flush_all(void);
/* Closes everything (tests, fuzzing, exit). */
void chardevs_close_all(void);
/* True if any chardev still has output queued. */
bool chardevs_output_pending(void);

#endif
