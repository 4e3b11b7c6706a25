// getline per line (spaces kept), two pointers skipping non-alphanumerics, tolower on both sides.
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int t;
    cin >> t;
    string line;
    getline(cin, line);  // the rest of the first line
    while (t--) {
        getline(cin, line);
        int i = 0, j = (int)line.size() - 1;
        bool ok = true;
        while (i < j) {
            unsigned char a = line[i], b = line[j];
            if (!isalnum(a)) { i++; continue; }
            if (!isalnum(b)) { j--; continue; }
            if (tolower(a) != tolower(b)) { ok = false; break; }
            i++, j--;
        }
        cout << (ok ? "YES" : "NO") << '\n';
    }
}
