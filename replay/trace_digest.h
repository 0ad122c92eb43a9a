/* The digest event's appended fields (sub-checkpoint hashes and registers, trace_format.h),
 * packed by replay/trace_writer.c and unpacked by replay/trace_reader.c. Internal to replay/.
 * The register values are XOR-coded against the previous digest's, so writer and reader each
 * keep the last values they saw; both must see every digest, in order. The unpacker must
 * never trust a length it has not checked against the bytes it was given. */
#ifndef REPLAY_TRACE_DIGEST_H
#define REPLAY_TRACE_DIGEST_H

#include <stdbool.h>
#include <stdint.h>

#include <msgpack.h>

#include "replay/trace.h"

/* The register values of the previous digest with regs, per hart (zero before the first). */
typedef struct trace_regs_state {
    uint64_t *prev; /* nharts * TRACE_REGS */
    uint32_t nharts;
    uint64_t *cur; /* the reader's decoded values (what trace_event.regs points to) */
    uint32_t *sub; /* the reader's decoded sub-checkpoint hashes */
    size_t sub_cap;
    uint32_t *sub_ram; /* the reader's decoded sub-checkpoint RAM sums */
    size_t sub_ram_cap;
    uint32_t *dev_parts, *sub_dev; /* the reader's decoded device fields */
    size_t dev_parts_cap, sub_dev_cap;
} trace_regs_state;

/* The number of appended fields the packer writes: sub_interval, sub, regs; then, with the
 * RAM write log, ram_sum, ram_pages, sub_ram. */
#define TRACE_DIGEST_EXT_FIELDS 3
#define TRACE_DIGEST_RAM_FIELDS 3
#define TRACE_DIGEST_DEV_FIELDS 2 /* then dev_parts, sub_dev */
#define TRACE_MAX_DEV_PARTS     64

/* Packs sub_interval, sub and regs of ev (ev->regs must not be NULL). */
void trace_digest_pack_ext(msgpack_packer *pk, const trace_event *ev, trace_regs_state *st);
/* Unpacks the TRACE_DIGEST_EXT_FIELDS fields at f into ev (ev->nharts already set). False
 * when one has the wrong type or shape. */
bool trace_digest_unpack_ext(const msgpack_object *f, trace_event *ev, trace_regs_state *st);
/* The RAM log fields: pack (ev->ram_log set) and unpack (the TRACE_DIGEST_RAM_FIELDS at f,
 * after trace_digest_unpack_ext set ev->nsub). */
void trace_digest_pack_ram(msgpack_packer *pk, const trace_event *ev);
bool trace_digest_unpack_ram(const msgpack_object *f, trace_event *ev, trace_regs_state *st);
/* The device fields: pack (ev->dev_log set) and unpack (the TRACE_DIGEST_DEV_FIELDS at f). */
void trace_digest_pack_dev(msgpack_packer *pk, const trace_event *ev);
bool trace_digest_unpack_dev(const msgpack_object *f, trace_event *ev, trace_regs_state *st);
void trace_regs_state_free(trace_regs_state *st);

#endif
