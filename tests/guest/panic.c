/* Raises a guest panic through the emu test device (code 42). Only for emu. */
#include "guest.h"

int main(void)
{
    puts_("panicking\n");
    *(volatile uint32_t *)(0x102000UL + 4) = 42;
    for (;;)
        ;
}
