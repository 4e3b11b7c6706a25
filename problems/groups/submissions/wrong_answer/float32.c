/* Single-precision float accumulator: fine for group 1's short walks (1e-3) but drifts past 1e-6 on group 2's 5*10^4 steps. */
#include <math.h>
#include <stdio.h>

int main(void) {
    int n;
    if (scanf("%d", &n) != 1) return 1;
    float px, py, x, y, total = 0;
    scanf("%f %f", &px, &py);
    for (int i = 1; i < n; i++) {
        scanf("%f %f", &x, &y);
        total += sqrtf((x - px) * (x - px) + (y - py) * (y - py));
        px = x, py = y;
    }
    printf("%.9f\n", total);
    return 0;
}
