/* Dijkstra with a hand-written binary heap over (distance, vertex) and CSR adjacency arrays. */
#include <stdio.h>
#include <stdlib.h>

typedef struct { long long d; int v; } Item;
static Item *heap;
static int hsize = 0;

static void push(long long d, int v) {
    int i = hsize++;
    while (i > 0) {
        int p = (i - 1) / 2;
        if (heap[p].d <= d) break;
        heap[i] = heap[p];
        i = p;
    }
    heap[i].d = d;
    heap[i].v = v;
}

static Item pop(void) {
    Item top = heap[0], last = heap[--hsize];
    int i = 0;
    for (;;) {
        int c = 2 * i + 1;
        if (c >= hsize) break;
        if (c + 1 < hsize && heap[c + 1].d < heap[c].d) c++;
        if (heap[c].d >= last.d) break;
        heap[i] = heap[c];
        i = c;
    }
    heap[i] = last;
    return top;
}

int main(void) {
    int n, m;
    if (scanf("%d %d", &n, &m) != 2) return 1;
    int *eu = malloc(sizeof(int) * (m + 1)), *ev = malloc(sizeof(int) * (m + 1));
    long long *ew = malloc(sizeof(long long) * (m + 1));
    int *start = calloc(n + 2, sizeof(int));
    for (int i = 0; i < m; i++) {
        scanf("%d %d %lld", &eu[i], &ev[i], &ew[i]);
        start[eu[i]]++;
        start[ev[i]]++;
    }
    for (int k = 1; k <= n + 1; k++) start[k] += start[k - 1];
    int *to = malloc(sizeof(int) * (2 * m + 1));
    long long *wt = malloc(sizeof(long long) * (2 * m + 1));
    for (int i = 0; i < m; i++) {
        int a = --start[eu[i]];
        to[a] = ev[i], wt[a] = ew[i];
        int b = --start[ev[i]];
        to[b] = eu[i], wt[b] = ew[i];
    }
    long long *dist = malloc(sizeof(long long) * (n + 1));
    for (int k = 0; k <= n; k++) dist[k] = -1;
    heap = malloc(sizeof(Item) * (2 * m + 2));
    push(0, 1);
    while (hsize > 0) {
        Item it = pop();
        if (dist[it.v] != -1) continue;
        dist[it.v] = it.d;
        for (int e = start[it.v]; e < start[it.v + 1]; e++)
            if (dist[to[e]] == -1) push(it.d + wt[e], to[e]);
    }
    for (int k = 1; k <= n; k++) printf("%lld%c", dist[k], k == n ? '\n' : ' ');
    return 0;
}
