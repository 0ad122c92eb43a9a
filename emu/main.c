/* emu's entry point: parse the command line, open the monitors, daemonize if asked, build
 * the machine unless --preconfig, then run the main loop. Must never let a bad input crash
 * the process: every failure is a message and an exit status. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "emu/cli.h"
#include "emu/machine.h"
#include "emu/main_loop.h"
#include "emu/gdbstub.h"
#include "emu/record.h"
#include "emu/runstate.h"
#include "emu/serial.h"
#include "emu/vclock.h"
#include "qmp/chardev.h"
#include "qmp/events.h"
#include "qmp/monitor.h"
#include "replay/trace_tool.h"

/* 2000-01-01T00:00:00Z: event timestamps start here unless -rtc base= says otherwise. */
#define DEFAULT_EPOCH_NS (946684800LL * 1000000000LL)

static int ready_fd = -1;

/* -daemonize: the parent waits until the child reports that the monitors listen and the
 * pidfile is written, then exits with the child's start-up status. */
static int daemonize(void)
{
    int p[2];
    if (pipe(p) < 0) {
        fprintf(stderr, "emu: cannot daemonize: %s\n", strerror(errno));
        return 1;
    }
    pid_t pid = fork();
    if (pid < 0) {
        fprintf(stderr, "emu: cannot daemonize: %s\n", strerror(errno));
        return 1;
    }
    if (pid > 0) {
        close(p[1]);
        unsigned char st = 1;
        ssize_t n;
        do {
            n = read(p[0], &st, 1);
        } while (n < 0 && errno == EINTR);
        _exit(n == 1 ? st : 1);
    }
    close(p[0]);
    ready_fd = p[1];
    setsid();
    return -1;
}

static int daemon_ready(void)
{
    if (emu_opts.pidfile) {
        FILE *f = fopen(emu_opts.pidfile, "w");
        if (!f) {
            fprintf(stderr, "emu: cannot create PID file: %s\n", strerror(errno));
            return 1;
        }
        fprintf(f, "%d\n", (int)getpid());
        fclose(f);
    }
    if (ready_fd >= 0) {
        int null = open("/dev/null", O_RDWR);
        if (null >= 0) {
            dup2(null, 0);
            dup2(null, 1);
            dup2(null, 2);
            close(null);
        }
        unsigned char ok = 0;
        if (write(ready_fd, &ok, 1) != 1) {
            return 1;
        }
        close(ready_fd);
        ready_fd = -1;
    }
    return -1;
}

static void report_startup_failure(int status)
{
    if (ready_fd >= 0) {
        unsigned char st = (unsigned char)status;
        if (write(ready_fd, &st, 1) != 1) {
            /* the parent is gone; nothing to tell */
        }
    }
}

/* Monitors connected at start: their greetings (replay: the recorded connects). */
static void start_monitors(void)
{
    if (rr_mode == RR_REPLAY) {
        replay_start();
    } else {
        chardevs_start();
    }
}

/* One run of emu from its command line (recorded or replayed, or neither). */
static int run(int argc, char **argv)
{
    vclock_set_epoch_ns(DEFAULT_EPOCH_NS);
    int rc = cli_parse(argc, argv);
    if (rc >= 0) {
        return rc;
    }
    if (!machine_check_config()) {
        return 1;
    }
    if ((rc = cli_apply_objects()) >= 0) {
        return rc;
    }
    vclock_init(machine_cfg.icount_shift);
    if (emu_opts.rtc_base && strcmp(emu_opts.rtc_base, "fixed") != 0) {
        struct timespec ts = {0};
        if (rr_mode != RR_REPLAY) {
            clock_gettime(CLOCK_REALTIME, &ts);
        }
        vclock_set_epoch_ns(record_host_time((int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec));
    }
    event_sink = monitor_broadcast_event;
    mon_env.process_requests = runstate_process_requests;
    mon_env.hold_input = main_loop_hold_input;
    machine_connect_runstate();
    main_loop_init();
    if (rr_mode == RR_REPLAY ? !replay_open_monitors() : !chardevs_open()) {
        record_start("chardevs-failed");
        return 1;
    }
    if (!serial_open(machine_cfg.mc->has_serial)) {
        /* QEMU opens -serial after the monitors: its greeting is out before the error. */
        record_start("serial-failed");
        start_monitors();
        emu_fatal_exit(1);
    }
    if ((rc = cli_apply_numa()) >= 0) {
        /* QEMU reads -numa after creating its monitors: the greeting is out before the error */
        record_start("numa-failed");
        start_monitors();
        emu_fatal_exit(rc);
    }
    if (!record_start("ok")) {
        return 1;
    }
    if (rr_mode != RR_REPLAY) {
        if (emu_opts.daemonize && (rc = daemonize()) >= 0) {
            return rc;
        }
        chardevs_wait_for_clients();
    } else {
        replay_start();
    }
    if (!emu_opts.preconfig) {
        if (!machine_start_without_preconfig()) {
            /* QEMU's monitors greet when they are created, before the board is built. */
            start_monitors();
            report_startup_failure(machine_startup_exit_status());
            emu_fatal_exit(machine_startup_exit_status());
        }
    }
    if (rr_mode != RR_REPLAY && (rc = daemon_ready()) >= 0) {
        report_startup_failure(rc);
        return rc;
    }
    start_monitors();
    if (!gdbstub_open()) {
        emu_fatal_exit(1);
    }
    int status = main_loop_run();
    serial_close();
    chardevs_close_all();
    return status;
}

int main(int argc, char **argv)
{
    setvbuf(stderr, NULL, _IOLBF, 0);
    if (argc > 1 && strcmp(argv[1], "trace") == 0) {
        return trace_tool_main(argc - 1, argv + 1);
    }
    if (argc > 1 && strcmp(argv[1], "--record") == 0) {
        if (argc < 3) {
            fprintf(stderr, "usage: emu --record TRACE [--no-images] [OPTION...]\n");
            return RR_EXIT_USAGE;
        }
        const char *trace = argv[2];
        int skip = 2;
        if (argc > 3 && strcmp(argv[3], "--no-images") == 0) {
            record_omit_images = true;
            skip = 3;
        }
        argv[skip] = argv[0]; /* the run's own command line: argv[0] and the options */
        record_arm(trace, argc - skip, argv + skip);
        return record_exit(run(argc - skip, argv + skip));
    }
    if (argc > 1 && strcmp(argv[1], "--replay") == 0) {
        bool args_ok = argc == 3 || (argc == 4 && strcmp(argv[3], "-s") == 0) ||
                       (argc == 5 && strcmp(argv[3], "-gdb") == 0 && gdbstub_parse(argv[4]));
        if (!args_ok) {
            fprintf(stderr, "usage: emu --replay TRACE [-s | -gdb tcp:127.0.0.1:PORT]\n");
            return RR_EXIT_USAGE;
        }
        if (argc == 4) {
            gdbstub_port = 1234;
        }
        int rargc;
        char **rargv;
        int rc = replay_open(argv[2], &rargc, &rargv);
        if (rc >= 0) {
            return rc;
        }
        return record_exit(run(rargc, rargv));
    }
    return run(argc, argv);
}
