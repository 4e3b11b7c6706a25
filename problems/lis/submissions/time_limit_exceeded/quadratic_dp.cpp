// Classic O(n^2) DP (best[i] = 1 + max best[j] over j < i with a[j] < a[i]): 2*10^10 steps at n = 2*10^5.
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    cin >> n;
    vector<int> a(n), best(n, 1);
    for (auto& x : a) cin >> x;
    int answer = 0;
    for (int i = 0; i < n; i++) {
        for (int j = 0; j < i; j++)
            if (a[j] < a[i] && best[j] + 1 > best[i]) best[i] = best[j] + 1;
        answer = max(answer, best[i]);
    }
    cout << answer << '\n';
}
