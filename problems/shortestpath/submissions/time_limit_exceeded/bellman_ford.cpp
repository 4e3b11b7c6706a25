// Bellman-Ford with early exit: the long path listed from its far end needs n - 1 rounds over all roads, 5*10^9 relaxations.
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n, m;
    cin >> n >> m;
    vector<int> u(m), v(m);
    vector<long long> w(m);
    for (int i = 0; i < m; i++) cin >> u[i] >> v[i] >> w[i];
    const long long INF = LLONG_MAX / 4;
    vector<long long> dist(n + 1, INF);
    dist[1] = 0;
    for (int round = 1; round < n; round++) {
        bool changed = false;
        for (int i = 0; i < m; i++) {
            if (dist[u[i]] + w[i] < dist[v[i]]) dist[v[i]] = dist[u[i]] + w[i], changed = true;
            if (dist[v[i]] + w[i] < dist[u[i]]) dist[u[i]] = dist[v[i]] + w[i], changed = true;
        }
        if (!changed) break;
    }
    for (int k = 1; k <= n; k++) cout << (dist[k] == INF ? -1 : dist[k]) << (k == n ? '\n' : ' ');
}
