/* scanf("%lld") into a 64-bit accumulator: the C library reader is fast enough for 15 MB. */
#include <stdio.h>

int main(void) {
    int n;
    if (scanf("%d", &n) != 1) return 1;
    long long sum = 0, x;
    for (int i = 0; i < n; i++) {
        if (scanf("%lld", &x) != 1) return 1;
        sum += x;
    }
    printf("%lld\n", sum);
    return 0;
}
