/* Sorts (value, position) pairs and walks two pointers inward: O(n log n). */
#include <stdio.h>
#include <stdlib.h>

typedef struct { long long v; int i; } Item;

static int cmp(const void *a, const void *b) {
    const Item *x = a, *y = b;
    return (x->v > y->v) - (x->v < y->v);
}

int main(void) {
    int n;
    long long s;
    if (scanf("%d %lld", &n, &s) != 2) return 1;
    Item *a = malloc(sizeof(Item) * n);
    for (int k = 0; k < n; k++) {
        if (scanf("%lld", &a[k].v) != 1) return 1;
        a[k].i = k + 1;
    }
    qsort(a, n, sizeof(Item), cmp);
    int lo = 0, hi = n - 1;
    while (lo < hi) {
        long long sum = a[lo].v + a[hi].v;
        if (sum == s) {
            int i = a[lo].i, j = a[hi].i;
            printf("%d %d\n", i < j ? i : j, i < j ? j : i);
            return 0;
        }
        if (sum < s) lo++; else hi--;
    }
    printf("-1\n");
    return 0;
}
