/* Monitor transports: stdio, unix/tcp sockets as server (one client at a time, like QEMU's
 * socket chardev) or client, and inherited fds; plus query-chardev.
 * Output is buffered per connection and written without blocking; a client that stops
 * reading stops being read from (its buffer is bounded), and never stalls the others.
 * Must never block except in chardevs_wait_for_clients and the final flush. */
#include "qmp/chardev.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "qmp/commands.h"
#include "qmp/monitor.h"

/* Stop reading a client whose unread output exceeds this. */
#define OUTPUT_BACKLOG_LIMIT (1u << 20)
#define READ_CHUNK           65536

struct chardev {
    chardev_opts *o;
    monitor *mon;
    int listen_fd;
    int in_fd, out_fd;
    bool connected;
    bool in_eof;
    strbuf out;
};

static chardev chrs[MAX_MONITORS];
static int nchrs;
static int saved_stdin_flags = -1, saved_stdout_flags = -1;

static void set_nonblock(int fd, int *saved)
{
    int fl = fcntl(fd, F_GETFL);
    if (fl < 0) {
        return;
    }
    if (saved) {
        *saved = fl;
    }
    fcntl(fd, F_SETFL, fl | O_NONBLOCK);
}

static void restore_stdio_flags(void)
{
    if (saved_stdin_flags >= 0) {
        fcntl(0, F_SETFL, saved_stdin_flags);
    }
    if (saved_stdout_flags >= 0) {
        fcntl(1, F_SETFL, saved_stdout_flags);
    }
}

static void chr_error(chardev *c, const char *fmt, const char *a, const char *b)
{
    fprintf(stderr, "%s: -%s %s: ", emu_opts.argv0, c->o->optname, c->o->spec);
    fprintf(stderr, fmt, a, b);
    fputc('\n', stderr);
}

/* Binds and listens, or connects, with QEMU's messages; returns the fd or -1. */
static int open_socket(chardev *c, const struct sockaddr *sa, socklen_t len, const char *where,
                       const char *quoted_where)
{
    int fd = socket(sa->sa_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd >= 0 && c->o->server) {
        int one = 1;
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
        if (sa->sa_family == AF_UNIX) {
            unlink(c->o->path);
        }
        if (bind(fd, sa, len) == 0 && listen(fd, 1) == 0) {
            return fd;
        }
        chr_error(c, "Failed to bind socket to %s: %s", where, strerror(errno));
    } else if (fd >= 0) {
        if (connect(fd, sa, len) == 0) {
            return fd;
        }
        chr_error(c, "Failed to connect to %s: %s", quoted_where, strerror(errno));
    } else {
        chr_error(c, "Failed to create socket: %s%s", strerror(errno), "");
    }
    if (fd >= 0) {
        close(fd);
    }
    return -1;
}

static int unix_open(chardev *c)
{
    struct sockaddr_un sa = {.sun_family = AF_UNIX};
    if (strlen(c->o->path) >= sizeof(sa.sun_path)) {
        chr_error(c, "UNIX socket path '%s' is too long%s", c->o->path, "");
        return -1;
    }
    strcpy(sa.sun_path, c->o->path);
    char quoted[sizeof(sa.sun_path) + 2];
    snprintf(quoted, sizeof(quoted), "'%s'", c->o->path);
    return open_socket(c, (struct sockaddr *)&sa, sizeof(sa), c->o->path, quoted);
}

static int tcp_open(chardev *c)
{
    struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons((uint16_t)c->o->port)};
    const char *h = c->o->host && *c->o->host ? c->o->host : "0.0.0.0";
    if (inet_pton(AF_INET, strcmp(h, "localhost") ? h : "127.0.0.1", &sa.sin_addr) != 1) {
        chr_error(c, "address resolution failed for %s: %s", h, "Name or service not known");
        return -1;
    }
    char where[300], quoted[304];
    snprintf(where, sizeof(where), "%s:%d", c->o->host ? c->o->host : "", c->o->port);
    snprintf(quoted, sizeof(quoted), "'%s'", where);
    return open_socket(c, (struct sockaddr *)&sa, sizeof(sa), where, quoted);
}

static void tune_conn(int fd)
{
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    set_nonblock(fd, NULL);
}

static void connect_client(chardev *c, int fd)
{
    tune_conn(fd);
    c->in_fd = c->out_fd = fd;
    c->connected = true;
    sb_clear(&c->out);
}

bool chardevs_open(void)
{
    nchrs = 0;
    for (int i = 0; i < emu_opts.nchardevs; i++) {
        chardev_opts *o = &emu_opts.chardevs[i];
        if (!o->is_monitor) {
            continue;
        }
        chardev *c = &chrs[nchrs];
        memset(c, 0, sizeof(*c));
        c->o = o;
        c->listen_fd = c->in_fd = c->out_fd = -1;
        sb_init(&c->out);
        int fd = -1;
        switch (o->kind) {
        case CHARDEV_STDIO:
            c->in_fd = 0;
            c->out_fd = 1;
            set_nonblock(0, &saved_stdin_flags);
            set_nonblock(1, &saved_stdout_flags);
            atexit(restore_stdio_flags);
            break;
        case CHARDEV_UNIX:
            fd = unix_open(c);
            break;
        case CHARDEV_TCP:
            fd = tcp_open(c);
            break;
        case CHARDEV_FD: {
            int acc = 0;
            socklen_t len = sizeof(acc);
            if (fcntl(o->fd, F_GETFD) < 0) {
                char num[16];
                snprintf(num, sizeof(num), "%d", o->fd);
                chr_error(c, "fd %s is not open%s", num, "");
                return false;
            }
            fd = o->fd;
            if (getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &acc, &len) == 0 && acc) {
                o->server = true;
            } else {
                o->server = false;
            }
            break;
        }
        }
        if (o->kind != CHARDEV_STDIO) {
            if (fd < 0) {
                return false;
            }
            if (o->server) {
                c->listen_fd = fd;
                set_nonblock(fd, NULL);
            } else {
                connect_client(c, fd);
            }
        }
        c->mon = monitor_new(&c->out);
        nchrs++;
    }
    signal(SIGPIPE, SIG_IGN);
    return true;
}

static void accept_client(chardev *c, bool blocking)
{
    if (blocking) {
        int fl = fcntl(c->listen_fd, F_GETFL);
        fcntl(c->listen_fd, F_SETFL, fl & ~O_NONBLOCK);
    }
    int fd = accept4(c->listen_fd, NULL, NULL, SOCK_CLOEXEC);
    if (blocking) {
        set_nonblock(c->listen_fd, NULL);
    }
    if (fd < 0) {
        return;
    }
    connect_client(c, fd);
    monitor_opened(c->mon);
}

void chardevs_wait_for_clients(void)
{
    for (int i = 0; i < nchrs; i++) {
        chardev *c = &chrs[i];
        if (c->listen_fd >= 0 && c->o->wait && !c->connected) {
            fprintf(stderr, "%s: -%s %s: info: QEMU waiting for connection on: %s\n",
                    emu_opts.argv0, c->o->optname, c->o->spec, c->o->spec);
            accept_client(c, true);
        }
    }
}

void chardevs_start(void)
{
    for (int i = 0; i < nchrs; i++) {
        chardev *c = &chrs[i];
        if (c->listen_fd < 0 && (c->connected || c->o->kind == CHARDEV_STDIO) && !c->mon->open) {
            monitor_opened(c->mon);
        }
    }
}

static void disconnect(chardev *c)
{
    if (c->in_fd >= 0 && c->o->kind != CHARDEV_STDIO) {
        close(c->in_fd);
    }
    c->in_fd = c->out_fd = -1;
    c->connected = false;
    sb_clear(&c->out);
    monitor_closed(c->mon);
}

static void flush_out(chardev *c)
{
    while (c->out.len) {
        ssize_t n = write(c->out_fd, c->out.buf, c->out.len);
        if (n > 0) {
            sb_consume(&c->out, (size_t)n);
            continue;
        }
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            return;
        }
        /* The peer is gone: drop what it will never read. */
        if (c->o->kind == CHARDEV_STDIO) {
            sb_clear(&c->out);
            c->out_fd = -1;
        } else {
            disconnect(c);
        }
        return;
    }
}

int chardevs_pollfds(struct pollfd *pfds, int max)
{
    int n = 0;
    for (int i = 0; i < nchrs && n + 2 <= max; i++) {
        chardev *c = &chrs[i];
        if (c->out_fd < 0) {
            sb_clear(&c->out); /* nobody will ever read it */
        } else if (c->out.len) {
            flush_out(c); /* most writes complete at once: no poll round trip */
        }
        short in_ev = 0;
        int in_fd = -1;
        if (c->listen_fd >= 0 && !c->connected) {
            in_fd = c->listen_fd;
            in_ev = POLLIN;
        } else if (c->in_fd >= 0 && !c->in_eof && c->out.len < OUTPUT_BACKLOG_LIMIT) {
            in_fd = c->in_fd;
            in_ev = POLLIN;
        }
        pfds[n++] = (struct pollfd){.fd = in_fd, .events = in_ev};
        pfds[n++] =
            (struct pollfd){.fd = c->out.len && c->out_fd >= 0 ? c->out_fd : -1, .events = POLLOUT};
    }
    return n;
}

static void read_input(chardev *c)
{
    static char buf[READ_CHUNK];
    ssize_t n = read(c->in_fd, buf, sizeof(buf));
    if (n > 0) {
        monitor_input(c->mon, buf, (size_t)n);
        return;
    }
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) {
        return;
    }
    if (c->o->kind == CHARDEV_STDIO) {
        /* QEMU keeps running when stdin closes; output still goes to stdout. */
        c->in_eof = true;
        return;
    }
    disconnect(c);
}

void chardevs_handle(struct pollfd *pfds, int n)
{
    for (int i = 0, k = 0; i < nchrs && k + 1 < n; i++, k += 2) {
        chardev *c = &chrs[i];
        struct pollfd *in = &pfds[k], *out = &pfds[k + 1];
        if (out->fd >= 0 && (out->revents & (POLLOUT | POLLERR | POLLHUP))) {
            flush_out(c);
        }
        if (in->fd < 0 || !(in->revents & (POLLIN | POLLHUP | POLLERR))) {
            continue;
        }
        if (in->fd == c->listen_fd && !c->connected) {
            accept_client(c, false);
        } else if (in->fd == c->in_fd) {
            read_input(c);
        }
        if (c->out.len && c->out_fd >= 0) {
            flush_out(c);
        }
    }
}

bool chardevs_output_pending(void)
{
    for (int i = 0; i < nchrs; i++) {
        if (chrs[i].out.len && chrs[i].out_fd >= 0) {
            return true;
        }
    }
    return false;
}

void chardevs_flush_all(void)
{
    /* Bounded: a client that never reads cannot keep emu alive for more than ~2 s. */
    for (int round = 0; round < 200 && chardevs_output_pending(); round++) {
        struct pollfd pfds[MAX_MONITORS];
        int n = 0;
        for (int i = 0; i < nchrs; i++) {
            if (chrs[i].out.len && chrs[i].out_fd >= 0) {
                pfds[n++] = (struct pollfd){.fd = chrs[i].out_fd, .events = POLLOUT};
            }
        }
        poll(pfds, (nfds_t)n, 10);
        for (int i = 0; i < nchrs; i++) {
            if (chrs[i].out.len && chrs[i].out_fd >= 0) {
                flush_out(&chrs[i]);
            }
        }
    }
}

void chardevs_close_all(void)
{
    for (int i = 0; i < nchrs; i++) {
        chardev *c = &chrs[i];
        if (c->in_fd >= 0 && c->o->kind != CHARDEV_STDIO) {
            close(c->in_fd);
        }
        if (c->listen_fd >= 0) {
            close(c->listen_fd);
            if (c->o->kind == CHARDEV_UNIX && c->o->server) {
                unlink(c->o->path);
            }
        }
        sb_free(&c->out);
    }
    nchrs = 0;
    monitor_free_all();
}

void qmp_cmd_query_chardev(qmp_request *req)
{
    json_value *list = json_array();
    /* QEMU lists the newest chardev first. */
    for (int i = emu_opts.nchardevs - 1; i >= 0; i--) {
        chardev_opts *o = &emu_opts.chardevs[i];
        chardev *c = NULL;
        for (int k = 0; k < nchrs; k++) {
            if (chrs[k].o == o) {
                c = &chrs[k];
            }
        }
        strbuf fn;
        sb_init(&fn);
        bool connected = c && c->connected;
        switch (o->kind) {
        case CHARDEV_STDIO:
            sb_puts(&fn, "stdio");
            break;
        case CHARDEV_UNIX:
            sb_printf(&fn, "%sunix:%s%s", connected ? "" : "disconnected:", o->path,
                      o->server ? ",server=on" : "");
            break;
        case CHARDEV_TCP:
            sb_printf(&fn, "%stcp:%s:%d%s",
                      connected ? "" : "disconnected:", o->host ? o->host : "", o->port,
                      o->server ? ",server=on" : "");
            break;
        case CHARDEV_FD:
            sb_printf(&fn, "%sfd:%d%s", connected ? "" : "disconnected:", o->fd,
                      o->server ? ",server=on" : "");
            break;
        }
        json_value *e = json_object();
        json_object_set_bool(e, "frontend-open", o->is_monitor);
        json_object_set_str(e, "filename", fn.buf);
        json_object_set_str(e, "label", o->id);
        json_array_append(list, e);
        sb_free(&fn);
    }
    req->ret = list;
}
