// Output validator for "Pair Sum" (Kattis legacy interface):
//   validator <input_file> <answer_file> <feedback_dir> [args] < contestant_output
// Exit 42: accepted, 43: wrong answer, anything else: judge error (broken input or answer).
// The contestant may print any pair i < j with a_i + a_j = S; `-1` is right only when the
// judges' answer says that no pair exists. Self-contained C++20: C stdio, no exceptions.
#include <cctype>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

constexpr int AC = 42;
constexpr int WA = 43;
constexpr int JUDGE_ERROR = 1;

std::string feedback_dir;

void message(const char* fmt, va_list ap) {
    std::string path = feedback_dir + "/judgemessage.txt";
    if (FILE* f = std::fopen(path.c_str(), "a")) {
        std::vfprintf(f, fmt, ap);
        std::fputc('\n', f);
        std::fclose(f);
    }
}

[[noreturn]] void verdict(int code, const char* fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    message(fmt, ap);
    va_end(ap);
    if (code != AC && code != WA) {
        va_start(ap, fmt);
        std::vfprintf(stderr, fmt, ap);
        std::fputc('\n', stderr);
        va_end(ap);
    }
    std::exit(code);
}

// Whitespace-separated tokens of a stream, read lazily.
struct Tokens {
    FILE* f;
    bool next(std::string& tok, size_t max_len = 64) {
        tok.clear();
        int c;
        while ((c = std::fgetc(f)) != EOF && std::isspace(c)) {
        }
        if (c == EOF) return false;
        do {
            if (tok.size() < max_len) tok.push_back(static_cast<char>(c));
        } while ((c = std::fgetc(f)) != EOF && !std::isspace(c));
        return true;
    }
};

// A strict decimal integer: optional '-', 1 to 18 digits, no leading '+', no other characters.
bool parse_int(const std::string& s, long long& out) {
    size_t i = 0;
    bool neg = false;
    if (i < s.size() && s[i] == '-') {
        neg = true;
        ++i;
    }
    if (i == s.size() || s.size() - i > 18) return false;
    long long v = 0;
    for (; i < s.size(); ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
        v = v * 10 + (s[i] - '0');
    }
    out = neg ? -v : v;
    return true;
}

bool read_int(Tokens& in, long long& out) {
    std::string tok;
    return in.next(tok) && parse_int(tok, out);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 4) {
        std::fprintf(stderr, "usage: %s input answer feedback_dir < output\n", argv[0]);
        return JUDGE_ERROR;
    }
    feedback_dir = argv[3];
    FILE* input = std::fopen(argv[1], "r");
    FILE* answer = std::fopen(argv[2], "r");
    if (!input || !answer) verdict(JUDGE_ERROR, "cannot open the input or answer file");

    // The input: n, S, then the n values.
    Tokens in{input};
    long long n = 0, s = 0;
    if (!read_int(in, n) || !read_int(in, s) || n < 1)
        verdict(JUDGE_ERROR, "malformed input header");
    std::vector<long long> a(static_cast<size_t>(n));
    for (auto& x : a)
        if (!read_int(in, x)) verdict(JUDGE_ERROR, "malformed input values");

    // The judges' answer: `-1` or a pair. Only whether a pair exists matters.
    Tokens ans{answer};
    long long first = 0;
    if (!read_int(ans, first)) verdict(JUDGE_ERROR, "malformed answer file");
    const bool judges_have_pair = first != -1;

    // The contestant's output: `-1`, or `i j`, and nothing after it.
    Tokens out{stdin};
    std::string tok;
    if (!out.next(tok)) verdict(WA, "empty output");
    long long i = 0;
    if (!parse_int(tok, i)) verdict(WA, "expected an integer, got `%s`", tok.c_str());
    if (i == -1) {
        if (out.next(tok)) verdict(WA, "trailing output after -1: `%s`", tok.c_str());
        if (judges_have_pair) verdict(WA, "printed -1 but a pair exists");
        verdict(AC, "correctly found that there is no pair");
    }
    if (!out.next(tok)) verdict(WA, "expected two positions, got only one");
    long long j = 0;
    if (!parse_int(tok, j)) verdict(WA, "expected an integer, got `%s`", tok.c_str());
    if (out.next(tok)) verdict(WA, "trailing output after the pair: `%s`", tok.c_str());
    if (i < 1 || i > n || j < 1 || j > n)
        verdict(WA, "position out of range: %lld %lld (n = %lld)", i, j, n);
    if (i >= j) verdict(WA, "positions must satisfy i < j, got %lld %lld", i, j);
    const long long sum = a[i - 1] + a[j - 1];
    if (sum != s)
        verdict(WA, "a_%lld + a_%lld = %lld + %lld = %lld, not %lld", i, j, a[i - 1], a[j - 1],
                sum, s);
    if (!judges_have_pair)
        verdict(JUDGE_ERROR, "the contestant found a valid pair %lld %lld but the answer file "
                             "says there is none", i, j);
    verdict(AC, "valid pair");
}
