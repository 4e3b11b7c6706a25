// Reads into double and sums: 53-bit mantissa, wrong once partial sums pass 2^53 (and prints 1e+17-style).
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    cin >> n;
    double sum = 0, x;
    for (int i = 0; i < n; i++) {
        cin >> x;
        sum += x;
    }
    cout << fixed << setprecision(0) << sum << '\n';
}
