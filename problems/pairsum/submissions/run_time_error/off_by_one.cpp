// Loops j = 0..n inclusive with vector::at: at(n) aborts (no exceptions) when no pair is found early.
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    long long s;
    cin >> n >> s;
    vector<long long> a(n);
    for (auto& x : a) cin >> x;
    unordered_map<long long, int> pos;
    for (int j = 0; j <= n; j++) {
        auto it = pos.find(s - a.at(j));
        if (it != pos.end()) {
            cout << it->second + 1 << ' ' << j + 1 << '\n';
            return 0;
        }
        pos.emplace(a.at(j), j);
    }
    cout << -1 << '\n';
}
