/* Tests of the RAM write log (emu/hw/ram_log.c) and of the board's use of it: the sum is the
 * sum over all pages however the marks came, changed pages keep their hash from before, and
 * every way a guest writes RAM (stores through cached pointers, slow paths, atomics, page-table
 * A/D bits, several harts, self-modifying code, a reset reloading the image) is seen: after
 * each collection the kept sum equals one computed from all of RAM. It must never leave a
 * board allocated after a test. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <xxhash.h>

#include "emu/hw/ram_log.h"
#include "emu/hw/virt.h"

/* The sum as its definition says, from every page's bytes. */
static uint64_t full_sum(const uint8_t *ram, uint64_t size)
{
    uint64_t sum = 0;
    for (uint64_t p = 0; p * RAM_LOG_PAGE < size; p++) {
        uint64_t off = p * RAM_LOG_PAGE;
        size_t len = (size_t)(size - off < RAM_LOG_PAGE ? size - off : RAM_LOG_PAGE);
        sum += XXH3_64bits(ram + off, len) * (2 * p + 1);
    }
    return sum;
}

static void sums_and_marks(void **state)
{
    (void)state;
    enum {
        SIZE = 5 * RAM_LOG_PAGE + 100 /* a short last page */
    };
    uint8_t *ram = calloc(1, SIZE);
    memcpy(ram + 10, "image", 5);
    ram_log l;
    assert_true(ram_log_init(&l, ram, SIZE, 0, 15));
    assert_int_equal(l.npages, 6);
    assert_int_equal(ram_log_collect(&l), 1);
    assert_int_equal(ram_log_sum(&l), full_sum(ram, SIZE));
    ram_log_reset_changed(&l);
    uint64_t before = l.page_hash[2];

    /* An unmarked write is not seen (writers must mark), a marked one is. */
    ram[2 * RAM_LOG_PAGE + 7] = 1;
    assert_int_equal(ram_log_collect(&l), 0);
    assert_true(ram_log_sum(&l) != full_sum(ram, SIZE));
    ram_log_mark(&l, 2 * RAM_LOG_PAGE + 7, 1);
    assert_true(ram_log_marked(&l, 2));
    assert_false(ram_log_marked(&l, 3));
    assert_int_equal(ram_log_collect(&l), 1);
    assert_false(ram_log_marked(&l, 2));
    assert_int_equal(ram_log_sum(&l), full_sum(ram, SIZE));

    /* A mark across a page boundary and one on the short page; marks past the end are
     * ignored. */
    ram[4 * RAM_LOG_PAGE - 1] = 2;
    ram[4 * RAM_LOG_PAGE] = 3;
    ram[SIZE - 1] = 4;
    ram_log_mark(&l, 4 * RAM_LOG_PAGE - 1, 2);
    ram_log_mark(&l, SIZE - 1, 1000);
    ram_log_mark(&l, SIZE, 1);
    ram_log_mark(&l, UINT64_MAX, 2);
    assert_int_equal(ram_log_collect(&l), 3);
    assert_int_equal(ram_log_sum(&l), full_sum(ram, SIZE));

    /* The changed set: each page once, in the order it first changed, with its hash from
     * before the interval; a page changed and changed back has both hashes equal. */
    assert_int_equal(l.nchanged, 4);
    assert_int_equal(l.changed_list[0], 2);
    assert_int_equal(l.changed_before[0], before);
    assert_int_equal(l.changed_list[1], 3);
    assert_int_equal(l.changed_list[2], 4);
    assert_int_equal(l.changed_list[3], 5);
    ram[2 * RAM_LOG_PAGE + 7] = 0;
    ram_log_mark(&l, 2 * RAM_LOG_PAGE + 7, 1);
    ram_log_collect(&l);
    assert_int_equal(l.nchanged, 4);
    assert_int_equal(l.page_hash[2], l.changed_before[0]);
    assert_int_equal(ram_log_hash_page(&l, 2), before);
    ram_log_reset_changed(&l);
    assert_int_equal(l.nchanged, 0);
    ram_log_mark(&l, 3 * RAM_LOG_PAGE, 1); /* written with the byte it had: no change */
    ram[0] = 9;
    ram_log_mark(&l, 0, 1);
    assert_int_equal(ram_log_collect(&l), 2);
    assert_int_equal(l.nchanged, 1);
    assert_int_equal(l.changed_list[0], 0);

    /* Any one page's change changes the sum (its factor 2i + 1 is odd). */
    for (uint32_t p = 0; p < l.npages; p++) {
        uint64_t s = ram_log_sum(&l);
        ram[p * RAM_LOG_PAGE] ^= 0x80;
        ram_log_mark(&l, p * RAM_LOG_PAGE, 1);
        ram_log_collect(&l);
        assert_true(ram_log_sum(&l) != s);
        assert_int_equal(ram_log_sum(&l), full_sum(ram, SIZE));
    }
    ram_log_free(&l);
    free(ram);
}

static void ignore_byte(void *opaque, uint8_t byte)
{
    (void)opaque;
    (void)byte;
}

static int64_t epoch(void *opaque)
{
    (void)opaque;
    return 946684800LL * 1000000000LL;
}

/* Runs a guest in slices of 4999 instructions (3 up to short_until), with the log started when
 * the board is created or at the first collection, collecting after each slice, and
 * compares the kept sum with the whole of RAM every time. Returns false when the guest is not
 * built. */
static bool run_checked(const char *name, int nharts, uint64_t short_until, bool from_creation,
                        int *checks)
{
    const char *bd = getenv("EMU_BUILDDIR");
    char path[512];
    snprintf(path, sizeof path, "%s/guest/%s.elf", bd && *bd ? bd : "build", name);
    if (access(path, R_OK) != 0) {
        return false;
    }
    board_host_ops host = {.serial_out = ignore_byte, .host_time_ns = epoch};
    virt_config cfg = {
        .nharts = nharts, .host = &host, .ram_size = 4u << 20, .log_ram = from_creation};
    strbuf err;
    sb_init(&err);
    virt_board *b = virt_new(&cfg, &err);
    assert_non_null(b);
    if (!virt_load_kernel(b, path, &err)) {
        fail_msg("%s: %s", name, err.buf);
    }
    sb_free(&err);
    uint64_t size;
    const uint8_t *ram = virt_ram(b, &size);
    ram_log *l = virt_ram_log(b);
    virt_ram_log_collect(b); /* the image and the device tree */
    assert_int_equal(ram_log_sum(l), full_sum(ram, size));
    bool reset_done = false;
    for (int slice = 0; slice < 20000 && virt_insns(b) < 400000000ull; slice++) {
        virt_run(b, virt_insns(b) < short_until ? 3 : 4999);
        virt_ram_log_collect(b);
        if (ram_log_sum(l) != full_sum(ram, size)) {
            fail_msg("%s: after %llu instructions RAM differs from the log's sum", name,
                     (unsigned long long)virt_insns(b));
        }
        (*checks)++;
        if (virt_stop_reason(b)) {
            if (reset_done) {
                break;
            }
            /* A reset writes the image and the device tree again: logged too. */
            virt_clear_stop(b);
            virt_reset(b);
            reset_done = true;
            virt_ram_log_collect(b);
            assert_int_equal(ram_log_sum(l), full_sum(ram, size));
            continue;
        }
        if (virt_all_idle(b)) {
            uint64_t d = virt_next_deadline_ns(b);
            if (d == DEV_NO_DEADLINE) {
                break;
            }
            virt_jump_to_ns(b, d);
        }
    }
    virt_free(b);
    return true;
}

static void every_guest_write_is_logged(void **state)
{
    (void)state;
    /* vm's start in short slices: a page-table walk setting A/D bits must be seen on its
     * own, not only next to the guest's own stores to the table. */
    static const struct {
        const char *name;
        int harts;
        uint64_t short_until;
    } guests[] = {{"isa", 1, 0},  {"timer", 1, 0},   {"vm", 1, 3000}, {"smp", 4, 0},
                  {"sirq", 1, 0}, {"selfmod", 1, 0}, {"traps", 1, 0}, {"tlb_dirty", 1, 0}};
    int ran = 0, checks = 0;
    for (size_t i = 0; i < sizeof guests / sizeof guests[0]; i++) {
        /* the log as record and replay start it (with the board), and started late */
        ran += run_checked(guests[i].name, guests[i].harts, guests[i].short_until, true, &checks);
        run_checked(guests[i].name, guests[i].harts, guests[i].short_until, false, &checks);
    }
    if (!ran) {
        skip();
    }
    print_message("%d guests, %d collections checked against all of RAM\n", ran, checks);
    assert_true(checks > ran);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(sums_and_marks),
        cmocka_unit_test(every_guest_write_is_logged),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
