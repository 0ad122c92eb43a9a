/* The serial port's host side (see serial.h): parses and opens the -serial backend with QEMU's
 * messages, buffers the guest's output and writes it without blocking, reads host input on
 * stdio into a queue the machine drains at slice boundaries.
 * It must never hand bytes to the guest directly, and never block except in serial_flush. */
#include "emu/serial.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "emu/cli.h"
#include "emu/machine.h"
#include "emu/record.h"
#include "emu/strbuf.h"

/* Stop reading host input while this much waits for the guest. */
#define INPUT_LIMIT (64u << 10)
/* Write out synchronously once this much output is queued. */
#define OUTPUT_LIMIT (1u << 20)

typedef enum serial_kind {
    SERIAL_NULL, /* no backend, null or none: output is dropped, no input */
    SERIAL_STDIO,
    SERIAL_FILE,
} serial_kind;

static struct {
    serial_kind kind;
    int in_fd, out_fd;
    bool in_eof;
    int saved_in_flags, saved_out_flags;
    strbuf out, in;
} ser = {.in_fd = -1, .out_fd = -1, .saved_in_flags = -1, .saved_out_flags = -1};

static void serial_error(bool implicit, const char *fmt, const char *a, const char *b)
{
    if (implicit) {
        fprintf(stderr, "%s: ", emu_opts.argv0);
    } else {
        fprintf(stderr, "%s: -serial %s: ", emu_opts.argv0, machine_cfg.serial);
    }
    fprintf(stderr, fmt, a, b);
    fputc('\n', stderr);
}

static bool connect_failed(bool implicit, const char *backend)
{
    serial_error(implicit, "could not connect serial device to character backend '%s'%s", backend,
                 "");
    return false;
}

static bool is_prefix(const char *s, const char *p)
{
    return !strncmp(s, p, strlen(p));
}

static bool serial_check(void)
{
    const char *s = machine_cfg.serial;
    if (!s || !strcmp(s, "stdio") || !strcmp(s, "mon:stdio") || !strcmp(s, "null") ||
        !strcmp(s, "none") || (is_prefix(s, "file:") && s[5]) || is_prefix(s, "chardev:")) {
        return true;
    }
    static const char *const qemu_only[] = {"vc",     "pty",     "pipe:", "tcp:",    "udp:",
                                            "unix:",  "telnet:", "mon:",  "braille", "msmouse",
                                            "serial", "file:",   NULL};
    for (int i = 0; qemu_only[i]; i++) {
        if (is_prefix(s, qemu_only[i])) {
            serial_error(false, "emu's serial port takes stdio, null, none or file:PATH%s%s", "",
                         "");
            return false;
        }
    }
    serial_error(false, "'%s' is not a valid char driver%s", s, "");
    return connect_failed(false, s);
}

static void set_nonblock(int fd, int *saved)
{
    int fl = fcntl(fd, F_GETFL);
    if (fl >= 0) {
        *saved = fl;
        fcntl(fd, F_SETFL, fl | O_NONBLOCK);
    }
}

static void restore_flags(void)
{
    if (ser.saved_in_flags >= 0) {
        fcntl(0, F_SETFL, ser.saved_in_flags);
    }
    if (ser.saved_out_flags >= 0) {
        fcntl(1, F_SETFL, ser.saved_out_flags);
    }
}

static bool stdio_taken(void)
{
    for (int i = 0; i < emu_opts.nchardevs; i++) {
        if (emu_opts.chardevs[i].kind == CHARDEV_STDIO) {
            return true;
        }
    }
    return false;
}

bool serial_open(bool has_serial)
{
    const char *s = machine_cfg.serial;
    bool implicit = false;
    sb_init(&ser.out);
    sb_init(&ser.in);
    ser.kind = SERIAL_NULL;
    ser.in_eof = false;
    if (!serial_check()) {
        return false;
    }
    if (!s) {
        /* QEMU: -nographic puts the default serial port on stdio (boards with one). */
        if (!has_serial || !emu_opts.nographic || emu_opts.nodefaults) {
            return true;
        }
        s = "stdio";
        implicit = true;
    }
    if (!strcmp(s, "null") || !strcmp(s, "none")) {
        return true;
    }
    if (is_prefix(s, "chardev:")) {
        return connect_failed(false, s);
    }
    if (is_prefix(s, "file:")) {
        if (rr_mode == RR_REPLAY && !replay_startup_is("serial-failed")) {
            return true; /* replay compares the guest's bytes with the trace instead */
        }
        if (rr_mode == RR_REPLAY) {
            serial_error(false, "Could not open '%s': %s", s + 5, "(as when recorded)");
            return connect_failed(false, s);
        }
        int fd = open(s + 5, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
        if (fd < 0) {
            serial_error(false, "Could not open '%s': %s", s + 5, strerror(errno));
            return connect_failed(false, s);
        }
        ser.kind = SERIAL_FILE;
        ser.out_fd = fd;
        return true;
    }
    /* stdio (or mon:stdio: emu has no human monitor to multiplex) */
    if (stdio_taken()) {
        serial_error(implicit, "cannot use stdio by multiple character devices%s%s", "", "");
        return connect_failed(implicit, "stdio");
    }
    if (emu_opts.daemonize) {
        serial_error(implicit, "cannot use stdio with -daemonize%s%s", "", "");
        return connect_failed(implicit, "stdio");
    }
    if (rr_mode == RR_REPLAY) {
        return true;
    }
    ser.kind = SERIAL_STDIO;
    ser.in_fd = 0;
    ser.out_fd = 1;
    set_nonblock(0, &ser.saved_in_flags);
    set_nonblock(1, &ser.saved_out_flags);
    atexit(restore_flags);
    return true;
}

/* Writes what the descriptor takes now; the rest stays queued. */
static void write_some(void)
{
    while (ser.out.len && ser.out_fd >= 0) {
        ssize_t n = write(ser.out_fd, ser.out.buf, ser.out.len);
        if (n > 0) {
            sb_consume(&ser.out, (size_t)n);
        } else if (n < 0 && errno == EINTR) {
            continue;
        } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            return;
        } else {
            /* The reader is gone (or the disk is full): like a disconnected chardev, the
             * guest's bytes go nowhere from now on. */
            sb_clear(&ser.out);
            ser.out_fd = -1;
        }
    }
}

void serial_write_out(void)
{
    write_some();
}

void serial_out(uint8_t byte)
{
    record_serial_out(byte);
    if (ser.kind == SERIAL_NULL || ser.out_fd < 0) {
        return;
    }
    sb_putc(&ser.out, (char)byte);
    if (ser.out.len >= OUTPUT_LIMIT) {
        serial_flush();
    }
}

int serial_pollfds(struct pollfd *pfds, int max)
{
    if (max < 2) {
        return 0;
    }
    write_some();
    bool want_in = ser.in_fd >= 0 && !ser.in_eof && ser.in.len < INPUT_LIMIT;
    pfds[0] = (struct pollfd){.fd = want_in ? ser.in_fd : -1, .events = POLLIN};
    pfds[1] = (struct pollfd){.fd = ser.out.len ? ser.out_fd : -1, .events = POLLOUT};
    return 2;
}

void serial_handle(struct pollfd *pfds, int n)
{
    if (n < 2) {
        return;
    }
    if (pfds[1].fd >= 0 && (pfds[1].revents & (POLLOUT | POLLERR | POLLHUP))) {
        write_some();
    }
    if (pfds[0].fd < 0 || !(pfds[0].revents & (POLLIN | POLLHUP | POLLERR))) {
        return;
    }
    uint8_t buf[4096];
    ssize_t r = read(ser.in_fd, buf, sizeof(buf));
    if (r > 0) {
        serial_input(buf, (size_t)r);
    } else if (r == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) {
        ser.in_eof = true; /* the guest simply receives nothing more */
    }
}

void serial_input(const uint8_t *buf, size_t len)
{
    record_serial_in(buf, len);
    sb_put(&ser.in, buf, len);
}

const uint8_t *serial_pending(size_t *len)
{
    *len = ser.in.len;
    return (const uint8_t *)ser.in.buf;
}

void serial_consume(size_t n)
{
    sb_consume(&ser.in, n);
}

void serial_flush(void)
{
    /* Bounded, like the monitors' final flush: a reader that never reads cannot keep emu. */
    for (int round = 0; round < 200 && ser.out.len && ser.out_fd >= 0; round++) {
        write_some();
        if (ser.out.len && ser.out_fd >= 0) {
            struct pollfd p = {.fd = ser.out_fd, .events = POLLOUT};
            poll(&p, 1, 10);
        }
    }
}

void serial_close(void)
{
    serial_flush();
    if (ser.kind == SERIAL_FILE && ser.out_fd >= 0) {
        close(ser.out_fd);
    }
    sb_free(&ser.out);
    sb_free(&ser.in);
    ser.kind = SERIAL_NULL;
    ser.in_fd = ser.out_fd = -1;
}
