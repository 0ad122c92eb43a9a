/* Every RV64IMAC instruction class against known answers, plus a checksum of many mixed
 * operations that the differential test compares with QEMU. */
#include "guest.h"

#define R(op, a, b)                                                                                \
    ({                                                                                             \
        uint64_t r_;                                                                               \
        __asm__ volatile(op " %0, %1, %2" : "=r"(r_) : "r"(a), "r"(b));                            \
        r_;                                                                                        \
    })
#define I(op, a, imm)                                                                              \
    ({                                                                                             \
        uint64_t r_;                                                                               \
        __asm__ volatile(op " %0, %1, %2" : "=r"(r_) : "r"(a), "i"(imm));                          \
        r_;                                                                                        \
    })

static volatile uint64_t v_a = 0x8000000000000000ULL, v_m1 = ~0ULL, v_0 = 0, v_7 = 7,
                         v_big = 0x123456789abcdef0ULL, v_neg = (uint64_t)-12345;
static volatile uint64_t mem[4] = {0x1122334455667788ULL, 0x99aabbccddeeff00ULL, 0, 0};
static volatile uint64_t amo_mem[2] = {5, 0};

static void rv64i(void)
{
    check(R("add", v_big, v_7) == 0x123456789abcdef7ULL, "add");
    check(R("sub", v_0, v_7) == (uint64_t)-7, "sub");
    check(R("sll", v_7, (uint64_t)65) == 14, "sll masks shamt");
    check(R("slt", v_neg, v_7) == 1 && R("sltu", v_neg, v_7) == 0, "slt sltu");
    check(R("sra", v_a, (uint64_t)63) == ~0ULL && R("srl", v_a, (uint64_t)63) == 1, "sra srl");
    check(R("xor", v_big, v_m1) == ~0x123456789abcdef0ULL, "xor");
    check(R("or", v_7, (uint64_t)8) == 15 && R("and", v_big, (uint64_t)0xff) == 0xf0, "or and");
    check(I("addi", v_0, -1) == ~0ULL && I("slti", v_neg, 0) == 1 && I("sltiu", v_0, -1) == 1,
          "addi slti sltiu");
    check(I("xori", v_0, -1) == ~0ULL && I("ori", v_7, 0x70) == 0x77 &&
              I("andi", v_big, 0x7f0) == 0x6f0,
          "xori ori andi");
    check(I("slli", v_7, 61) == 0xe000000000000000ULL && I("srli", v_a, 60) == 8 &&
              I("srai", v_a, 60) == 0xfffffffffffffff8ULL,
          "slli srli srai");
    check(I("addiw", (uint64_t)0x7fffffff, 1) == 0xffffffff80000000ULL, "addiw wraps");
    check(I("slliw", v_7, 29) == 0xffffffffe0000000ULL && I("srliw", v_m1, 4) == 0x0fffffff &&
              I("sraiw", (uint64_t)0x80000000, 4) == 0xfffffffff8000000ULL,
          "slliw srliw sraiw");
    check(R("addw", (uint64_t)0x7fffffff, (uint64_t)1) == 0xffffffff80000000ULL &&
              R("subw", v_0, (uint64_t)1) == ~0ULL,
          "addw subw");
    check(R("sllw", (uint64_t)1, (uint64_t)31) == 0xffffffff80000000ULL &&
              R("srlw", v_m1, (uint64_t)36) == 0x0fffffff &&
              R("sraw", (uint64_t)0x80000000, (uint64_t)1) == 0xffffffffc0000000ULL,
          "sllw srlw sraw");
    uint64_t l;
    __asm__ volatile("lui %0, 0xfffff" : "=r"(l));
    check(l == 0xfffffffffffff000ULL, "lui sign-extends");
    uint64_t pc1, pc2;
    __asm__ volatile("auipc %0, 0\n auipc %1, 1" : "=r"(pc1), "=r"(pc2));
    check(pc2 - pc1 == 0x1000 + 4, "auipc");
    uint64_t ra_, tgt;
    __asm__ volatile(".option push\n.option norvc\n"
                     "jal %0, 1f\n1: la %1, 1b\n.option pop"
                     : "=r"(ra_), "=r"(tgt));
    check(ra_ == tgt, "jal link");
    __asm__ volatile("la t0, 2f\n jalr %0, 0(t0)\n2: la %1, 2b" : "=r"(ra_), "=r"(tgt) : : "t0");
    check(ra_ == tgt, "jalr link");
    volatile uint8_t *b = (volatile uint8_t *)mem;
    check(*(volatile int8_t *)(b + 1) == 0x77 && *(volatile int8_t *)(b + 15) == (int8_t)0x99,
          "lb");
    check(*(volatile uint8_t *)(b + 15) == 0x99, "lbu");
    check(*(volatile int16_t *)(b + 14) == (int16_t)0x99aa &&
              *(volatile uint16_t *)(b + 14) == 0x99aa,
          "lh lhu");
    check(*(volatile int32_t *)(b + 12) == (int32_t)0x99aabbcc &&
              *(volatile uint32_t *)(b + 12) == 0x99aabbccu,
          "lw lwu");
    mem[2] = 0;
    *(volatile uint8_t *)(b + 16) = 0xab;
    *(volatile uint16_t *)(b + 18) = 0xcdef;
    *(volatile uint32_t *)(b + 20) = 0x01234567;
    check(mem[2] == 0x01234567cdef00abULL, "sb sh sw");
    mem[3] = 0x5a5a5a5a5a5a5a5aULL;
    check(mem[3] == 0x5a5a5a5a5a5a5a5aULL, "sd ld");
    /* Misaligned: QEMU performs these without trapping, and so do we. */
    check(*(volatile uint32_t *)(b + 1) == 0x44556677u, "lw misaligned");
}

static void rv64m(void)
{
    check(R("mul", v_big, v_7) == 0x123456789abcdef0ULL * 7, "mul");
    check(R("mulh", v_a, v_m1) == 0, "mulh");
    check(R("mulhu", v_m1, v_m1) == 0xfffffffffffffffeULL, "mulhu");
    check(R("mulhsu", v_m1, v_m1) == ~0ULL, "mulhsu");
    check(R("div", v_neg, v_7) == (uint64_t)-1763 && R("rem", v_neg, v_7) == (uint64_t)-4,
          "div rem");
    check(R("div", v_7, v_0) == ~0ULL && R("rem", v_7, v_0) == 7, "div by zero");
    check(R("div", v_a, v_m1) == v_a && R("rem", v_a, v_m1) == 0, "div overflow");
    check(R("divu", v_m1, v_7) == 0x2492492492492492ULL && R("remu", v_m1, v_7) == 1, "divu remu");
    check(R("divu", v_7, v_0) == ~0ULL && R("remu", v_7, v_0) == 7, "divu by zero");
    check(R("mulw", (uint64_t)0x10000, (uint64_t)0x8000) == 0xffffffff80000000ULL, "mulw");
    check(R("divw", (uint64_t)0x80000000, v_m1) == 0xffffffff80000000ULL &&
              R("remw", (uint64_t)0x80000000, v_m1) == 0,
          "divw remw overflow");
    check(R("divuw", v_m1, (uint64_t)2) == 0x7fffffff && R("remuw", (uint64_t)7, v_0) == 7 &&
              R("divw", v_7, v_0) == ~0ULL,
          "divuw remuw");
}

static void rv64a(void)
{
    uint64_t old;
    volatile uint64_t *p = &amo_mem[0];
    __asm__ volatile("amoadd.d %0, %2, (%1)" : "=r"(old) : "r"(p), "r"(v_7) : "memory");
    check(old == 5 && *p == 12, "amoadd.d");
    __asm__ volatile("amoswap.d %0, %2, (%1)" : "=r"(old) : "r"(p), "r"(v_neg) : "memory");
    check(old == 12 && *p == (uint64_t)-12345, "amoswap.d");
    __asm__ volatile("amomin.d %0, %2, (%1)" : "=r"(old) : "r"(p), "r"(v_7) : "memory");
    check(*p == (uint64_t)-12345, "amomin.d");
    __asm__ volatile("amominu.d %0, %2, (%1)" : "=r"(old) : "r"(p), "r"(v_7) : "memory");
    check(*p == 7, "amominu.d");
    __asm__ volatile("amomax.d %0, %2, (%1)" : "=r"(old) : "r"(p), "r"(v_neg) : "memory");
    check(*p == 7, "amomax.d");
    __asm__ volatile("amomaxu.d %0, %2, (%1)" : "=r"(old) : "r"(p), "r"(v_neg) : "memory");
    check(*p == (uint64_t)-12345, "amomaxu.d");
    __asm__ volatile("amoand.d %0, %2, (%1)" : "=r"(old) : "r"(p), "r"((uint64_t)0xff) : "memory");
    __asm__ volatile("amoor.d %0, %2, (%1)" : "=r"(old) : "r"(p), "r"((uint64_t)0x100) : "memory");
    __asm__ volatile("amoxor.d %0, %2, (%1)" : "=r"(old) : "r"(p), "r"((uint64_t)0x1) : "memory");
    check(*p == ((((uint64_t)-12345 & 0xff) | 0x100) ^ 1), "amoand amoor amoxor");
    volatile uint32_t *w = (volatile uint32_t *)&amo_mem[1];
    *w = 0xfffffff0u;
    __asm__ volatile("amoadd.w %0, %2, (%1)" : "=r"(old) : "r"(w), "r"(v_7) : "memory");
    check(old == 0xfffffffffffffff0ULL && *w == 0xfffffff7u, "amoadd.w sign-extends");
    __asm__ volatile("amomin.w %0, %2, (%1)" : "=r"(old) : "r"(w), "r"(v_7) : "memory");
    check(*w == 0xfffffff7u, "amomin.w");
    __asm__ volatile("amomaxu.w %0, %2, (%1)" : "=r"(old) : "r"(w), "r"(v_7) : "memory");
    check(*w == 0xfffffff7u, "amomaxu.w");
    uint64_t sc, val;
    __asm__ volatile("lr.d %0, (%2)\n addi %0, %0, 1\n sc.d %1, %0, (%2)"
                     : "=&r"(val), "=&r"(sc)
                     : "r"(p)
                     : "memory");
    check(sc == 0 && *p == val, "lr.d sc.d succeed");
    __asm__ volatile("sc.d %0, %1, (%2)" : "=r"(sc) : "r"(v_7), "r"(p) : "memory");
    check(sc == 1, "sc.d without reservation fails");
    __asm__ volatile("lr.w %0, (%2)\n sc.w %1, %3, (%2)"
                     : "=&r"(val), "=&r"(sc)
                     : "r"(w), "r"(v_0)
                     : "memory");
    check(sc == 0 && *w == 0 && val == 0xfffffffffffffff7ULL, "lr.w sc.w");
}

/* A mix of operations whose result QEMU must reproduce bit for bit. */
static uint64_t mix(void)
{
    uint64_t h = 0xcbf29ce484222325ULL, x = v_big;
    static volatile uint64_t arr[64];
    for (int i = 0; i < 2000; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        uint64_t y = x % 1000003 + 1;
        h = (h ^ (x / y)) * 0x100000001b3ULL;
        h += (uint64_t)((int64_t)x >> (i & 63)) ^ (uint64_t)(int32_t)(x * y);
        h ^= ((unsigned __int128)x * h) >> 64;
        arr[i & 63] += h;
        h += arr[(i * 7) & 63] >> (i & 31);
    }
    return h;
}

int main(void)
{
    rv64i();
    rv64m();
    rv64a();
    put_line("mix", mix());
    guest_finish();
}
