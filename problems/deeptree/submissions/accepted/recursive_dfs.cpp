// Recursive DFS computing subtree sizes: 10^6 nested calls fit in the 64 MiB stack.
#include <bits/stdc++.h>
using namespace std;

vector<int> head, nxt;
int answer = 0;

int dfs(int v) {
    int size = 1;
    for (int c = head[v]; c != 0; c = nxt[c]) size += dfs(c);
    if (v != 1 && size % 2 == 0) answer++;
    return size;
}

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    cin >> n;
    head.assign(n + 1, 0);
    nxt.assign(n + 1, 0);
    for (int v = 2; v <= n; v++) {
        int p;
        cin >> p;
        nxt[v] = head[p];
        head[p] = v;
    }
    if (n % 2 == 1) {
        cout << -1 << '\n';
        return 0;
    }
    dfs(1);
    cout << answer << '\n';
}
