// Compares characters without tolower: `Racecar` and `Abba` come out NO.
#include <bits/stdc++.h>
using namespace std;

int main() {
    int t;
    cin >> t;
    string line;
    getline(cin, line);
    while (t--) {
        getline(cin, line);
        string s;
        for (char c : line)
            if (isalnum((unsigned char)c)) s += c;
        cout << (s == string(s.rbegin(), s.rend()) ? "YES" : "NO") << '\n';
    }
}
