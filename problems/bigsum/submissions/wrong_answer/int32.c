/* 32-bit accumulator: overflows as soon as the sum passes 2^31 - 1. */
#include <stdio.h>

int main(void) {
    int n;
    if (scanf("%d", &n) != 1) return 1;
    int sum = 0;
    long long x;
    for (int i = 0; i < n; i++) {
        scanf("%lld", &x);
        sum += (int)x;
    }
    printf("%d\n", sum);
    return 0;
}
