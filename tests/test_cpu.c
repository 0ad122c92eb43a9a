/* Tests of emu/tcg and emu/hw: decoding and disassembly, the ELF loader's error paths, exact
 * budgets, and every guest program in BUILDDIR/guest run in-process on the virt board with its
 * serial output and exit status checked. It must never depend on host time or on QEMU. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "emu/hw/virt.h"
#include "emu/tcg/disas.h"
#include "emu/tcg/tcg_internal.h"

static const char *builddir(void)
{
    const char *b = getenv("EMU_BUILDDIR");
    return b && *b ? b : "build";
}

static void expect_disas(uint32_t insn, const char *text)
{
    strbuf sb;
    sb_init(&sb);
    rv_disas(&sb, 0x80000000, insn);
    assert_string_equal(sb.buf, text);
    sb_free(&sb);
}

static void test_disas(void **state)
{
    (void)state;
    expect_disas(0x00a50533, "add a0,a0,a0");
    expect_disas(0xfff00513, "addi a0,zero,-1");
    expect_disas(0x00053503, "ld a0,0(a0)");
    expect_disas(0x00b53423, "sd a1,8(a0)");
    expect_disas(0x00000463, "beq zero,zero,0x80000008");
    expect_disas(0x0000006f, "jal zero,0x80000000");
    expect_disas(0x30200073, "mret");
    expect_disas(0xf1402573, "csrrs a0,0xf14,zero");
    expect_disas(0x02b50533, "mul a0,a0,a1");
    expect_disas(0x0cb5352f, "amoswap.d a0,a1,(a0)");
    expect_disas(0x100525af, "lr.w a1,(a0)");
    expect_disas(0x4505, "addi a0,zero,1");  /* c.li */
    expect_disas(0x8082, "jalr zero,0(ra)"); /* c.ret */
    expect_disas(0x0000, ".insn 0x0000");
    expect_disas(0xffffffff, ".insn 0xffffffff");
}

static void test_rvc_expand(void **state)
{
    (void)state;
    assert_int_equal(rvc_expand(0x0000), 0);          /* all zero: illegal */
    assert_int_equal(rvc_expand(0x4505), 0x00100513); /* c.li a0,1 */
    assert_int_equal(rvc_expand(0x9002), 0x00100073); /* c.ebreak */
    assert_int_equal(rvc_expand(0x6582), 0x00013583); /* c.ldsp a1,0(sp) */
    assert_int_equal(rvc_expand(0x2002), 0);          /* c.fldsp: no D */
    assert_int_equal(rvc_expand(0x6101), 0);          /* c.addi16sp 0: reserved */
    rv_op op;
    rv_decode(0x00000013, &op);
    assert_int_equal(op.opc, OP_addi);
    assert_int_equal(op.rd, 32); /* x0 writes go to the sink */
    rv_decode(0x1141, &op);
    assert_int_equal(op.opc, OP_addi);
    assert_int_equal(op.len, 2);
    assert_int_equal(op.imm, -16);
}

typedef struct run_result {
    strbuf out;
    virt_stop reason;
    int code;
    uint64_t insns;
} run_result;

static void collect(void *opaque, uint8_t byte)
{
    sb_putc(&((run_result *)opaque)->out, (char)byte);
}

static int64_t epoch(void *opaque)
{
    (void)opaque;
    return 946684800LL * 1000000000LL;
}

static virt_board *new_board(run_result *r, int nharts, board_host_ops *host)
{
    memset(host, 0, sizeof(*host));
    host->serial_out = collect;
    host->host_time_ns = epoch;
    virt_config cfg = {.nharts = nharts, .host = host, .host_opaque = r};
    strbuf err;
    sb_init(&err);
    virt_board *b = virt_new(&cfg, &err);
    assert_non_null(b);
    sb_free(&err);
    return b;
}

/* Runs like the main loop will: slices of `slice` instructions, idle jumps to deadlines. */
static void run_board(virt_board *b, run_result *r, uint64_t slice, uint64_t max)
{
    while (virt_insns(b) < max) {
        virt_run(b, slice);
        if (virt_stop_reason(b))
            break;
        if (virt_all_idle(b)) {
            uint64_t d = virt_next_deadline_ns(b);
            if (d == DEV_NO_DEADLINE)
                break;
            virt_jump_to_ns(b, d);
        }
    }
    r->reason = virt_stop_reason(b);
    r->code = virt_exit_code(b);
    r->insns = virt_insns(b);
}

static bool run_guest(const char *name, int nharts, uint64_t slice, run_result *r)
{
    char path[512];
    snprintf(path, sizeof(path), "%s/guest/%s.elf", builddir(), name);
    memset(r, 0, sizeof(*r));
    sb_init(&r->out);
    if (access(path, R_OK) != 0)
        return false;
    board_host_ops host;
    virt_board *b = new_board(r, nharts, &host);
    strbuf err;
    sb_init(&err);
    if (!virt_load_kernel(b, path, &err))
        fail_msg("%s", err.buf);
    sb_free(&err);
    run_board(b, r, slice, 2000000000ULL);
    virt_free(b);
    sb_putc(&r->out, '\0');
    r->out.len--;
    return true;
}

static void expect_pass(const char *name, int nharts, const char *must_contain)
{
    run_result r;
    if (!run_guest(name, nharts, 1000000, &r)) {
        sb_free(&r.out);
        skip();
    }
    if (r.reason != VIRT_STOP_SHUTDOWN || r.code != 0 || strstr(r.out.buf, "FAIL") ||
        !strstr(r.out.buf, "\nminstret "))
        fail_msg("guest %s: stop %d code %d output:\n%s", name, (int)r.reason, r.code, r.out.buf);
    if (must_contain && !strstr(r.out.buf, must_contain))
        fail_msg("guest %s: missing '%s' in:\n%s", name, must_contain, r.out.buf);
    sb_free(&r.out);
}

static void test_guest_hello(void **s)
{
    (void)s;
    expect_pass("hello", 1, "hello from the guest\nok mhartid\nminstret 274\n");
}

static void test_guest_isa(void **s)
{
    (void)s;
    expect_pass("isa", 1, "mix 0x4df3fe58cd6b655a");
}

static void test_guest_traps(void **s)
{
    (void)s;
    expect_pass("traps", 1, "ok ecall from U delegated to S");
}

static void test_guest_timer(void **s)
{
    (void)s;
    expect_pass("timer", 1, "spins until the timer 0x00000000000003e9");
}

static void test_guest_plic_uart(void **s)
{
    (void)s;
    expect_pass("plic_uart", 1, "ok loopback receive interrupt");
}

static void test_guest_devices(void **s)
{
    (void)s;
    expect_pass("devices", 1, "ok RTC alarm interrupt");
}

static void test_guest_vm(void **s)
{
    (void)s;
    expect_pass("vm", 1, "ok U page from S with SUM");
}

static void test_guest_selfmod(void **s)
{
    (void)s;
    expect_pass("selfmod", 1, "sum 0x0000000000000309");
}

static void test_guest_smp(void **s)
{
    (void)s;
    expect_pass("smp", 4, "ok IPI to every other hart");
}

static void test_guest_sirq(void **s)
{
    (void)s;
    expect_pass("sirq", 1, "ok STIP forwarded to S");
}

static void test_guest_htif(void **s)
{
    (void)s;
    expect_pass("htif", 1, "htif guest");
}

static void test_guest_benches(void **s)
{
    (void)s;
    expect_pass("bench_crc", 1, "crc 0x000000001100da7c");
    expect_pass("bench_mmio", 1, "acc 0x000000001c9c3800");
}

static void test_guest_testdev(void **s)
{
    (void)s;
    run_result r;
    if (!run_guest("testdev", 1, 1000000, &r)) {
        sb_free(&r.out);
        skip();
    }
    assert_int_equal(r.reason, VIRT_STOP_WATCHDOG);
    assert_non_null(strstr(r.out.buf, "waiting for the watchdog"));
    assert_null(strstr(r.out.buf, "FAIL"));
    sb_free(&r.out);
    if (!run_guest("panic", 1, 1000000, &r)) {
        sb_free(&r.out);
        skip();
    }
    assert_int_equal(r.reason, VIRT_STOP_PANIC);
    assert_int_equal(r.code, 42);
    sb_free(&r.out);
}

/* Any slicing gives the same output and the same count: budgets are exact. */
static void test_exact_budget(void **s)
{
    (void)s;
    run_result a, b;
    if (!run_guest("timer", 1, 1000000, &a)) {
        sb_free(&a.out);
        skip();
    }
    assert_true(run_guest("timer", 1, 7, &b));
    assert_string_equal(a.out.buf, b.out.buf);
    assert_int_equal(a.insns, b.insns);
    sb_free(&b.out);
    assert_true(run_guest("timer", 1, 1, &b));
    assert_string_equal(a.out.buf, b.out.buf);
    assert_int_equal(a.insns, b.insns);
    sb_free(&a.out);
    sb_free(&b.out);
}

static void test_budget_counts(void **s)
{
    (void)s;
    /* A raw image: an endless loop of addi; every call retires exactly its budget. */
    static const uint32_t prog[] = {0x00150513, 0x00150513, 0x00150513, 0xff5ff06f};
    run_result r;
    memset(&r, 0, sizeof(r));
    sb_init(&r.out);
    board_host_ops host;
    virt_board *b = new_board(&r, 1, &host);
    strbuf err;
    sb_init(&err);
    assert_true(virt_load_kernel_mem(b, (const uint8_t *)prog, sizeof(prog), &err));
    uint64_t total = 0;
    for (uint64_t n = 1; n < 200; n += 13) {
        assert_int_equal(virt_run(b, n), n);
        total += n;
    }
    assert_int_equal(virt_insns(b), total);
    uint64_t pc = virt_hart(b, 0)->pc;
    uint64_t a0 = virt_hart(b, 0)->x[10];
    /* 6 boot ROM instructions, then 3 addi per 4-instruction loop. */
    uint64_t body = total - 6;
    assert_int_equal(a0, body / 4 * 3 + (body % 4 < 3 ? body % 4 : 3));
    assert_int_equal(pc, 0x80000000 + 4 * (body % 4));
    sb_free(&err);
    sb_free(&r.out);
    virt_free(b);
}

static void expect_load_error(const uint8_t *data, size_t len, const char *msg)
{
    run_result r;
    memset(&r, 0, sizeof(r));
    sb_init(&r.out);
    board_host_ops host;
    virt_board *b = new_board(&r, 1, &host);
    strbuf err;
    sb_init(&err);
    assert_false(virt_load_kernel_mem(b, data, len, &err));
    assert_non_null(err.buf);
    if (!strstr(err.buf, msg))
        fail_msg("expected '%s' in '%s'", msg, err.buf);
    sb_free(&err);
    virt_free(b);
    sb_free(&r.out);
}

static void test_bad_elf(void **s)
{
    (void)s;
    uint8_t e[128];
    memset(e, 0, sizeof(e));
    memcpy(e, "\177ELF", 4);
    expect_load_error(e, 10, "too short");
    e[4] = 1;
    expect_load_error(e, sizeof(e), "64-bit");
    e[4] = 2;
    e[5] = 1;
    e[0x12] = 62; /* x86-64 */
    expect_load_error(e, sizeof(e), "not a RISC-V");
    e[0x12] = 243;
    expect_load_error(e, sizeof(e), "no program headers");
    e[0x38] = 1;    /* one header */
    e[0x36] = 56;   /* of 56 bytes */
    e[0x20] = 0xf0; /* beyond the file */
    expect_load_error(e, sizeof(e), "outside the file");
    e[0x20] = 64;
    e[64] = 1;           /* PT_LOAD */
    e[64 + 0x28] = 16;   /* memsz */
    e[64 + 0x20] = 16;   /* filesz */
    e[64 + 0x08] = 0xf0; /* offset beyond the file */
    expect_load_error(e, sizeof(e), "outside the file");
    e[64 + 0x08] = 0;
    expect_load_error(e, sizeof(e), "does not fit in RAM"); /* paddr 0 */
    run_result r;
    memset(&r, 0, sizeof(r));
    sb_init(&r.out);
    board_host_ops host;
    virt_board *b = new_board(&r, 1, &host);
    strbuf err;
    sb_init(&err);
    assert_false(virt_load_kernel(b, "/nonexistent/kernel.elf", &err));
    assert_non_null(strstr(err.buf, "cannot open"));
    sb_free(&err);
    virt_free(b);
    sb_free(&r.out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_disas),           cmocka_unit_test(test_rvc_expand),
        cmocka_unit_test(test_budget_counts),   cmocka_unit_test(test_bad_elf),
        cmocka_unit_test(test_guest_hello),     cmocka_unit_test(test_guest_isa),
        cmocka_unit_test(test_guest_traps),     cmocka_unit_test(test_guest_timer),
        cmocka_unit_test(test_guest_plic_uart), cmocka_unit_test(test_guest_devices),
        cmocka_unit_test(test_guest_vm),        cmocka_unit_test(test_guest_selfmod),
        cmocka_unit_test(test_guest_smp),       cmocka_unit_test(test_guest_sirq),
        cmocka_unit_test(test_guest_htif),      cmocka_unit_test(test_guest_testdev),
        cmocka_unit_test(test_guest_benches),   cmocka_unit_test(test_exact_budget),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
