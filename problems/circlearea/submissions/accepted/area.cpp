// pi = acos(-1) in double, printed fixed with 10 decimals.
#include <bits/stdc++.h>
using namespace std;

int main() {
    double r;
    cin >> r;
    cout << fixed << setprecision(10) << acos(-1.0) * r * r << '\n';
}
