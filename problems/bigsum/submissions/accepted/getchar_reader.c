/* Hand-written integer parser over a 64 KiB fread buffer: the fastest way to read 14 MB. */
#include <stdio.h>

static char buf[1 << 16];
static size_t len = 0, pos = 0;

static int next_char(void) {
    if (pos == len) {
        len = fread(buf, 1, sizeof buf, stdin);
        pos = 0;
        if (len == 0) return -1;
    }
    return buf[pos++];
}

static long long read_int(void) {
    int c = next_char();
    while (c == ' ' || c == '\n' || c == '\r' || c == '\t') c = next_char();
    int neg = 0;
    if (c == '-') {
        neg = 1;
        c = next_char();
    }
    long long v = 0;
    while (c >= '0' && c <= '9') {
        v = v * 10 + (c - '0');
        c = next_char();
    }
    return neg ? -v : v;
}

int main(void) {
    long long n = read_int(), sum = 0;
    for (long long i = 0; i < n; i++) sum += read_int();
    printf("%lld\n", sum);
    return 0;
}
