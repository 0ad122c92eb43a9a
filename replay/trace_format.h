/* The on-disk layout of an emu trace (`emu --record`): the magic, the chunk frame, the chunk
 * and event tags, the msgpack shape of every payload, and the writer's flush policy. This file
 * is the format's specification; replay/trace_writer.c and replay/trace_reader.c follow it.
 * A tag or key defined here must never be reused or change meaning: old traces stay readable.
 *
 * FILE = PREAMBLE CHUNK*
 *   PREAMBLE: the 8 bytes "EMUTRACE" and one byte, the format version (TRACE_FORMAT_VERSION).
 *   CHUNK: a 16-byte little-endian frame, then `length` bytes of msgpack payload:
 *     offset 0  u32  length of the payload (at most TRACE_MAX_CHUNK)
 *     offset 4  u8   chunk kind (TRACE_CHUNK_*)
 *     offset 5  u8   flags: bit 0 TRACE_CHUNK_OPTIONAL (a reader that does not know the kind
 *                    skips the chunk; without it an unknown kind is an error); others zero
 *     offset 6  u16  frame check: the low 16 bits of XXH3_64bits(frame bytes 0..5)
 *     offset 8  u64  XXH3_64bits_withSeed(payload, length, seed = frame bytes 0..7 as a u64
 *                    LE): the payload's checksum, which covers the frame's first 8 bytes too
 *   A trace cut short reads up to its last whole chunk; a chunk that fails a check is named by
 *   the byte offset of its frame.
 *
 * CHUNKS, in this order:
 *   1 header  exactly one, first. A msgpack map, string keys (any order; unknown keys are
 *             ignored by readers, so a newer writer may add keys):
 *               "format"          uint   the format version (the preamble's byte again)
 *               "features"        uint   TRACE_F_* bits
 *               "emu"             str    the emu version that wrote the trace ("0.1.0")
 *               "argv"            [str]  the full command line, argv[0] included
 *               "dialect"         str    "3.0" or "7.2"
 *               "epoch_ns"        int    the virtual clock's epoch (ns since 1970, UTC)
 *               "icount_shift"    int    -icount shift=N (-1 when not given)
 *               "digest_interval" uint   instructions between periodic digests (0: none)
 *               "images"          [map]  guest images, in command-line order, each
 *                                        {"path": str, "size": uint, "xxh3": uint,
 *                                         "data": bin (absent when TRACE_F_IMAGES_OMITTED)}
 *               "start"           map    the recording's start info: str -> str | int, each
 *                                        key once (e.g. "machine": "virt", "smp": 2)
 *             Each key appears at most once; format, emu, argv and dialect are required.
 *   2 events  any number. A msgpack array [first_seq, base_icount] followed by one or more
 *             events, each a msgpack array (below), concatenated. Events are numbered from 0
 *             with no gaps: the chunk's first event has sequence number first_seq, the next
 *             first_seq + 1, and so on; first_seq must follow the previous chunk's last event.
 *             base_icount is the instruction count of the previous event (0 before the first);
 *             each event stores its count as a delta (uint) against the event before it, so
 *             instruction counts never go backwards.
 *   3 end     last, once, written when the recording closes cleanly (like rr, a trace says
 *             whether it was closed cleanly; one without it was cut short). A msgpack map:
 *               "events" uint  events in the trace;  "icount" uint  the last event's count;
 *               "chunks" uint  chunks before this one;  "exit_status" int  emu's exit status.
 *             Nothing may follow it.
 *
 * EVENTS: [kind, icount_delta, fields...]. A newer writer may append fields to an event;
 * readers ignore fields past the ones listed. An unknown event kind is an error (the reader
 * cannot know whether replay depends on it).
 *
 *   tag  name              fields after kind, delta         class
 *    1   qmp-connect       mon [, idle_ns]                  input
 *    2   qmp-disconnect    mon [, idle_ns]                  input
 *    3   qmp-in            mon, bytes (bin) as consumed     input
 *                          [, idle_ns]
 *    4   qmp-out           mon, bytes (bin)                 output
 *    5   qmp-out-hash      mon, length, xxh3 of the bytes   output (TRACE_F_OUTPUT_HASHED)
 *    6   serial-in         port, bytes (bin) [, idle_ns]    input
 *    7   serial-out        port, bytes (bin)                output
 *    8   serial-out-hash   port, length, xxh3 of the bytes  output (TRACE_F_OUTPUT_HASHED)
 *    9   host-time         clock (TRACE_CLOCK_*), ns (int)  input
 *   10   signal            signo [, idle_ns]                input
 *   11   exit              status (int)                     (written by close)
 *   12   digest            [xxh3 per hart], xxh3 of RAM,    checkpoint
 *                          xxh3 of device state
 *                          [, sub_interval, sub, regs
 *                          [, ram_sum, ram_pages, sub_ram
 *                          [, dev_parts, sub_dev]]]
 *   0 and 13 up are unassigned; a new kind takes the next free number.
 *   mon: the monitor's index in command-line order; port: the serial port's index.
 *   Fields in [brackets] were appended later (emu 0.1.0 with this file's revision writes them;
 *   traces without them stay valid, and a reader treats them as absent):
 *   idle_ns (uint): the virtual time added by idle jumps (every hart waiting) when the input
 *     was taken. Several slice boundaries can share one instruction count when time jumps
 *     between them; the instruction count and idle_ns together name the boundary.
 *   sub_interval (uint): instructions between sub-checkpoints (0: none). The sub-checkpoints
 *     since the previous digest (or the start) are at prev + k * sub_interval, k = 1, 2, ...,
 *     before this digest's count.
 *   sub (bin): at each of those sub-checkpoints in order, for each hart, the low 32 bits of
 *     the xxh3 of its registers (the digest's hart hash), little-endian u32: they place a
 *     divergence of hart state within one sub-interval.
 *   regs (array, one entry per hart): the values of pc and x1..x31 (register index 0: pc, i:
 *     xi) at this digest, each XORed with the same hart's value at the previous digest that
 *     had regs (0 before the first): an array [mask, v...] where bit i of mask (uint) is set
 *     when register i's XOR is non-zero and the v are those XORs, in register order. A reader
 *     that misses a digest (none is skipped) cannot rebuild later values.
 *   ram_sum (uint): the sum, modulo 2^64, over every 4 KiB page i of RAM of the xxh3 of its
 *     bytes times 2i + 1 (emu/hw/ram_log.h): all of RAM, kept up to date from the pages written.
 *   ram_pages (bin): for each page whose bytes changed since the previous digest (or the
 *     start; checked where RAM is hashed: at sub-checkpoints and digests), in
 *     ascending order of page index, the index (little-endian u32) and the low 32 bits of the
 *     page's xxh3 at this digest (little-endian u32): they name the pages that differ.
 *   sub_ram (bin): at each sub-checkpoint, the low 32 bits of ram_sum then, little-endian u32;
 *     empty when all of them equal the low half of this digest's ram_sum (RAM unchanged over
 *     the interval, as while a guest waits), or one value when all are equal to it: they
 *     place a divergence of RAM within one sub-interval.
 *   dev_parts (bin): the low 32 bits of the xxh3 of each part of the device state at this
 *     digest (emu/hw/virt.h: clint, plic, uart, rtc, emu-testdev, scheduler), little-endian
 *     u32: they name the part that differs.
 *   sub_dev (bin): at each sub-checkpoint, the low 32 bits of the xxh3 of the parts' full
 *     64-bit hashes but the scheduler's, as little-endian u64 in order; encoded as sub_ram
 *     (empty: all equal to the low half of this digest's device state hash, which is a
 *     different hash and so never matches; one value: all equal to it).
 *
 * FLUSH POLICY (replay/trace_writer.c). Events are packed into a buffer that becomes one
 * events chunk, written to the file with write(2) (no fsync: a process killed by SIGKILL
 * loses nothing the kernel already has; power loss is out of scope):
 *   - when an input event is recorded. An input is recorded when emu consumes it, before
 *     emu acts on it, and the chunk is written before trace_write_event returns, so a trace
 *     cut short by a crash holds every input that emu acted on, and every output before it;
 *     what a crash can lose is output emitted after the last input, which replay regenerates;
 *   - at every digest, so a guest running without input costs one small chunk per digest
 *     interval and a crashed run replays and checks up to its last digest;
 *   - when the buffer reaches TRACE_FLUSH_BYTES (a guest writing to its serial port);
 *   - at trace_writer_flush (the recorder calls it before the main loop sleeps in poll, so
 *     nothing a client has seen is left in the buffer while emu waits) and at close.
 */
#ifndef REPLAY_TRACE_FORMAT_H
#define REPLAY_TRACE_FORMAT_H

#define TRACE_MAGIC          "EMUTRACE"
#define TRACE_MAGIC_LEN      8
#define TRACE_FORMAT_VERSION 1
#define TRACE_PREAMBLE_LEN   9  /* magic + version byte */
#define TRACE_FRAME_LEN      16 /* the chunk frame */

/* Chunk kinds (frame byte 4) and flags (frame byte 5). */
#define TRACE_CHUNK_HEADER   1
#define TRACE_CHUNK_EVENTS   2
#define TRACE_CHUNK_END      3
#define TRACE_CHUNK_OPTIONAL 0x01

/* Event kinds. */
#define TRACE_EV_QMP_CONNECT     1
#define TRACE_EV_QMP_DISCONNECT  2
#define TRACE_EV_QMP_IN          3
#define TRACE_EV_QMP_OUT         4
#define TRACE_EV_QMP_OUT_HASH    5
#define TRACE_EV_SERIAL_IN       6
#define TRACE_EV_SERIAL_OUT      7
#define TRACE_EV_SERIAL_OUT_HASH 8
#define TRACE_EV_HOST_TIME       9
#define TRACE_EV_SIGNAL          10
#define TRACE_EV_EXIT            11
#define TRACE_EV_DIGEST          12
#define TRACE_EV_MAX             12

/* Header "features" bits. */
#define TRACE_F_OUTPUT_HASHED  0x01 /* qmp-out and serial-out are stored as length + xxh3 */
#define TRACE_F_IMAGES_OMITTED 0x02 /* images carry path, size and xxh3 but no data */
#define TRACE_F_KNOWN          0x03

/* host-time clocks. TRACE_CLOCK_DUMPDTB is no clock but the one other host answer a run
 * depends on: whether -machine dumpdtb's file could be written (value 0 written, 1 failed),
 * which decides the exit status; a replay writes no file and takes the recorded answer. */
#define TRACE_CLOCK_REALTIME  0
#define TRACE_CLOCK_MONOTONIC 1
#define TRACE_CLOCK_DUMPDTB   2

/* Limits. A reader rejects anything larger as corrupt (and never allocates more than the
 * bytes it was given). */
#define TRACE_MAX_CHUNK 0x40000000u /* 1 GiB of payload */
#define TRACE_MAX_HARTS 4096
#define TRACE_MAX_START 256 /* entries of the start info */
#define TRACE_REGS      32  /* registers per hart in a digest's regs: pc, x1..x31 */

/* Writer policy (not part of the format; recorded in the header where it matters). */
#define TRACE_FLUSH_BYTES     (32 * 1024)
#define TRACE_DIGEST_INTERVAL (1ull << 26) /* about 15 digests per 10^9 instructions */
#define TRACE_DIGEST_SUBDIV   16           /* sub-checkpoints per digest interval */

#endif
