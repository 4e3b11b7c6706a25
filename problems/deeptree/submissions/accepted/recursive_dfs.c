/* Recursive DFS over child linked lists: depth 10^6 is fine with the 64 MiB stack. */
#include <stdio.h>
#include <stdlib.h>

static int *head, *nxt;
static int answer = 0;

static int dfs(int v) {
    int size = 1;
    for (int c = head[v]; c != 0; c = nxt[c]) size += dfs(c);
    if (v != 1 && size % 2 == 0) answer++;
    return size;
}

int main(void) {
    int n;
    if (scanf("%d", &n) != 1) return 1;
    head = calloc(n + 1, sizeof(int));
    nxt = calloc(n + 1, sizeof(int));
    for (int v = 2; v <= n; v++) {
        int p;
        if (scanf("%d", &p) != 1) return 1;
        nxt[v] = head[p];
        head[p] = v;
    }
    if (n % 2 == 1) {
        printf("-1\n");
        return 0;
    }
    dfs(1);
    printf("%d\n", answer);
    return 0;
}
