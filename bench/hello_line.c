/* hello_line: the reference for the spawn-to-greeting benchmark.
 *
 * Prints one line shaped like a QMP greeting (ending in \r\n) and then waits for stdin to close,
 * like a monitor would. It is the fastest a process can start and say something; it must never
 * do any other work (no allocation, no extra reads or writes) so that it stays a floor.
 */
#include <unistd.h>

static const char greeting[] = "{\"QMP\": {\"version\": {\"qemu\": {\"micro\": 0, \"minor\": 2, "
                               "\"major\": 7}, \"package\": \"\"}, \"capabilities\": []}}\r\n";

int main(void)
{
    const char *p = greeting;
    size_t left = sizeof(greeting) - 1;
    while (left > 0) {
        ssize_t n = write(STDOUT_FILENO, p, left);
        if (n <= 0)
            return 1;
        p += n;
        left -= (size_t)n;
    }
    char buf[256];
    while (read(STDIN_FILENO, buf, sizeof(buf)) > 0) {
    }
    return 0;
}
