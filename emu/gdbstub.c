/* The gdb stub (see gdbstub.h): one client at a time on 127.0.0.1, one thread per hart
 * (thread id = hart index + 1; registers are the selected thread's, and a breakpoint selects
 * the hart that hit it), software and hardware breakpoints alike by pc, steps by capping the
 * slice at one instruction until the selected hart has run one (the others run theirs in
 * between as they would without gdb). Guest memory is read and written through
 * hart 0's bus (RAM and ROM; MMIO is refused with E01, so that reading it has no side effect). It
 * must never alter the instruction count or any recorded event, and never block the main loop
 * except while gdb holds the guest. */
#include "emu/gdbstub.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "emu/hw/virt.h"
#include "emu/machine.h"

int gdbstub_port;

static struct {
    int lfd, cfd;
    bool open;
    bool halted;
    bool stepping;
    bool no_ack;
    bool exited;
    int cur;       /* the hart (index) whose registers g/G/p/P and the stop reply name */
    int step_hart; /* Hc's hart (index) for `s`, or -1: the current one */
    hart_debug dbg;
    char in[8192];
    size_t inlen;
} gs = {.lfd = -1, .cfd = -1, .step_hart = -1};

#define PACKET_SIZE 4096

static const char target_xml[] =
    "<?xml version=\"1.0\"?><!DOCTYPE target SYSTEM \"gdb-target.dtd\">"
    "<target version=\"1.0\"><architecture>riscv:rv64</architecture>"
    "<feature name=\"org.gnu.gdb.riscv.cpu\">"
    "<reg name=\"zero\" bitsize=\"64\" type=\"int\" regnum=\"0\"/>"
    "<reg name=\"ra\" bitsize=\"64\" type=\"code_ptr\"/>"
    "<reg name=\"sp\" bitsize=\"64\" type=\"data_ptr\"/>"
    "<reg name=\"gp\" bitsize=\"64\" type=\"data_ptr\"/>"
    "<reg name=\"tp\" bitsize=\"64\" type=\"data_ptr\"/>"
    "<reg name=\"t0\" bitsize=\"64\" type=\"int\"/><reg name=\"t1\" bitsize=\"64\" type=\"int\"/>"
    "<reg name=\"t2\" bitsize=\"64\" type=\"int\"/><reg name=\"fp\" bitsize=\"64\" "
    "type=\"data_ptr\"/>"
    "<reg name=\"s1\" bitsize=\"64\" type=\"int\"/><reg name=\"a0\" bitsize=\"64\" type=\"int\"/>"
    "<reg name=\"a1\" bitsize=\"64\" type=\"int\"/><reg name=\"a2\" bitsize=\"64\" type=\"int\"/>"
    "<reg name=\"a3\" bitsize=\"64\" type=\"int\"/><reg name=\"a4\" bitsize=\"64\" type=\"int\"/>"
    "<reg name=\"a5\" bitsize=\"64\" type=\"int\"/><reg name=\"a6\" bitsize=\"64\" type=\"int\"/>"
    "<reg name=\"a7\" bitsize=\"64\" type=\"int\"/><reg name=\"s2\" bitsize=\"64\" type=\"int\"/>"
    "<reg name=\"s3\" bitsize=\"64\" type=\"int\"/><reg name=\"s4\" bitsize=\"64\" type=\"int\"/>"
    "<reg name=\"s5\" bitsize=\"64\" type=\"int\"/><reg name=\"s6\" bitsize=\"64\" type=\"int\"/>"
    "<reg name=\"s7\" bitsize=\"64\" type=\"int\"/><reg name=\"s8\" bitsize=\"64\" type=\"int\"/>"
    "<reg name=\"s9\" bitsize=\"64\" type=\"int\"/><reg name=\"s10\" bitsize=\"64\" type=\"int\"/>"
    "<reg name=\"s11\" bitsize=\"64\" type=\"int\"/><reg name=\"t3\" bitsize=\"64\" type=\"int\"/>"
    "<reg name=\"t4\" bitsize=\"64\" type=\"int\"/><reg name=\"t5\" bitsize=\"64\" type=\"int\"/>"
    "<reg name=\"t6\" bitsize=\"64\" type=\"int\"/>"
    "<reg name=\"pc\" bitsize=\"64\" type=\"code_ptr\"/>"
    "</feature></target>";

bool gdbstub_parse(const char *spec)
{
    const char *colon = strrchr(spec, ':');
    if (strncmp(spec, "tcp:", 4) != 0 || !colon) {
        return false;
    }
    size_t hlen = (size_t)(colon - (spec + 4));
    if (hlen && !(hlen == 9 && strncmp(spec + 4, "127.0.0.1", 9) == 0) &&
        !(hlen == 9 && strncmp(spec + 4, "localhost", 9) == 0)) {
        return false;
    }
    char *end;
    long port = strtol(colon + 1, &end, 10);
    if (*end || port <= 0 || port > 65535) {
        return false;
    }
    gdbstub_port = (int)port;
    return true;
}

static hart *hart0(void)
{
    virt_board *b = machine_virt_board();
    return b ? virt_hart(b, 0) : NULL;
}

static int nharts(void)
{
    virt_board *b = machine_virt_board();
    return b ? virt_nharts(b) : 0;
}

/* The selected thread's hart. */
static hart *cur_hart(void)
{
    virt_board *b = machine_virt_board();
    return b && gs.cur < virt_nharts(b) ? virt_hart(b, gs.cur) : NULL;
}

/* A thread id of a packet (hex; "-1" is all threads, 0 any): the hart index, -1 for all or
 * any, or -2 when no hart has that id. */
static int thread_of(const char *p)
{
    if (strcmp(p, "-1") == 0 || strcmp(p, "0") == 0) {
        return -1;
    }
    char *end;
    unsigned long id = strtoul(p, &end, 16);
    return *p && !*end && id >= 1 && id <= (unsigned long)nharts() ? (int)id - 1 : -2;
}

/* Points every hart at the breakpoints (harts are created after the stub opens). */
static void arm(void)
{
    virt_board *b = machine_virt_board();
    for (int i = 0; b && i < virt_nharts(b); i++) {
        virt_hart(b, i)->dbg = &gs.dbg;
    }
}

bool gdbstub_open(void)
{
    if (!gdbstub_port) {
        return true;
    }
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    int one = 1;
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)gdbstub_port)};
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd < 0 || setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) < 0 ||
        bind(fd, (struct sockaddr *)&a, sizeof(a)) < 0 || listen(fd, 1) < 0) {
        fprintf(stderr, "emu: -gdb tcp:127.0.0.1:%d: %s\n", gdbstub_port, strerror(errno));
        if (fd >= 0) {
            close(fd);
        }
        return false;
    }
    gs.lfd = fd;
    gs.open = true;
    gs.halted = true;
    return true;
}

bool gdbstub_halted(void)
{
    return gs.open && gs.halted;
}

uint64_t gdbstub_budget_cap(void)
{
    return gs.open && gs.stepping ? 1 : UINT64_MAX;
}

static void send_raw(const char *buf, size_t len)
{
    while (gs.cfd >= 0 && len) {
        ssize_t w = send(gs.cfd, buf, len, MSG_NOSIGNAL);
        if (w < 0 && errno == EINTR) {
            continue;
        }
        if (w <= 0) {
            close(gs.cfd);
            gs.cfd = -1;
            return;
        }
        buf += w;
        len -= (size_t)w;
    }
}

static void put_packet(const char *data, size_t len)
{
    static char out[2 * PACKET_SIZE + 8];
    unsigned sum = 0;
    size_t n = 0;
    out[n++] = '$';
    for (size_t i = 0; i < len && n < sizeof(out) - 8; i++) {
        char c = data[i];
        if (c == '$' || c == '#' || c == '}' || c == '*') {
            out[n++] = '}';
            sum += '}';
            c ^= 0x20;
        }
        out[n++] = c;
        sum += (unsigned char)c;
    }
    n += (size_t)snprintf(out + n, 4, "#%02x", sum & 0xff);
    send_raw(out, n);
}

static void put_str(const char *s)
{
    put_packet(s, strlen(s));
}

static void stop_reply(int sig)
{
    char buf[32];
    snprintf(buf, sizeof(buf), "T%02xthread:%02x;", sig, gs.cur + 1);
    put_str(buf);
}

static void halt(int sig)
{
    virt_board *b = machine_virt_board();
    for (int i = 0; gs.dbg.hit && b && i < virt_nharts(b); i++) {
        if ((int)virt_hart(b, i)->hartid == gs.dbg.hit_hart) {
            gs.cur = i;
        }
    }
    gs.halted = true;
    gs.stepping = false;
    stop_reply(sig);
}

void gdbstub_after_slice(uint64_t n)
{
    if (!gs.open || gs.halted) {
        return;
    }
    if (gs.dbg.hit) {
        halt(5);
        gs.dbg.hit = false;
    } else if (gs.stepping && n && cur_hart() &&
               virt_last_ran_hart(machine_virt_board()) == cur_hart()) {
        halt(5); /* the selected hart ran its instruction; the others may have run some before */
    }
}

static int hexval(int c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

/* A little-endian 64-bit register as 16 hex digits. */
static void put_reg(char *out, uint64_t v)
{
    for (int i = 0; i < 8; i++) {
        snprintf(out + 2 * i, 3, "%02x", (unsigned)(v >> (8 * i)) & 0xff);
    }
}

static bool get_reg(const char *s, uint64_t *v)
{
    *v = 0;
    for (int i = 0; i < 8; i++) {
        int hi = hexval(s[2 * i]), lo = hi < 0 ? -1 : hexval(s[2 * i + 1]);
        if (lo < 0) {
            return false;
        }
        *v |= (uint64_t)(hi << 4 | lo) << (8 * i);
    }
    return true;
}

static uint64_t *reg_ptr(hart *h, unsigned long n)
{
    return n < 32 ? &h->x[n] : n == 32 ? &h->pc : NULL;
}

static uint8_t *mem_ptr(uint64_t addr, uint64_t len)
{
    hart *h = hart0();
    const bus_range *r = h && len ? bus_find(h->bus, addr, len) : NULL;
    if (!r || !r->host || addr < r->base || addr - r->base + len > r->size) {
        return NULL;
    }
    return r->host + (addr - r->base);
}

static void resume(bool step)
{
    arm();
    gs.dbg.hit = false;
    gs.dbg.skip = true;
    gs.stepping = step;
    gs.halted = false;
}

static void detach(void)
{
    gs.dbg.nbp = 0;
    resume(false);
    if (gs.cfd >= 0) {
        close(gs.cfd);
        gs.cfd = -1;
    }
}

static void handle_bp(const char *p, bool insert)
{
    char *end;
    unsigned long type = strtoul(p + 1, &end, 16);
    uint64_t addr = *end == ',' ? strtoull(end + 1, &end, 16) : 0;
    if (type > 1) {
        put_str("");
        return;
    }
    int i = 0;
    while (i < gs.dbg.nbp && gs.dbg.bp[i] != addr) {
        i++;
    }
    if (insert && i == gs.dbg.nbp) {
        if (gs.dbg.nbp == HART_MAX_BP) {
            put_str("E01");
            return;
        }
        gs.dbg.bp[gs.dbg.nbp++] = addr;
    } else if (!insert && i < gs.dbg.nbp) {
        gs.dbg.bp[i] = gs.dbg.bp[--gs.dbg.nbp];
    }
    arm();
    put_str("OK");
}

static void handle_mem(const char *p, bool write)
{
    char *end;
    uint64_t addr = strtoull(p + 1, &end, 16);
    uint64_t len = *end == ',' ? strtoull(end + 1, &end, 16) : 0;
    if (len > PACKET_SIZE / 2) {
        len = PACKET_SIZE / 2;
    }
    uint8_t *m = mem_ptr(addr, len);
    if (!m || (write && *end != ':')) {
        put_str("E01");
        return;
    }
    static char buf[PACKET_SIZE + 1];
    if (!write) {
        for (uint64_t i = 0; i < len; i++) {
            snprintf(buf + 2 * i, 3, "%02x", m[i]);
        }
        put_packet(buf, 2 * len);
        return;
    }
    /* Decoded whole before any byte is written: a bad payload changes nothing. */
    const char *d = end + 1;
    uint8_t bytes[PACKET_SIZE / 2];
    for (uint64_t i = 0; i < len; i++) {
        int hi = hexval(d[2 * i]), lo = hi < 0 ? -1 : hexval(d[2 * i + 1]);
        if (lo < 0) {
            put_str("E01");
            return;
        }
        bytes[i] = (uint8_t)(hi << 4 | lo);
    }
    memcpy(m, bytes, (size_t)len);
    tb_cache_flush(hart0()->tbc); /* code may have changed */
    bus_note_write(hart0()->bus, addr, len);
    put_str("OK");
}

static void handle_xfer(const char *p)
{
    const char *q = p + strlen("qXfer:features:read:");
    if (strncmp(q, "target.xml:", 11) != 0) {
        put_str("E00");
        return;
    }
    char *end;
    size_t off = strtoul(q + 11, &end, 16);
    size_t len = *end == ',' ? strtoul(end + 1, NULL, 16) : 0;
    size_t total = sizeof(target_xml) - 1;
    static char buf[PACKET_SIZE];
    if (off >= total) {
        put_str("l");
        return;
    }
    if (len > PACKET_SIZE - 2) {
        len = PACKET_SIZE - 2;
    }
    size_t n = total - off < len ? total - off : len;
    buf[0] = off + n < total ? 'm' : 'l';
    memcpy(buf + 1, target_xml + off, n);
    put_packet(buf, n + 1);
}

static void handle_packet(const char *p)
{
    hart *h = cur_hart();
    char buf[33 * 16 + 1];
    if (strncmp(p, "qSupported", 10) == 0) {
        snprintf(buf, sizeof(buf),
                 "PacketSize=%x;qXfer:features:read+;QStartNoAckMode+;vContSupported+",
                 PACKET_SIZE);
        put_str(buf);
    } else if (strcmp(p, "QStartNoAckMode") == 0) {
        put_str("OK");
        gs.no_ack = true;
    } else if (strncmp(p, "qXfer:features:read:", 20) == 0) {
        handle_xfer(p);
    } else if (strcmp(p, "?") == 0) {
        stop_reply(5);
    } else if (strcmp(p, "qAttached") == 0) {
        put_str("1");
    } else if (strcmp(p, "qC") == 0) {
        snprintf(buf, sizeof(buf), "QC%02x", gs.cur + 1);
        put_str(buf);
    } else if (strcmp(p, "qfThreadInfo") == 0) {
        size_t n = 1;
        buf[0] = 'm';
        for (int i = 0; i < (nharts() ? nharts() : 1) && n + 4 < sizeof(buf); i++) {
            n += (size_t)snprintf(buf + n, sizeof(buf) - n, i ? ",%02x" : "%02x", i + 1);
        }
        put_str(buf);
    } else if (strcmp(p, "qsThreadInfo") == 0) {
        put_str("l");
    } else if (strncmp(p, "qThreadExtraInfo,", 17) == 0) {
        int t = thread_of(p + 17);
        char name[24];
        snprintf(name, sizeof(name), "hart %d", t < 0 ? 0 : t);
        size_t k = 0;
        for (; name[k] && 2 * k + 2 < sizeof(buf); k++) {
            snprintf(buf + 2 * k, 3, "%02x", (unsigned char)name[k]);
        }
        put_str(t == -2 ? "E01" : buf);
    } else if (p[0] == 'H') {
        /* Hg selects the registers' thread; Hc the thread `s` steps (-1 or 0: the current
         * one). A continue always resumes the whole machine (all-stop). */
        int t = thread_of(p + 2);
        if (p[1] == 'g' && t >= 0) {
            gs.cur = t;
        } else if (p[1] == 'c' && t != -2) {
            gs.step_hart = t;
        }
        put_str(t == -2 ? "E01" : "OK");
    } else if (p[0] == 'T') {
        put_str(thread_of(p + 1) >= 0 ? "OK" : "E01");
    } else if (strcmp(p, "g") == 0 && h) {
        for (int i = 0; i < 33; i++) {
            put_reg(buf + 16 * i, *reg_ptr(h, (unsigned long)i));
        }
        put_packet(buf, 33 * 16);
    } else if (p[0] == 'G' && h) {
        uint64_t v[33];
        bool ok = strlen(p + 1) >= 33 * 16;
        for (int i = 0; ok && i < 33; i++) {
            ok = get_reg(p + 1 + 16 * i, &v[i]);
        }
        for (int i = 1; ok && i < 33; i++) {
            *reg_ptr(h, (unsigned long)i) = v[i];
        }
        put_str(ok ? "OK" : "E01");
    } else if (p[0] == 'p' && h) {
        uint64_t *r = reg_ptr(h, strtoul(p + 1, NULL, 16));
        if (r) {
            put_reg(buf, *r);
            put_packet(buf, 16);
        } else {
            put_str("E01");
        }
    } else if (p[0] == 'P' && h) {
        char *end;
        unsigned long n = strtoul(p + 1, &end, 16);
        uint64_t v, *r = reg_ptr(h, n);
        if (r && *end == '=' && get_reg(end + 1, &v)) {
            if (n) {
                *r = v;
            }
            put_str("OK");
        } else {
            put_str("E01");
        }
    } else if (p[0] == 'm' || p[0] == 'M') {
        handle_mem(p, p[0] == 'M');
    } else if (p[0] == 'Z' || p[0] == 'z') {
        handle_bp(p, p[0] == 'Z');
    } else if (strcmp(p, "vCont?") == 0) {
        put_str("vCont;c;C;s;S");
    } else if (strncmp(p, "vCont;", 6) == 0) {
        bool step = p[6] == 's' || p[6] == 'S';
        /* a step of one thread (vCont;s:TID;c, as gdb sends it): that hart steps */
        const char *colon = strchr(p + 6, ':'), *semi = strchr(p + 6, ';');
        if (step && colon && (!semi || colon < semi)) {
            char tid[24];
            size_t n = strcspn(colon + 1, ";");
            snprintf(tid, sizeof tid, "%.*s", (int)(n < sizeof tid ? n : sizeof tid - 1),
                     colon + 1);
            int t = thread_of(tid);
            if (t >= 0) {
                gs.cur = t;
            }
        }
        resume(step);
    } else if (p[0] == 'c' || p[0] == 's') {
        if (p[0] == 's' && gs.step_hart >= 0) {
            gs.cur = gs.step_hart;
            h = cur_hart();
        }
        if (p[1] && h) {
            h->pc = strtoull(p + 1, NULL, 16);
        }
        resume(p[0] == 's');
    } else if (p[0] == 'D') {
        put_str("OK");
        detach();
    } else if (p[0] == 'k') {
        detach();
        fprintf(stderr, "emu: killed by gdb\n");
        exit(0);
    } else {
        put_str("");
    }
}

/* Consumes what arrived: acks, Ctrl-C, packets. */
static void process_input(void)
{
    size_t i = 0;
    while (i < gs.inlen) {
        char c = gs.in[i];
        if (c == '$') {
            char *hash = memchr(gs.in + i, '#', gs.inlen - i);
            if (!hash || (size_t)(hash - gs.in) + 3 > gs.inlen) {
                break; /* incomplete */
            }
            size_t start = i + 1, end = (size_t)(hash - gs.in);
            unsigned sum = 0;
            for (size_t k = start; k < end; k++) {
                sum += (unsigned char)gs.in[k];
            }
            int want = hexval(hash[1]) << 4 | hexval(hash[2]);
            i = end + 3;
            if (!gs.no_ack) {
                send_raw((sum & 0xff) == (unsigned)want ? "+" : "-", 1);
            }
            if ((sum & 0xff) != (unsigned)want && !gs.no_ack) {
                continue;
            }
            char pkt[sizeof(gs.in)];
            memcpy(pkt, gs.in + start, end - start);
            pkt[end - start] = 0;
            handle_packet(pkt);
            if (gs.cfd < 0) {
                gs.inlen = 0;
                return;
            }
        } else {
            if (c == 0x03 && !gs.halted) {
                halt(2);
            }
            i++;
        }
    }
    memmove(gs.in, gs.in + i, gs.inlen - i);
    gs.inlen -= i;
    if (gs.inlen == sizeof(gs.in)) {
        gs.inlen = 0; /* a packet too long for us: drop it */
    }
}

static void on_client_readable(void)
{
    ssize_t r = recv(gs.cfd, gs.in + gs.inlen, sizeof(gs.in) - gs.inlen, MSG_DONTWAIT);
    if (r == 0 || (r < 0 && errno != EAGAIN && errno != EINTR)) {
        detach(); /* gdb went away: the guest runs on */
        return;
    }
    if (r > 0) {
        gs.inlen += (size_t)r;
        process_input();
    }
}

static void on_listen_readable(void)
{
    int fd = accept4(gs.lfd, NULL, NULL, SOCK_CLOEXEC);
    if (fd < 0) {
        return;
    }
    if (gs.cfd >= 0) {
        close(fd); /* one client at a time */
        return;
    }
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    gs.cfd = fd;
    gs.no_ack = false;
    gs.inlen = 0;
    gs.halted = true; /* gdb attaches to a stopped machine */
    gs.stepping = false;
}

int gdbstub_pollfds(struct pollfd *pfds, int max)
{
    int n = 0;
    if (gs.open && !gs.exited && max >= 2) {
        pfds[n++] = (struct pollfd){.fd = gs.lfd, .events = POLLIN};
        if (gs.cfd >= 0) {
            pfds[n++] = (struct pollfd){.fd = gs.cfd, .events = POLLIN};
        }
    }
    return n;
}

void gdbstub_handle(const struct pollfd *pfds, int n)
{
    for (int i = 0; i < n; i++) {
        if (!(pfds[i].revents & (POLLIN | POLLHUP | POLLERR))) {
            continue;
        }
        if (pfds[i].fd == gs.lfd) {
            on_listen_readable();
        } else if (pfds[i].fd == gs.cfd) {
            on_client_readable();
        }
    }
}

void gdbstub_wait(void)
{
    while (gdbstub_halted()) {
        struct pollfd pfds[2];
        int n = gdbstub_pollfds(pfds, 2);
        if (poll(pfds, (nfds_t)n, -1) < 0 && errno != EINTR) {
            return;
        }
        gdbstub_handle(pfds, n);
    }
}

void gdbstub_exit(int status)
{
    if (!gs.open || gs.exited) {
        return;
    }
    gs.exited = true;
    char buf[8];
    snprintf(buf, sizeof(buf), "W%02x", status & 0xff);
    put_str(buf);
    if (gs.cfd >= 0) {
        close(gs.cfd);
        gs.cfd = -1;
    }
    close(gs.lfd);
}
