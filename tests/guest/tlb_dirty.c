/* A cached write translation outliving a change of its PTE: S-mode stores through a 4 KiB alias
 * (the walk sets A and D and the hart caches the translation), clears D in the PTE without
 * sfence.vma, and stores through the alias again and again. Whether D comes back depends only
 * on the hart keeping its cached translation, as QEMU's TLB does; recording a run must not
 * change it (the RAM write log once made every store after a digest walk the table again). */
#include "lower.h"

static uint64_t root[512] __attribute__((aligned(4096)));
static uint64_t l1[512] __attribute__((aligned(4096)));
static uint64_t l0[512] __attribute__((aligned(4096)));
static volatile uint64_t target[512] __attribute__((aligned(4096)));
static volatile uint64_t pte_after;

#define ALIAS 0x40000000UL

void trap_handler(frame *f)
{
    uint64_t cause = csr_read(mcause);
    if (lower_handle(f, cause))
        return;
    guest_exit(98);
}

static void s_code(void)
{
    *(volatile uint64_t *)ALIAS = 1;
    *(volatile uint64_t *)&l0[0] &= ~(uint64_t)PTE_D;
    for (int i = 0; i < 5000; i++)
        *(volatile uint64_t *)(ALIAS + 8 * (i & 7)) = (uint64_t)i;
    pte_after = l0[0];
    lower_exit();
}

int main(void)
{
    root[2] = pte(0x80000000UL, PTE_V | PTE_R | PTE_W | PTE_X | PTE_A | PTE_D);
    root[1] = pte((uint64_t)l1, PTE_V);
    l1[0] = pte((uint64_t)l0, PTE_V);
    l0[0] = pte((uint64_t)target, PTE_V | PTE_R | PTE_W);
    csr_write(satp, (8ULL << 60) | ((uint64_t)root >> 12));
    __asm__ volatile("sfence.vma");
    run_lower(1, s_code);
    csr_write(satp, 0);
    put_line("D after the stores", (pte_after >> 7) & 1);
    put_line("A after the stores", (pte_after >> 6) & 1);
    put_line("last value", target[7]);
    guest_finish();
}
