#include <sys/prctl.h>
#include <sys/resource.h>

#include <iostream>
#include <sstream>

#include "cspr/cli.hpp"

namespace {

// A core dump holds what the process had read (a child's name among it) and lands where
// core_pattern says, often the case folder, where `git add -A` would commit it. cspr never leaves
// one: no core file (RLIMIT_CORE 0), and not dumpable, which also covers a core_pattern that pipes to
// a program (that ignores RLIMIT_CORE) and keeps other processes of the user from reading its memory.
void no_core_dumps() {
    const rlimit none{0, 0};
    ::setrlimit(RLIMIT_CORE, &none);
    ::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
}

}  // namespace

int main(int argc, char** argv) {
    no_core_dumps();
    const std::vector<std::string> args(argv + 1, argv + argc);
    const auto pager = cspr::cli::pager_for(args);
    auto env = cspr::cli::process_environment();
    env.columns = cspr::cli::terminal_columns();
    if (!pager) return cspr::cli::run(args, std::cout, std::cerr, env);
    std::ostringstream out;
    const int code = cspr::cli::run(args, out, std::cerr, env);
    cspr::cli::page(out.str(), *pager);
    return code;
}
