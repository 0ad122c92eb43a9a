/* qmp_client: measures query-status round trips against a QMP server on a unix socket.
 *
 * Usage: qmp_client SOCKET serial|pipelined SECONDS [WINDOW]
 * Connects, reads the greeting, negotiates with qmp_capabilities, does a short warm-up, then for
 * SECONDS sends {"execute":"query-status"} either one at a time (waiting for each reply) or keeping
 * WINDOW requests in flight, and finally drains every outstanding reply. Prints one JSON object on
 * stdout: replies, errors, events, seconds, per_second, and the first bad line if any. Exits 0 when
 * every reply was good, 1 when some were not, 2 when it could not run at all (with "fatal").
 * It must never count a reply it did not check: every line that is not an event must begin with
 * {"return": {"status": , anything else is an error, and a missing reply is an error too.
 */
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#define REQUEST         "{\"execute\":\"query-status\"}\n"
#define REPLY_PREFIX    "{\"return\": {\"status\": "
#define GREETING_PREFIX "{\"QMP\":"
#define WARMUP          200
#define DRAIN_SECONDS   10.0
#define MAX_WINDOW      1024

struct conn {
    int fd;
    char buf[1 << 16];
    size_t start, len; /* unread bytes are buf[start .. start+len) */
};

struct stats {
    long long replies, errors, events;
    char first_error[256];
};

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void print_json_string(const char *s)
{
    putchar('"');
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            printf("\\%c", c);
        else if (c < 0x20)
            printf("\\u%04x", c);
        else
            putchar(c);
    }
    putchar('"');
}

static void fatal(const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    printf("{\"fatal\": ");
    print_json_string(msg);
    printf("}\n");
    exit(2);
}

static void write_all(int fd, const char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            fatal("write: %s", w < 0 ? strerror(errno) : "short write");
        p += w;
        n -= (size_t)w;
    }
}

/* Reads whatever is available, waiting until deadline. Returns 0 on timeout. The socket has a
 * short receive timeout (set at connect), so a blocking read stands in for poll + read: one
 * system call per wait keeps the client's own cost out of the round-trip figure. */
static int fill(struct conn *c, double deadline)
{
    if (c->start > 0) {
        memmove(c->buf, c->buf + c->start, c->len);
        c->start = 0;
    }
    if (c->len == sizeof(c->buf))
        fatal("a line longer than %zu bytes", sizeof(c->buf));
    for (;;) {
        ssize_t r = read(c->fd, c->buf + c->len, sizeof(c->buf) - c->len);
        if (r > 0) {
            c->len += (size_t)r;
            return 1;
        }
        if (r == 0)
            fatal("server closed the connection");
        if (errno != EINTR && errno != EAGAIN && errno != EWOULDBLOCK)
            fatal("read: %s", strerror(errno));
        if (now_s() >= deadline)
            return 0;
    }
}

/* Takes the next complete line out of the buffer, without its line ending; NULL if none yet. */
static char *take_line(struct conn *c)
{
    char *p = c->buf + c->start;
    char *nl = memchr(p, '\n', c->len);
    if (!nl)
        return NULL;
    size_t used = (size_t)(nl - p) + 1;
    *nl = '\0';
    if (nl > p && nl[-1] == '\r')
        nl[-1] = '\0';
    c->start += used;
    c->len -= used;
    return p;
}

/* Blocks for the next line; fatal on timeout. */
static char *next_line(struct conn *c, double deadline, const char *what)
{
    char *l;
    while (!(l = take_line(c)))
        if (!fill(c, deadline))
            fatal("timed out waiting for %s", what);
    return l;
}

static int is_event(const char *l)
{
    return strncmp(l, "{\"timestamp\"", 12) == 0 || strstr(l, "\"event\":") != NULL;
}

/* Classifies one line; returns 1 if it answered a request (good or bad), 0 for an event. */
static int account(struct stats *s, const char *l)
{
    if (is_event(l)) {
        s->events++;
        return 0;
    }
    if (strncmp(l, REPLY_PREFIX, strlen(REPLY_PREFIX)) == 0) {
        s->replies++;
    } else {
        if (s->errors == 0)
            snprintf(s->first_error, sizeof(s->first_error), "%s", l);
        s->errors++;
    }
    return 1;
}

static void connect_and_negotiate(struct conn *c, const char *path)
{
    struct sockaddr_un sa;
    memset(&sa, 0, sizeof(sa));
    sa.sun_family = AF_UNIX;
    if (strlen(path) >= sizeof(sa.sun_path))
        fatal("socket path too long");
    strcpy(sa.sun_path, path);
    double deadline = now_s() + 5.0;
    for (;;) {
        c->fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (c->fd < 0)
            fatal("socket: %s", strerror(errno));
        if (connect(c->fd, (struct sockaddr *)&sa, sizeof(sa)) == 0)
            break;
        int e = errno;
        close(c->fd);
        if ((e != ECONNREFUSED && e != ENOENT) || now_s() > deadline)
            fatal("connect: %s", strerror(e));
        usleep(1000);
    }
    struct timeval tv = {0, 100000};
    if (setsockopt(c->fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv)) != 0)
        fatal("setsockopt: %s", strerror(errno));
    c->start = c->len = 0;
    double t = now_s() + 5.0;
    char *l = next_line(c, t, "the greeting");
    if (strncmp(l, GREETING_PREFIX, strlen(GREETING_PREFIX)) != 0)
        fatal("not a QMP greeting: %.200s", l);
    const char cap[] = "{\"execute\":\"qmp_capabilities\"}\n";
    write_all(c->fd, cap, sizeof(cap) - 1);
    while (is_event(l = next_line(c, t, "the qmp_capabilities reply"))) {
    }
    if (strcmp(l, "{\"return\": {}}") != 0)
        fatal("qmp_capabilities answered: %.200s", l);
}

/* One request, one reply, repeated: until the deadline, or count times when count > 0. */
static void run_serial(struct conn *c, struct stats *s, double seconds, long long count)
{
    double end = now_s() + seconds;
    for (long long i = 0; count > 0 ? i < count : now_s() < end; i++) {
        write_all(c->fd, REQUEST, sizeof(REQUEST) - 1);
        double t = now_s() + DRAIN_SECONDS;
        while (!account(s, next_line(c, t, "a query-status reply"))) {
        }
    }
}

static void run_pipelined(struct conn *c, struct stats *s, double seconds, int window)
{
    static char batch[MAX_WINDOW * (sizeof(REQUEST) - 1)];
    const size_t req_len = sizeof(REQUEST) - 1;
    for (int i = 0; i < window; i++)
        memcpy(batch + (size_t)i * req_len, REQUEST, req_len);
    double end = now_s() + seconds, drain_until = end + DRAIN_SECONDS;
    int inflight = 0, sending = 1;
    while (sending || inflight > 0) {
        if (sending && inflight < window) {
            write_all(c->fd, batch, (size_t)(window - inflight) * req_len);
            inflight = window;
        }
        if (!fill(c, sending ? end + DRAIN_SECONDS : drain_until)) {
            if (s->errors == 0)
                snprintf(s->first_error, sizeof(s->first_error), "%d replies never came", inflight);
            s->errors += inflight;
            return;
        }
        char *l;
        while ((l = take_line(c)))
            inflight -= account(s, l);
        if (inflight < 0)
            fatal("more replies than requests");
        if (sending && now_s() >= end)
            sending = 0;
    }
}

int main(int argc, char **argv)
{
    if (argc < 4 || argc > 5) {
        fprintf(stderr, "usage: qmp_client SOCKET serial|pipelined SECONDS [WINDOW]\n");
        return 2;
    }
    const char *mode = argv[2];
    double seconds = atof(argv[3]);
    int window = argc == 5 ? atoi(argv[4]) : 64;
    int pipelined = strcmp(mode, "pipelined") == 0;
    if (!pipelined && strcmp(mode, "serial") != 0)
        fatal("unknown mode %s", mode);
    if (seconds <= 0 || window < 1 || window > MAX_WINDOW)
        fatal("bad SECONDS or WINDOW (1..%d)", MAX_WINDOW);
    signal(SIGPIPE, SIG_IGN);

    static struct conn c;
    connect_and_negotiate(&c, argv[1]);
    struct stats warm = {0}, s = {0};
    run_serial(&c, &warm, 0, WARMUP);
    double t0 = now_s();
    if (pipelined)
        run_pipelined(&c, &s, seconds, window);
    else
        run_serial(&c, &s, seconds, 0);
    double elapsed = now_s() - t0;
    close(c.fd);

    long long errors = warm.errors + s.errors;
    const char *first = warm.errors ? warm.first_error : s.first_error;
    printf("{\"mode\": \"%s\", \"window\": %d, \"replies\": %lld, \"errors\": %lld, "
           "\"events\": %lld, \"seconds\": %.6f, \"per_second\": %.1f, \"first_error\": ",
           mode, pipelined ? window : 1, s.replies, errors, warm.events + s.events, elapsed,
           elapsed > 0 ? (double)s.replies / elapsed : 0.0);
    print_json_string(first);
    printf("}\n");
    return errors ? 1 : 0;
}
