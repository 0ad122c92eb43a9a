/* Running code in U or S mode from an M-mode test (see lower.S). */
#ifndef LOWER_H
#define LOWER_H

#include "guest.h"

void run_lower(uint64_t mode, void (*fn)(void));
void lower_exit(void) __attribute__((noreturn));
void lower_resume(void);

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
