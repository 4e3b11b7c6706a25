/* Missing final newline: trailing whitespace is compared under space_change_sensitive. */
#include <stdio.h>

int main(void) {
    printf("Hello, World!");
    return 0;
}
