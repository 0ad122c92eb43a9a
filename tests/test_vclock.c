/* Unit tests of the virtual clock: time from instruction counts and -icount shift, idle jumps,
 * and timers firing in (deadline, arming order) with re-arming and deletion.
 * Must never read host time. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "emu/vclock.h"

static char fired[16];
static int nfired;

static void mark(void *opaque)
{
    fired[nfired++] = *(const char *)opaque;
    fired[nfired] = 0;
}

static void test_time_from_instructions(void **state)
{
    (void)state;
    vclock_init(3);
    assert_int_equal(vclock_now_ns(), 0);
    vclock_add_insns(10);
    assert_int_equal(vclock_insns(), 10);
    assert_int_equal(vclock_now_ns(), 80); /* 2^3 ns per instruction */
    vclock_jump_to(1000);
    assert_int_equal(vclock_now_ns(), 1000);
    vclock_jump_to(500); /* never backwards */
    assert_int_equal(vclock_now_ns(), 1000);
    vclock_add_insns(1);
    assert_int_equal(vclock_now_ns(), 1008);
}

static void test_epoch_survives_init(void **state)
{
    (void)state;
    vclock_set_epoch_ns(123);
    vclock_init(0);
    assert_int_equal(vclock_epoch_ns(), 123);
}

static void test_timer_order_and_ties(void **state)
{
    (void)state;
    vclock_init(0);
    nfired = 0;
    static vtimer a, b, c, d;
    static const char na = 'a', nb = 'b', nc = 'c', nd = 'd';
    vtimer_init(&a, mark, (void *)&na);
    vtimer_init(&b, mark, (void *)&nb);
    vtimer_init(&c, mark, (void *)&nc);
    vtimer_init(&d, mark, (void *)&nd);
    vtimer_mod(&c, 50);
    vtimer_mod(&a, 20);
    vtimer_mod(&b, 20); /* same deadline, armed later: fires after a */
    vtimer_mod(&d, 30);
    vtimer_del(&d);
    assert_int_equal(vclock_next_deadline(), 20);
    assert_int_equal(vclock_insns_to_deadline(), 20);
    vclock_add_insns(19);
    assert_int_equal(vclock_run_expired(), 0);
    vclock_add_insns(1);
    assert_int_equal(vclock_run_expired(), 2);
    assert_string_equal(fired, "ab");
    vtimer_mod(&a, 40); /* re-arm */
    vtimer_mod(&c, 40); /* move: now armed after a at the same deadline */
    vclock_jump_to(45);
    assert_int_equal(vclock_run_expired(), 2);
    assert_string_equal(fired, "abac");
    assert_int_equal(vclock_next_deadline(), VCLOCK_NO_DEADLINE);
    assert_int_equal(vclock_insns_to_deadline(), UINT64_MAX);
}

static void test_deadline_rounds_up_to_whole_instructions(void **state)
{
    (void)state;
    vclock_init(2); /* 4 ns per instruction */
    static vtimer t;
    static const char nt = 't';
    vtimer_init(&t, mark, (void *)&nt);
    vtimer_mod(&t, 10);
    assert_int_equal(vclock_insns_to_deadline(), 3); /* 12 ns >= 10 ns */
    vtimer_del(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_time_from_instructions),
        cmocka_unit_test(test_epoch_survives_init),
        cmocka_unit_test(test_timer_order_and_ties),
        cmocka_unit_test(test_deadline_rounds_up_to_whole_instructions),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
