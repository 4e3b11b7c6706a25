/* Prints the exact greeting with puts, which appends the single newline. */
#include <stdio.h>

int main(void) {
    puts("Hello, World!");
    return 0;
}
