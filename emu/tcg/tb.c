/* The translation cache: guest code to blocks of pre-decoded ops, keyed by physical (and
 * virtual) pc, with successor links for chaining and self-modifying-code detection at 64-byte
 * granularity. Flushes are deferred to block boundaries. It must never free a block while a
 * hart may be executing it, and never cache a block whose bytes span two pages. */
#include <stdlib.h>
#include <string.h>

#include "emu/tcg/tcg_internal.h"

#define HASH_BITS   14
#define ARENA_BYTES (8u << 20)
#define LINE_SHIFT  6
#define MAX_HARTS   64

struct tb_cache {
    bus *bus;
    uint64_t ram_base, ram_size;
    uint64_t *code_lines; /* 1 bit per 64-byte line of RAM holding translated code */
    uint8_t *code_pages;  /* 1 byte per RAM page: any code in it */
    tb *hash[1u << HASH_BITS];
    uint8_t *arena;
    size_t arena_used;
    bool flush_pending;
    tb_exec_fn exec;
    hart *harts[MAX_HARTS];
    int nharts;
    /* Blocks limited by the budget or straddling pages are built here and never cached. */
    union {
        tb t;
        uint8_t bytes[sizeof(tb) + (TB_MAX_INSNS + 1) * sizeof(rv_op)];
    } scratch;
};

tb_cache *tb_cache_new(bus *b, uint64_t ram_base, uint64_t ram_size)
{
    tb_cache *c = calloc(1, sizeof(*c));
    if (!c)
        abort();
    c->bus = b;
    c->ram_base = ram_base;
    c->ram_size = ram_size;
    uint64_t lines = (ram_size >> LINE_SHIFT) + 1;
    c->code_lines = calloc((size_t)(lines / 64 + 1), sizeof(uint64_t));
    c->code_pages = calloc((size_t)(ram_size >> 12) + 1, 1);
    c->arena = malloc(ARENA_BYTES);
    if (!c->code_lines || !c->code_pages || !c->arena)
        abort();
    c->exec = tb_interp_exec;
    return c;
}

void tb_cache_free(tb_cache *c)
{
    if (!c)
        return;
    free(c->code_lines);
    free(c->code_pages);
    free(c->arena);
    free(c);
}

void tb_cache_add_hart(tb_cache *c, hart *h)
{
    if (c->nharts < MAX_HARTS)
        c->harts[c->nharts++] = h;
}

tb_exec_fn tb_cache_exec(tb_cache *c)
{
    return c->exec;
}

void tb_cache_flush(tb_cache *c)
{
    memset(c->hash, 0, sizeof(c->hash));
    memset(c->code_lines, 0, (size_t)((c->ram_size >> LINE_SHIFT) / 64 + 1) * sizeof(uint64_t));
    memset(c->code_pages, 0, (size_t)(c->ram_size >> 12) + 1);
    c->arena_used = 0;
    c->flush_pending = false;
}

void tb_request_flush(tb_cache *c)
{
    c->flush_pending = true;
}

bool tb_flush_pending(tb_cache *c)
{
    return c->flush_pending;
}

static bool in_ram(tb_cache *c, uint64_t pa)
{
    return pa >= c->ram_base && pa - c->ram_base < c->ram_size;
}

bool tb_code_written(tb_cache *c, uint64_t pa, uint64_t len)
{
    for (uint64_t a = pa & ~((1ULL << LINE_SHIFT) - 1); a < pa + len; a += 1ULL << LINE_SHIFT) {
        if (!in_ram(c, a))
            continue;
        uint64_t line = (a - c->ram_base) >> LINE_SHIFT;
        if (c->code_lines[line / 64] & (1ULL << (line % 64))) {
            c->flush_pending = true;
            return true;
        }
    }
    return false;
}

bool tb_page_has_code(tb_cache *c, uint64_t pa)
{
    return in_ram(c, pa) && c->code_pages[(pa - c->ram_base) >> 12];
}

static void mark_code(tb_cache *c, uint64_t pa, uint64_t len)
{
    bool new_page = false;
    for (uint64_t a = pa & ~((1ULL << LINE_SHIFT) - 1); a < pa + len; a += 1ULL << LINE_SHIFT) {
        if (!in_ram(c, a))
            continue;
        uint64_t line = (a - c->ram_base) >> LINE_SHIFT;
        c->code_lines[line / 64] |= 1ULL << (line % 64);
        uint64_t page = (a - c->ram_base) >> 12;
        if (!c->code_pages[page]) {
            c->code_pages[page] = 1;
            new_page = true;
        }
    }
    /* Stores to code pages must take the slow path from now on. */
    if (new_page)
        for (int i = 0; i < c->nharts; i++)
            tlb_flush_write(c->harts[i]);
}

static unsigned hash_pc(uint64_t ppc)
{
    return (unsigned)((ppc >> 1) ^ (ppc >> (HASH_BITS + 1))) & ((1u << HASH_BITS) - 1);
}

static tb *lookup(tb_cache *c, uint64_t ppc, uint64_t vpc)
{
    for (tb *t = c->hash[hash_pc(ppc)]; t; t = t->hnext)
        if (t->ppc == ppc && t->vpc == vpc)
            return t;
    return NULL;
}

tb *tb_lookup_succ(tb_cache *c, tb *from, uint64_t pc)
{
    /* Only called with bare fetch, where physical == virtual. */
    if (from->succ_pc[0] == pc && from->succ[0])
        return from->succ[0];
    if (from->succ_pc[1] == pc && from->succ[1])
        return from->succ[1];
    if (c->flush_pending)
        return NULL;
    tb *t = lookup(c, pc, pc);
    if (t && from != &c->scratch.t) {
        int slot = from->succ[0] ? 1 : 0;
        from->succ_pc[slot] = pc;
        from->succ[slot] = t;
    }
    return t;
}

/* Reads a 16-bit parcel of code at physical pa; false when it is not in memory. */
static bool fetch16(tb_cache *c, uint64_t pa, uint16_t *out)
{
    const bus_range *r = bus_find(c->bus, pa, 2);
    if (!r || !r->host)
        return false;
    memcpy(out, r->host + (pa - r->base), 2);
    return true;
}

static tb *translate(tb_cache *c, hart *h, uint64_t vpc, uint64_t ppc, uint64_t max_insns,
                     bool *cacheable)
{
    size_t need = sizeof(tb) + (TB_MAX_INSNS + 1) * sizeof(rv_op);
    tb *t;
    if (*cacheable) {
        if (c->arena_used + need > ARENA_BYTES)
            tb_cache_flush(c);
        t = (tb *)(c->arena + c->arena_used);
    } else {
        t = &c->scratch.t;
    }
    memset(t, 0, sizeof(*t));
    t->vpc = vpc;
    t->ppc = ppc;
    uint64_t v = vpc, p = ppc;
    unsigned n = 0;
    bool straddle = false;
    if (max_insns > TB_MAX_INSNS)
        max_insns = TB_MAX_INSNS;
    while (n < max_insns) {
        uint16_t lo, hi = 0;
        if (!fetch16(c, p, &lo)) {
            if (n == 0) {
                hart_trap(h, EXC_INSN_ACCESS, v, v);
                return NULL;
            }
            break;
        }
        uint32_t raw = lo;
        if ((lo & 3) == 3) {
            uint64_t p2 = p + 2;
            if (((v + 2) & 0xfff) == 0) {
                /* The instruction straddles a page: only as the sole op of an uncached block. */
                if (n > 0)
                    break;
                *cacheable = false;
                straddle = true;
                t = &c->scratch.t;
                memset(t, 0, sizeof(*t));
                t->vpc = vpc;
                t->ppc = ppc;
                if (!h->fetch_bare) {
                    int cause = mmu_translate(h, v + 2, ACC_FETCH, &p2);
                    if (cause) {
                        hart_trap(h, (uint64_t)cause, v + 2, v);
                        return NULL;
                    }
                }
            }
            if (!fetch16(c, p2, &hi)) {
                if (n == 0) {
                    hart_trap(h, EXC_INSN_ACCESS, v + 2, v);
                    return NULL;
                }
                break;
            }
            raw |= (uint32_t)hi << 16;
        }
        rv_op *o = &t->ops[n];
        rv_decode(raw, o);
        o->idx = (uint16_t)n;
        o->pc = v;
        n++;
        v += o->len;
        p += o->len;
        if (rv_op_ends_block(o->opc) || (v & 0xfff) == 0 || straddle)
            break;
    }
    t->ninsn = n;
    rv_op *e = &t->ops[n];
    memset(e, 0, sizeof(*e));
    e->opc = OP_exit;
    e->idx = (uint16_t)n;
    e->pc = v;
    if (*cacheable) {
        c->arena_used += sizeof(tb) + (n + 1) * sizeof(rv_op);
        c->arena_used = (c->arena_used + 15) & ~(size_t)15;
        unsigned hsh = hash_pc(ppc);
        t->hnext = c->hash[hsh];
        c->hash[hsh] = t;
        mark_code(c, ppc, p - ppc);
    }
    return t;
}

tb *tb_find(tb_cache *c, hart *h, uint64_t max_insns)
{
    if (c->flush_pending)
        tb_cache_flush(c);
    uint64_t vpc = h->pc, ppc = vpc;
    if (!h->fetch_bare) {
        int cause = mmu_translate(h, vpc, ACC_FETCH, &ppc);
        if (cause) {
            hart_trap(h, (uint64_t)cause, vpc, vpc);
            return NULL;
        }
    }
    tb *t = lookup(c, ppc, vpc);
    bool cacheable = true;
    if (!t)
        t = translate(c, h, vpc, ppc, TB_MAX_INSNS, &cacheable);
    if (t && t->ninsn > max_insns) {
        cacheable = false;
        t = translate(c, h, vpc, ppc, max_insns, &cacheable);
    }
    return t;
}
