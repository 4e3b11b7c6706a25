/* Too few decimals: %.2f gives 3.14 for r = 1, an error of 1.6e-3, far above 1e-6. */
#include <math.h>
#include <stdio.h>

int main(void) {
    double r;
    if (scanf("%lf", &r) != 1) return 1;
    printf("%.2f\n", acos(-1.0) * r * r);
    return 0;
}
