/* Sums the segment lengths in double precision and prints 9 decimals: within 1e-6 in both groups. */
#include <math.h>
#include <stdio.h>

int main(void) {
    int n;
    if (scanf("%d", &n) != 1) return 1;
    long long px, py, x, y;
    double total = 0;
    scanf("%lld %lld", &px, &py);
    for (int i = 1; i < n; i++) {
        scanf("%lld %lld", &x, &y);
        double dx = (double)(x - px), dy = (double)(y - py);
        total += sqrt(dx * dx + dy * dy);
        px = x, py = y;
    }
    printf("%.9f\n", total);
    return 0;
}
