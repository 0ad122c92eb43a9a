/* Echoes serial input upper-cased, polling the UART's line status, until a '.' arrives; then
 * powers off. Only for emu's process tests (serial input from -serial stdio). It must never
 * print anything but its two lines and the echo: the test compares the bytes. */
#include "guest.h"

int main(void)
{
    puts_("echo ready\n");
    for (;;) {
        while (!(UART0[5] & 0x01))
            ;
        char c = (char)UART0[0];
        if (c == '.')
            break;
        putc_(c >= 'a' && c <= 'z' ? (char)(c - 32) : c);
    }
    puts_("echo done\n");
    guest_exit(0);
}
