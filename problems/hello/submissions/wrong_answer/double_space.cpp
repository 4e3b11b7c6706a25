// Two spaces between the words: the problem is space_change_sensitive, so this is rejected.
#include <cstdio>

int main() {
    std::printf("Hello,  World!\n");
}
