#include <stdio.h>

/* 32-bit sum: overflows on the largest tests. */
int main(void) {
    int a, b;
    scanf("%d %d", &a, &b);
    printf("%d\n", a + b);
    return 0;
}
