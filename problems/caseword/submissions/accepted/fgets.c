/* fgets into a buffer sized for the longest line (10^5 chars + newline + NUL), then two pointers. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

static char line[100005];

int main(void) {
    int t;
    if (!fgets(line, sizeof line, stdin) || sscanf(line, "%d", &t) != 1) return 1;
    while (t--) {
        if (!fgets(line, sizeof line, stdin)) line[0] = '\0';
        int i = 0, j = (int)strcspn(line, "\r\n") - 1, ok = 1;
        while (i < j) {
            unsigned char a = line[i], b = line[j];
            if (!isalnum(a)) { i++; continue; }
            if (!isalnum(b)) { j--; continue; }
            if (tolower(a) != tolower(b)) { ok = 0; break; }
            i++, j--;
        }
        puts(ok ? "YES" : "NO");
    }
    return 0;
}
