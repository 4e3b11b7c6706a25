// Adds 1 to every ancestor of every vertex by walking up to the root: O(n * depth) = 5*10^11 steps on a path.
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
    for (int v = 2; v <= n; v++)
        for (int u = parent[v]; u != 0; u = parent[u]) size[u]++;
    int answer = 0;
    for (int v = 2; v <= n; v++) answer += size[v] % 2 == 0;
    cout << answer << '\n';
}
