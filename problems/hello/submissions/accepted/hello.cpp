// Prints the exact greeting and a newline with iostream; the input is never read.
#include <iostream>

int main() {
    std::cout << "Hello, World!\n";
}
