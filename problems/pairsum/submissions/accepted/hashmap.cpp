// One pass with a hash map from value to its first position: O(n) expected.
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    long long s;
    cin >> n >> s;
    unordered_map<long long, int> pos;
    pos.reserve(2 * n);
    for (int j = 1; j <= n; j++) {
        long long x;
        cin >> x;
        auto it = pos.find(s - x);
        if (it != pos.end()) {
            cout << it->second << ' ' << j << '\n';
            return 0;
        }
        pos.emplace(x, j);
    }
    cout << -1 << '\n';
}
