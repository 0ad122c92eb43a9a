/* The trace writer and reader (format: replay/trace_format.h). The writer records a run as it
 * goes; the reader gives back the header and the events in order and says how the trace ends.
 * The reader must never crash, read out of bounds or allocate more than a small multiple of
 * the bytes it was given, whatever those bytes are; the writer must never write anything that
 * depends on the host (time, addresses, hash seeds): the same events give the same bytes. */
#ifndef REPLAY_TRACE_H
#define REPLAY_TRACE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "replay/trace_format.h"

typedef enum trace_status {
    TRACE_OK = 0,      /* an event was returned (or the call succeeded) */
    TRACE_END,         /* the end chunk was read: the trace was closed cleanly */
    TRACE_TRUNCATED,   /* the trace stops early: cut short, or never closed */
    TRACE_CORRUPT,     /* a chunk fails its checks or does not decode */
    TRACE_UNSUPPORTED, /* not a trace, another format version, or an unknown required kind */
    TRACE_OTHER_EMU,   /* written by another emu version (see TRACE_READ_ANY_EMU) */
    TRACE_IO_ERROR,    /* the file could not be opened, read or written */
} trace_status;

/* What went wrong, for a person: msg names the problem and, for a bad trace, the offset. */
typedef struct trace_error {
    trace_status status;
    uint64_t offset; /* the frame of the chunk at fault, or where the data ends */
    char msg[320];
} trace_error;

typedef struct trace_image {
    const char *path;
    const uint8_t *data; /* writer: the bytes (hashed, embedded unless omitted) or NULL to
                            write size and xxh3 as given; reader: NULL when not embedded */
    uint64_t size;
    uint64_t xxh3;
} trace_image;

/* One "start" entry: a string when str is not NULL, else the number num. */
typedef struct trace_kv {
    const char *key;
    const char *str;
    int64_t num;
} trace_kv;

typedef struct trace_header {
    uint32_t format;         /* reader: the trace's format version; writer: ignored */
    uint64_t features;       /* TRACE_F_* */
    const char *emu_version; /* writer: NULL for this emu's (EMU_VERSION) */
    const char *const *argv;
    size_t argc;
    const char *dialect;
    int64_t epoch_ns;
    int32_t icount_shift;     /* -1: not given */
    uint64_t digest_interval; /* instructions; 0: no periodic digests */
    const trace_image *images;
    size_t nimages;
    const trace_kv *start;
    size_t nstart;
} trace_header;

/* One event. The fields used depend on kind (see the table in trace_format.h); the others
 * are ignored by the writer and zero from the reader. */
typedef struct trace_event {
    uint32_t kind;         /* TRACE_EV_* */
    uint64_t seq;          /* reader: the sequence number; writer: ignored (events are numbered) */
    uint64_t icount;       /* instructions executed when the event happened */
    uint32_t dev;          /* qmp-*: the monitor index; serial-*: the port */
    const uint8_t *data;   /* qmp-in/out, serial-in/out: the bytes (reader: valid until the
                              reader is closed) */
    size_t len;            /* their length; *-hash: the length of the hashed bytes */
    uint64_t hash;         /* *-hash: xxh3 of the bytes */
    int64_t value;         /* host-time: ns; signal: signo; exit: status */
    uint32_t clock;        /* host-time: TRACE_CLOCK_* */
    const uint64_t *harts; /* digest: xxh3 of each hart's registers (reader: valid until the
                              next call) */
    uint32_t nharts;
    uint64_t ram;     /* digest: xxh3 of RAM */
    uint64_t devices; /* digest: xxh3 of device state */
    /* digest, optional (trace_format.h): writer: written when regs is not NULL; reader: regs
     * NULL when the trace has none. Valid until the next call. */
    uint64_t sub_interval; /* instructions between sub-checkpoints */
    const uint32_t *sub;   /* nsub * nharts low halves of hart hashes, checkpoint-major */
    uint32_t nsub;
    const uint64_t *regs; /* nharts * TRACE_REGS absolute values (pc, x1..x31) */
    /* digest, optional, after the above (trace_format.h): the RAM write log. Writer: written
     * when ram_log is set (and regs is not NULL); reader: ram_log false when absent. */
    bool ram_log;
    uint64_t ram_sum;         /* the whole-RAM sum of page hashes (emu/hw/ram_log.h) */
    const uint8_t *ram_pages; /* nram_pages entries of 8 bytes: page index and the low half
                                 of the page's xxh3, little-endian u32 each, ascending index */
    uint32_t nram_pages;
    const uint32_t *sub_ram; /* nsub low halves of the RAM sum, one per sub-checkpoint */
    /* digest, optional, after the RAM log: the device state in parts. Writer: written when
     * dev_log is set (and ram_log); reader: dev_log false when absent. */
    bool dev_log;
    const uint32_t *dev_parts; /* ndev_parts low halves of each part's hash */
    uint32_t ndev_parts;
    const uint32_t *sub_dev; /* nsub low halves of the device state hash (devices) */
    /* inputs (qmp-connect/-disconnect/-in, serial-in, signal): idle_ns, always written;
     * reader: timed is false for a trace written before the field existed */
    bool timed;
    uint64_t idle_ns;
    size_t encoded; /* reader: the bytes this event takes in its chunk */
} trace_event;

/* Entry i of a digest's ram_pages: the page index and the low half of its hash. */
void trace_ram_page(const trace_event *ev, uint32_t i, uint32_t *page, uint32_t *hash);

/* ---- writer ---- */
typedef struct trace_writer trace_writer;

/* Creates (truncates) path and writes the preamble and the header chunk at once, so even a
 * recording killed at once leaves a readable header. NULL on error (e filled). */
trace_writer *trace_writer_open(const char *path, const trace_header *h, trace_error *e);
/* Appends an event (flushing as trace_format.h's policy says). With TRACE_F_OUTPUT_HASHED,
 * qmp-out and serial-out are stored as their -hash kinds. The icount must not be lower than
 * the previous event's. Returns 0, or -1 once anything has failed (trace_writer_error). */
int trace_write_event(trace_writer *w, const trace_event *ev);
/* Writes the buffered events as a chunk now (nothing if none). */
int trace_writer_flush(trace_writer *w);
/* Records the exit event, writes the end chunk, closes the file and frees w (always). */
int trace_writer_close(trace_writer *w, uint64_t icount, int exit_status, trace_error *e);
/* Frees w and closes the file without writing what is buffered or the end chunk: what a
 * SIGKILL leaves (tests, and a forked child that must not touch its parent's trace). */
void trace_writer_abandon(trace_writer *w);
/* The first error, or NULL. */
const char *trace_writer_error(const trace_writer *w);

/* ---- reader ---- */
typedef struct trace_reader trace_reader;

/* Accept a trace written by another emu version with the same format version. */
#define TRACE_READ_ANY_EMU 0x1u

/* Sizes and totals, filled in as the trace is read (complete once trace_next_event has
 * returned something other than TRACE_OK). */
typedef struct trace_stats {
    uint64_t file_size;
    uint64_t chunks;       /* whole chunks read, every kind */
    uint64_t frame_bytes;  /* their frames */
    uint64_t header_bytes; /* the header chunk, frame included */
    uint64_t image_bytes;  /* embedded image data, inside the header chunk */
    uint64_t event_chunks;
    uint64_t event_bytes; /* events chunks, frames included */
    uint64_t skipped_chunks;
    uint64_t skipped_bytes; /* optional chunks of unknown kinds */
    uint64_t end_bytes;
    uint64_t events;
    bool closed;         /* the end chunk was read; then: */
    uint64_t end_events; /* its totals */
    uint64_t end_icount;
    uint64_t end_chunks;
    int64_t exit_status;
} trace_stats;

/* Opens a trace file (mapped, not read into memory) or a buffer (which must outlive the
 * reader), checks the preamble and reads the header. On failure returns the status, sets
 * *out to NULL and fills e. */
trace_status trace_reader_open(const char *path, unsigned flags, trace_reader **out,
                               trace_error *e);
trace_status trace_reader_open_mem(const void *buf, size_t len, unsigned flags, trace_reader **out,
                                   trace_error *e);
const trace_header *trace_read_header(const trace_reader *r);
/* The next event: TRACE_OK with *ev filled, or how the trace ends (TRACE_END when it closed
 * cleanly, else an error with e filled). After anything but TRACE_OK it returns the same
 * again. Every event of every whole chunk before a fault is returned first. */
trace_status trace_next_event(trace_reader *r, trace_event *ev, trace_error *e);
const trace_stats *trace_reader_stats(const trace_reader *r);
void trace_reader_close(trace_reader *r);

/* ---- shared helpers ---- */
/* Strict UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF. Such bytes are
 * written to JSON (emu trace dump) as they are, one way only; anything else is not. */
bool trace_valid_utf8(const uint8_t *s, size_t n);
/* "qmp-in" etc.; NULL for an unknown kind. */
const char *trace_event_kind_name(uint32_t kind);
/* True for the kinds that are inputs (the writer flushes after them). */
bool trace_event_is_input(uint32_t kind);
/* This emu's version string, as written into headers. */
const char *trace_emu_version(void);

#endif
