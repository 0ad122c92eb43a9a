/* The tiny runtime of guest test programs: UART output, the test finisher, CSR access, checks.
 * Every program ends with guest_finish(), which prints "minstret N" (the count QEMU must agree
 * on) and powers off, passing only if no check failed. It must never use libc. */
#ifndef GUEST_H
#define GUEST_H

#include <stdint.h>

#define UART0       ((volatile uint8_t *)0x10000000UL)
#define FINISHER    ((volatile uint32_t *)0x100000UL)
#define CLINT       0x2000000UL
#define MTIME       (*(volatile uint64_t *)(CLINT + 0xbff8))
#define MTIMECMP(h) (*(volatile uint64_t *)(CLINT + 0x4000 + 8 * (h)))
#define MSIP(h)     (*(volatile uint32_t *)(CLINT + 4 * (h)))

#define csr_read(csr)                                                                              \
    ({                                                                                             \
        uint64_t v_;                                                                               \
        __asm__ volatile("csrr %0, " #csr : "=r"(v_));                                             \
        v_;                                                                                        \
    })
#define csr_write(csr, v) __asm__ volatile("csrw " #csr ", %0" ::"r"((uint64_t)(v)))
#define csr_set(csr, v)   __asm__ volatile("csrs " #csr ", %0" ::"r"((uint64_t)(v)))
#define csr_clear(csr, v) __asm__ volatile("csrc " #csr ", %0" ::"r"((uint64_t)(v)))

typedef struct frame {
    uint64_t epc;
    uint64_t x[31]; /* x[i] is register i+1 */
} frame;
#define REG(f, n) ((f)->x[(n)-1])

void putc_(char c);
void puts_(const char *s);
void put_hex(uint64_t v);
void put_dec(uint64_t v);
void put_line(const char *label, uint64_t v); /* "label 0x..." */
void check(int ok, const char *name);
void guest_finish(void) __attribute__((noreturn));
void guest_exit(int code) __attribute__((noreturn));
extern int failures;

/* Traps not expected by a test end it with a failure; tests override trap_handler. */
void trap_handler(frame *f);
void strap_handler(frame *f);
void secondary_main(uint64_t hartid);
void *memset(void *d, int c, unsigned long n);
void *memcpy(void *d, const void *s, unsigned long n);

#endif
