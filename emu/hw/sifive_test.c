/* The test finisher's one register. It must never act on unknown status values (QEMU ignores
 * them too). */
#include "emu/hw/sifive_test.h"

static uint64_t st_read(void *opaque, uint64_t off, unsigned size)
{
    (void)opaque;
    (void)off;
    (void)size;
    return 0;
}

static void st_write(void *opaque, uint64_t off, uint64_t val, unsigned size)
{
    sifive_test *t = opaque;
    (void)size;
    if (off != 0)
        return;
    uint32_t status = (uint32_t)val & 0xffff, code = ((uint32_t)val >> 16) & 0xffff;
    switch (status) {
    case 0x3333:
        if (t->host->shutdown_request)
            t->host->shutdown_request(t->host_opaque, BOARD_SHUTDOWN_FAIL, (int)code);
        break;
    case 0x5555:
        if (t->host->shutdown_request)
            t->host->shutdown_request(t->host_opaque, BOARD_SHUTDOWN_POWEROFF, 0);
        break;
    case 0x7777:
        if (t->host->reset_request)
            t->host->reset_request(t->host_opaque);
        break;
    default:
        break;
    }
}

const mmio_ops sifive_test_ops = {st_read, st_write};
