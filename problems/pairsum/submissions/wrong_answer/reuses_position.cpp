// Inserts a_j before looking up S - a_j, so S/2 pairs with itself: prints "j j" on the half traps.
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    long long s;
    cin >> n >> s;
    unordered_map<long long, int> pos;
    for (int j = 1; j <= n; j++) {
        long long x;
        cin >> x;
        pos.emplace(x, j);
        auto it = pos.find(s - x);
        if (it != pos.end()) {
            cout << it->second << ' ' << j << '\n';
            return 0;
        }
    }
    cout << -1 << '\n';
}
