// std::hypot per segment, double accumulator, fixed with 9 decimals.
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    cin >> n;
    vector<pair<double, double>> p(n);
    for (auto& [x, y] : p) cin >> x >> y;
    double total = 0;
    for (int i = 1; i < n; i++) total += hypot(p[i].first - p[i - 1].first, p[i].second - p[i - 1].second);
    cout << fixed << setprecision(9) << total << '\n';
}
