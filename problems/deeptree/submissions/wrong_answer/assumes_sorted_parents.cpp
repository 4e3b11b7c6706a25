// Assumes p_i < i and adds sizes up in decreasing label order: wrong when a parent has a larger label.
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    cin >> n;
    vector<int> parent(n + 1, 0), size(n + 1, 1);
    for (int v = 2; v <= n; v++) cin >> parent[v];
    if (n % 2 == 1) {
        cout << -1 << '\n';
        return 0;
    }
    int answer = 0;
    for (int v = n; v >= 2; v--) {
        if (size[v] % 2 == 0) answer++;
        size[parent[v]] += size[v];
    }
    cout << answer << '\n';
}
