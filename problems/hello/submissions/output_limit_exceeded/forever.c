/* Prints the greeting in an endless loop: the output passes the 8 MiB output limit. */
#include <stdio.h>

int main(void) {
    for (;;) puts("Hello, World!");
}
