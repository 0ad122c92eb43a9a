/* Record and replay at emu's one input boundary: tiny hooks called where every input enters
 * (monitor connect/input/disconnect, serial input, signals, host time) and every output leaves
 * (monitor_send, the guest's serial bytes), plus the slice runner that takes periodic digests.
 * Off (neither recording nor replaying), each hook costs one predictable branch. The recorder
 * writes a trace (replay/trace.h) with emu --record; the replayer (emu/replayer.c) feeds one
 * back with emu --replay. Must never change a byte of what the run writes, and never read host
 * time or anything host-specific into the trace except where an input demands it. */
#ifndef EMU_RECORD_H
#define EMU_RECORD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "emu/machine.h"

typedef enum rr_mode_t {
    RR_OFF = 0,
    RR_RECORD,
    RR_REPLAY,
} rr_mode_t;
extern rr_mode_t rr_mode;

/* Replay exit statuses (emu --replay), also documented in README.md. */
#define RR_EXIT_USAGE     2 /* bad command line */
#define RR_EXIT_DIVERGED  3 /* the replay stopped matching the trace */
#define RR_EXIT_BAD_TRACE 4 /* unreadable, corrupt, unsupported trace, or an image missing */
#define RR_EXIT_TRUNCATED 5 /* the trace was cut short; everything up to its end matched */

/* Slow paths (only when rr_mode != RR_OFF). */
void rr_qmp_opened(int mon);
void rr_qmp_closed(int mon);
void rr_qmp_in(int mon, const char *buf, size_t len);
void rr_qmp_out(int mon, const char *buf, size_t len);
void rr_serial_in(const uint8_t *buf, size_t len);
void rr_serial_byte(uint8_t byte);
void rr_signal(int signo);

/* The hooks. */
static inline void record_qmp_opened(int mon)
{
    if (__builtin_expect(rr_mode == RR_RECORD, 0)) {
        rr_qmp_opened(mon);
    }
}
static inline void record_qmp_closed(int mon)
{
    if (__builtin_expect(rr_mode == RR_RECORD, 0)) {
        rr_qmp_closed(mon);
    }
}
static inline void record_qmp_in(int mon, const char *buf, size_t len)
{
    if (__builtin_expect(rr_mode == RR_RECORD, 0)) {
        rr_qmp_in(mon, buf, len);
    }
}
static inline void record_qmp_out(int mon, const char *buf, size_t len)
{
    if (__builtin_expect(rr_mode == RR_RECORD, 0)) {
        rr_qmp_out(mon, buf, len);
    }
}
static inline void record_serial_in(const uint8_t *buf, size_t len)
{
    if (__builtin_expect(rr_mode == RR_RECORD, 0)) {
        rr_serial_in(buf, len);
    }
}
/* Every byte the guest's UART sends, whatever the backend does with it. */
static inline void record_serial_out(uint8_t byte)
{
    if (__builtin_expect(rr_mode != RR_OFF, 0)) {
        rr_serial_byte(byte);
    }
}
static inline void record_signal(int signo)
{
    if (__builtin_expect(rr_mode == RR_RECORD, 0)) {
        rr_signal(signo);
    }
}

/* emu --record FILE: arm the recorder with the run's command line (main, before parsing). */
void record_arm(const char *path, int argc, char **argv);
/* --no-images: the trace keeps each image's path, size and xxh3 but not its bytes; a replay
 * then reads the file at that path and checks it. */
extern bool record_omit_images;
/* Reads a whole file (NULL if it cannot be read); *len its size. The caller frees it. */
uint8_t *record_read_file(const char *path, size_t *len);
/* Opens the writer with the header once start-up has settled (no event can come before):
 * startup is "ok", or how start-up failed ("chardevs-failed", "serial-failed"; "exited" when
 * emu exits before, e.g. on a command-line error), so that replay fails the same way. A no-op
 * when not recording or already open. Prints a message and returns false when the trace cannot
 * be written. */
bool record_start(const char *startup);
/* A host-time read (-rtc base=utc|localtime): recorded, or given back by the replay. */
int64_t record_host_time(int64_t ns);
/* Whether -machine dumpdtb's file was written (0) or not (1): recorded, or given back by the
 * replay (which writes no file). */
int record_dumpdtb_result(int failed);
/* Runs the machine for at most budget instructions (mc->run), stopping at digest points to
 * record or check a digest, and in replay at the next recorded event. */
uint64_t record_run(const machine_class *mc, uint64_t budget);
/* The instructions a replay may run now before the next recorded event (UINT64_MAX: any). */
uint64_t record_budget_cap(void);
/* After each slice (the guest's serial bytes become one event). */
void record_slice_end(void);
/* Before the main loop polls; blocking: it would sleep (the recorder flushes its buffer). */
void record_before_poll(bool blocking);
/* emu is exiting with status (every exit path): the trace is closed. In replay this compares
 * the status, reports, and returns the replay's own exit status. */
int record_exit(int status);

/* Forgets a finished recording or replay (both sides) so that another can start in the same
 * process: a fuzz target's record-then-replay of one input after another. */
void record_reset(void);
void replay_reset(void);
/* Set by a fuzz target: an identical replay says nothing (the summary line is left out). */
extern bool replay_quiet;

/* Digest of the current machine state: fills harts (at most max), returns their count. */
int record_digest(uint64_t *harts, int max, uint64_t *ram, uint64_t *devices, uint64_t seq);
/* Each hart's pc and x1..x31 (TRACE_REGS values per hart, at most max harts); their count. */
int record_regs(uint64_t *regs, int max);
/* The digest interval (and the sub-checkpoints it implies), from the start of the run. */
void record_set_interval(uint64_t interval);
/* Virtual time added by idle jumps so far: with the instruction count, names a boundary. */
uint64_t record_idle_ns(void);
extern uint64_t rr_sub_interval;
extern uint32_t rr_sub[];
extern uint32_t rr_nsub;
extern uint32_t rr_sub_ram[];
extern uint32_t rr_sub_dev[];
/* At a digest: collects the RAM log and fills ev's ram_log fields (the pages changed since the
 * last digest) and dev_log fields (the device state in parts), valid until the next call;
 * false without a board. */
struct trace_event;
bool record_digest_logs(struct trace_event *ev);

/* ---- the replayer (emu/replayer.c) ---- */
/* emu --replay FILE: reads the header; on success fills the recorded argv and returns -1, else
 * an exit status (after a message). */
int replay_open(const char *path, int *argc, char ***argv);
/* Replay's chardevs_open: monitors with capture buffers, in the recorded order. False when
 * the recording's chardevs failed to open (emu exits 1, as it did). */
bool replay_open_monitors(void);
/* Delivers the recorded connects due before the main loop (chardevs_wait/start). */
void replay_start(void);
/* In place of the main loop's poll: checks outputs, delivers due inputs. */
void replay_boundary(bool busy);
/* True when the recording's start-up ended this way (record_start's startup). */
bool replay_startup_is(const char *startup);
/* The embedded image recorded for path, or NULL. */
const uint8_t *replay_image(const char *path, size_t *len);
/* A digest point reached in replay: compare. */
void replay_digest(uint64_t icount, uint64_t seq);
int replay_exit(int status);
uint64_t replay_budget_cap(void);
int64_t replay_host_time(void);
void replay_serial_byte(uint8_t byte);
/* Narrowing a divergence (emu/replay_narrow.c), in a re-run of the replay: the instructions
 * record_run may run from now (1 while stepping through the window), and what it sees after
 * running r of them. No-ops unless EMU_REPLAY_NARROW is set. */
uint64_t replay_narrow_cap(uint64_t now, uint64_t part);
void replay_narrow_after(uint64_t now, uint64_t r);
/* A digest whose hart state differs (replay_digest): appends the report (the sub-interval
 * where the hart parted, the registers that differ with both values, and where the re-run
 * replay gave each its value) to sb and returns true; false when every hart matches. */
struct strbuf;
struct trace_event;
bool replay_narrow_harts(struct strbuf *sb, const char *path, const struct trace_event *ev,
                         uint64_t icount, uint64_t interval, const uint64_t *harts);
/* The first check of a digest interval (sub-checkpoint 0..nsub-1, nsub: the digest) where a
 * hart's state, RAM (sum: the replay's whole-RAM sum) or the device state (devices: the
 * replay's hash) differs from the trace; UINT32_MAX when none does or the trace cannot tell
 * (RAM, devices: a trace without the RAM log). */
uint32_t replay_harts_parted(const struct trace_event *ev, const uint64_t *harts);
uint32_t replay_ram_parted(const struct trace_event *ev, uint64_t sum);
uint32_t replay_dev_parted(const struct trace_event *ev, uint64_t devices);
/* A digest whose RAM (device state) differs from check k on (emu/replay_narrow_state.c):
 * appends the report (the pages or device parts that differ, the bound, and every change the
 * re-run replay made to them within it) to sb; false when k is UINT32_MAX. */
bool replay_narrow_ram(struct strbuf *sb, const char *path, const struct trace_event *ev,
                       uint64_t icount, uint64_t interval, uint64_t sum, uint32_t k);
bool replay_narrow_dev(struct strbuf *sb, const char *path, const struct trace_event *ev,
                       uint64_t icount, uint64_t interval, uint64_t devices, uint32_t k);
/* The instruction word at a guest pc in RAM (false when the pc is not in RAM). */
bool replay_insn_at(uint64_t pc, uint32_t *insn);
/* Events matched or delivered so far. */
uint64_t replay_events_done(void);
/* The progress line (emu/replay_progress.c): only when stderr is a terminal, rate-limited;
 * cleared before any other message of the replay. */
void replay_progress(uint64_t events, uint64_t icount);
void replay_progress_clear(void);

#endif
