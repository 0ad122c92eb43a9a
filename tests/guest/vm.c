/* Sv39 paging in S-mode: an identity gigapage for code and data, a 4 KiB alias of a data page,
 * hardware-set A/D bits, a page fault on an unmapped address, a write to a read-only page,
 * U pages from S (SUM), and satp/sfence.vma. */
#include "lower.h"

static uint64_t root[512] __attribute__((aligned(4096)));
static uint64_t l1[512] __attribute__((aligned(4096)));
static uint64_t l0[512] __attribute__((aligned(4096)));
static volatile uint64_t target[512] __attribute__((aligned(4096)));
static volatile uint64_t ro_page[512] __attribute__((aligned(4096)));
static volatile uint64_t user_page[512] __attribute__((aligned(4096)));

#define ALIAS    0x40000000UL
#define RO_ALIAS (ALIAS + 0x1000)
#define U_ALIAS  (ALIAS + 0x2000)
#define UNMAPPED 0x50000000UL

static volatile uint64_t faults, fault_cause, fault_tval, r_alias, r_sum_off_cause;

void trap_handler(frame *f)
{
    uint64_t cause = csr_read(mcause);
    if (lower_handle(f, cause))
        return;
    faults++;
    fault_cause = cause;
    fault_tval = csr_read(mtval);
    f->epc += (*(volatile uint16_t *)f->epc & 3) == 3 ? 4 : 2;
}

static void s_code(void)
{
    r_alias = *(volatile uint64_t *)ALIAS;
    *(volatile uint64_t *)(ALIAS + 8) = 0xfeedULL;
    (void)*(volatile uint64_t *)UNMAPPED;
    *(volatile uint64_t *)RO_ALIAS = 1;
    (void)*(volatile uint64_t *)U_ALIAS; /* SUM clear: page fault */
    r_sum_off_cause = fault_cause;
    __asm__ volatile("csrs sstatus, %0" ::"r"(1UL << 18));
    user_page[1] = *(volatile uint64_t *)U_ALIAS + 1; /* SUM set: allowed */
    __asm__ volatile("sfence.vma");
    lower_exit();
}

int main(void)
{
    root[2] = pte(0x80000000UL, PTE_V | PTE_R | PTE_W | PTE_X); /* gigapage, A/D clear */
    root[1] = pte((uint64_t)l1, PTE_V);
    l1[0] = pte((uint64_t)l0, PTE_V);
    l0[0] = pte((uint64_t)target, PTE_V | PTE_R | PTE_W);
    l0[1] = pte((uint64_t)ro_page, PTE_V | PTE_R | PTE_A);
    l0[2] = pte((uint64_t)user_page, PTE_V | PTE_R | PTE_W | PTE_U | PTE_A | PTE_D);
    target[0] = 0x1234;
    user_page[0] = 41;
    csr_write(satp, (8ULL << 60) | ((uint64_t)root >> 12));
    __asm__ volatile("sfence.vma");
    run_lower(1, s_code);
    csr_write(satp, 0);
    check(r_alias == 0x1234, "load through a 4 KiB alias");
    check(target[1] == 0xfeed, "store through the alias");
    check((l0[0] & (PTE_A | PTE_D)) == (PTE_A | PTE_D), "A and D set by the walk");
    check((root[2] & PTE_A) && (root[2] & PTE_D), "gigapage A/D set");
    check(faults == 3, "three faults");
    check(r_sum_off_cause == 13, "U page from S without SUM: load page fault");
    check(fault_cause == 13 && fault_tval == U_ALIAS, "last fault reports the address");
    check(ro_page[0] == 0, "read-only page kept");
    check(user_page[1] == 42, "U page from S with SUM");
    guest_finish();
}
