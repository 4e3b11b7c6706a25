// Tries all pairs: O(n^2) = 2*10^10 checks on the max tests without an early pair (far over 1 s).
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
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++)
            if (a[i] + a[j] == s) {
                cout << i + 1 << ' ' << j + 1 << '\n';
                return 0;
            }
    cout << -1 << '\n';
}
