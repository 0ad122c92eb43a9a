/* What the two halves of divergence narrowing share (emu/replay_narrow.c: the re-run child
 * and the hart report; emu/replay_narrow_ram.c: the RAM report): the re-run's request and
 * what it saw. Internal to those two files. */
#ifndef EMU_REPLAY_NARROW_H
#define EMU_REPLAY_NARROW_H

#include <stdbool.h>
#include <stdint.h>

#define NARROW_MAX_PAGES   8    /* RAM pages one re-run watches */
#define NARROW_MAX_CHANGES 16   /* changes of one page reported one by one */
#define NARROW_MAX_OUTSIDE 4096 /* changes from outside the guest's code the re-run prints */
/* Watched items at or above this are device parts (virt_device_parts) rather than pages. */
#define NARROW_DEV_BASE 0xffffff00u

/* Where the replay gave a register the value it ends the window with. */
typedef struct reg_change {
    bool seen;
    char how; /* 'i': by an instruction of the hart; 'b': between instructions */
    uint64_t icount;
    uint64_t pc;
    uint32_t insn;
    bool has_insn;
} reg_change;

/* One change of a watched RAM page between two steps of the re-run. */
typedef struct page_change {
    char how; /* 'i' or 'b', as above */
    int hart; /* the hart whose instruction it was ('i') */
    uint64_t icount, pc;
    uint32_t insn;
    bool has_insn;
    uint32_t first;             /* the offset of the first byte that changed */
    uint8_t old_byte, new_byte; /* that byte before and after */
    uint32_t nbytes;            /* bytes that changed */
} page_change;

typedef struct page_watch {
    uint32_t page;
    uint32_t nchanges; /* all of them */
    /* The first ones, in order, and every one from outside the guest's code (which push out
     * the latest by an instruction when there is no room). */
    uint32_t nkept;
    page_change change[NARROW_MAX_CHANGES];
    page_change last;
} page_watch;

/* Re-runs the replay of path stepping from icount from to to, watching the registers of mask
 * of hart (-1: none; out gets where each took its last value) and the RAM pages or device
 * parts of pw. True when the re-run reached to. */
bool narrow_rerun(const char *path, uint64_t from, uint64_t to, int hart, uint32_t mask,
                  reg_change out[32], page_watch *pw, uint32_t npw);

#endif
