/* spawn_time: measures the time from spawning a program until its first complete line on stdout.
 *
 * Usage: spawn_time REPS TIMEOUT_MS PROGRAM [ARG...]
 * For each repetition it spawns PROGRAM with stdin, stdout and stderr on pipes, reads stdout until
 * the first "\r\n", checks that the line is a QMP greeting ({"QMP": ...), then kills the child
 * with SIGKILL and reaps it. Prints one line per repetition: the elapsed time in nanoseconds.
 * On failure (child exits, times out or prints something else) it prints "error: REASON" on
 * stderr and exits 2. It must never time anything but spawn-to-line: pipe setup, kill and reaping
 * happen outside the clock, and it must never report a time for a line it did not verify.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

#define GREETING_PREFIX "{\"QMP\":"

static long long now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void close_pair(int p[2])
{
    if (p[0] >= 0)
        close(p[0]);
    if (p[1] >= 0)
        close(p[1]);
    p[0] = p[1] = -1;
}

/* Keeps only the first line of the child's stderr, for the error message. */
static void first_line(char *s)
{
    char *nl = strpbrk(s, "\r\n");
    if (nl)
        *nl = '\0';
}

/* One repetition. Returns elapsed ns, or -1 with a message in err. */
static long long run_once(char **argv, int timeout_ms, char *err, size_t err_len)
{
    int in[2] = {-1, -1}, out[2] = {-1, -1}, errp[2] = {-1, -1};
    char line[8192], errbuf[2048];
    size_t line_len = 0, err_used = 0;
    long long result = -1;
    pid_t pid = -1;
    posix_spawn_file_actions_t fa;

    err[0] = '\0';
    errbuf[0] = '\0';
    if (pipe2(in, O_CLOEXEC) || pipe2(out, O_CLOEXEC) || pipe2(errp, O_CLOEXEC)) {
        snprintf(err, err_len, "pipe: %s", strerror(errno));
        close_pair(in);
        close_pair(out);
        close_pair(errp);
        return -1;
    }
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, in[0], STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&fa, out[1], STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&fa, errp[1], STDERR_FILENO);

    long long t0 = now_ns();
    int rc = posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    if (rc != 0) {
        snprintf(err, err_len, "cannot run %s: %s", argv[0], strerror(rc));
        close_pair(in);
        close_pair(out);
        close_pair(errp);
        return -1;
    }
    close(in[0]);
    in[0] = -1;
    close(out[1]);
    out[1] = -1;
    close(errp[1]);
    errp[1] = -1;

    long long deadline = t0 + (long long)timeout_ms * 1000000LL;
    int out_open = 1, err_open = 1;
    for (;;) {
        long long t = now_ns();
        if (t >= deadline) {
            snprintf(err, err_len, "no line within %d ms", timeout_ms);
            break;
        }
        struct pollfd pf[2] = {{out[0], out_open ? POLLIN : 0, 0},
                               {errp[0], err_open ? POLLIN : 0, 0}};
        int left_ms = (int)((deadline - t + 999999) / 1000000);
        int n = poll(pf, 2, left_ms);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            snprintf(err, err_len, "poll: %s", strerror(errno));
            break;
        }
        if (pf[0].revents) {
            ssize_t r = read(out[0], line + line_len, sizeof(line) - 1 - line_len);
            if (r > 0) {
                long long t1 = now_ns();
                size_t from = line_len > 0 ? line_len - 1 : 0;
                line_len += (size_t)r;
                line[line_len] = '\0';
                char *crlf = strstr(line + from, "\r\n");
                if (crlf) {
                    if (strncmp(line, GREETING_PREFIX, strlen(GREETING_PREFIX)) == 0) {
                        result = t1 - t0;
                    } else {
                        *crlf = '\0';
                        snprintf(err, err_len, "first line is not a QMP greeting: %.200s", line);
                    }
                    break;
                }
                if (line_len == sizeof(line) - 1) {
                    snprintf(err, err_len, "no \\r\\n in the first %zu bytes", line_len);
                    break;
                }
            } else if (r == 0 || errno != EINTR) {
                out_open = 0;
                snprintf(err, err_len, "stdout closed before a complete line");
                break;
            }
        }
        if (pf[1].revents) {
            ssize_t r = read(errp[0], errbuf + err_used, sizeof(errbuf) - 1 - err_used);
            if (r > 0) {
                err_used += (size_t)r;
                errbuf[err_used] = '\0';
                if (err_used == sizeof(errbuf) - 1)
                    err_used = 0; /* keep draining; the message is already captured */
            } else if (r == 0) {
                err_open = 0;
            }
        }
    }

    kill(pid, SIGKILL);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (result < 0) {
        /* Collect what the child said on stderr to explain the failure. */
        int fl = fcntl(errp[0], F_GETFL);
        fcntl(errp[0], F_SETFL, fl | O_NONBLOCK);
        ssize_t r;
        while (err_used < sizeof(errbuf) - 1 &&
               (r = read(errp[0], errbuf + err_used, sizeof(errbuf) - 1 - err_used)) > 0)
            err_used += (size_t)r;
        errbuf[err_used] = '\0';
        first_line(errbuf);
        size_t l = strlen(err);
        if (errbuf[0] && l < err_len)
            snprintf(err + l, err_len - l, "; stderr: %.300s", errbuf);
        l = strlen(err);
        if (WIFEXITED(status) && l < err_len)
            snprintf(err + l, err_len - l, "; exit status %d", WEXITSTATUS(status));
    }
    close_pair(in);
    close_pair(out);
    close_pair(errp);
    return result;
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: spawn_time REPS TIMEOUT_MS PROGRAM [ARG...]\n");
        return 2;
    }
    int reps = atoi(argv[1]);
    int timeout_ms = atoi(argv[2]);
    if (reps <= 0 || timeout_ms <= 0) {
        fprintf(stderr, "error: REPS and TIMEOUT_MS must be positive\n");
        return 2;
    }
    signal(SIGPIPE, SIG_IGN);
    for (int i = 0; i < reps; i++) {
        char err[1024];
        long long ns = run_once(argv + 3, timeout_ms, err, sizeof(err));
        if (ns < 0) {
            fprintf(stderr, "error: %s\n", err);
            return 2;
        }
        printf("%lld\n", ns);
    }
    return fflush(stdout) == 0 ? 0 : 2;
}
