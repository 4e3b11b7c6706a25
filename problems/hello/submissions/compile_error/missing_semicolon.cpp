// Missing semicolon after the statement: does not compile.
#include <iostream>

int main() {
    std::cout << "Hello, World!\n"
}
