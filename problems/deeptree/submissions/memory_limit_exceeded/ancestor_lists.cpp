// Stores every vertex's full list of ancestors: O(n * depth) ints, about 2 TB on a path of 10^6, far over 256 MiB.
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    cin >> n;
    vector<int> parent(n + 1, 0);
    vector<vector<int>> children(n + 1);
    for (int v = 2; v <= n; v++) {
        cin >> parent[v];
        children[parent[v]].push_back(v);
    }
    if (n % 2 == 1) {
        cout << -1 << '\n';
        return 0;
    }
    vector<vector<int>> ancestors(n + 1);
    vector<int> order = {1};
    for (size_t k = 0; k < order.size(); k++) {
        int v = order[k];
        for (int c : children[v]) {
            ancestors[c] = ancestors[v];
            ancestors[c].push_back(v);
            order.push_back(c);
        }
    }
    vector<int> size(n + 1, 1);
    for (int v = 2; v <= n; v++)
        for (int u : ancestors[v]) size[u]++;
    int answer = 0;
    for (int v = 2; v <= n; v++) answer += size[v] % 2 == 0;
    cout << answer << '\n';
}
