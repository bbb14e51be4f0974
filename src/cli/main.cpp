#include <iostream>

#include "cspr/cli.hpp"

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    return cspr::cli::run(args, std::cout, std::cerr, cspr::cli::process_environment());
}
