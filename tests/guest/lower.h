/* Running code in U or S mode from an M-mode test (see lower.S). */
#ifndef LOWER_H
#define LOWER_H

#include "guest.h"

void run_lower(uint64_t mode, void (*fn)(void));
void lower_exit(void) __attribute__((noreturn));
void lower_resume(void);

/* Sv39 page-table entries, for the tests that run S-mode code under paging. */
#define PTE_V 1
#define PTE_R 2
#define PTE_W 4
#define PTE_X 8
#define PTE_U 16
#define PTE_A 64
#define PTE_D 128

static inline uint64_t pte(uint64_t pa, uint64_t flags)
{
    return (pa >> 12) << 10 | flags;
}

/* For a test's trap handler: true (and the frame redirected) if this was lower_exit(). */
static inline int lower_handle(frame *f, uint64_t cause)
{
    if ((cause == 8 || cause == 9) && REG(f, 17) == 0x5151) {
        extern void lower_resume(void);
        f->epc = (uint64_t)lower_resume;
        csr_set(mstatus, 0x1800); /* return to M */
        return 1;
    }
    return 0;
}

#endif
