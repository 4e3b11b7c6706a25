/* Prints 0-based positions: off by one everywhere (and 0 is out of range). */
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    int n;
    long long s;
    if (scanf("%d %lld", &n, &s) != 2) return 1;
    long long *a = malloc(sizeof(long long) * n);
    for (int k = 0; k < n; k++) scanf("%lld", &a[k]);
    /* quadratic but only on small inputs: the first sample already fails */
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++)
            if (a[i] + a[j] == s) {
                printf("%d %d\n", i, j);
                return 0;
            }
    printf("-1\n");
    return 0;
}
