// The terminal: its width, for tables, and the pager. Long output on a terminal goes through $PAGER,
// as git's does. The command's output is gathered first (cspr is fast), then handed over; errors
// still go straight to stderr.
#include <signal.h>
#include <sys/ioctl.h>
#include <stdio.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>

#include "cspr/cli.hpp"

namespace cspr::cli {

std::size_t terminal_columns() {
    if (const char* columns = std::getenv("COLUMNS")) {
        char* end = nullptr;
        const long n = std::strtol(columns, &end, 10);
        if (end != columns && *end == '\0' && n > 0 && n < 100000) return static_cast<std::size_t>(n);
    }
    winsize size{};
    if (::isatty(STDOUT_FILENO) == 1 && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0)
        return size.ws_col;
    return 0;
}

std::optional<std::string> pager_for(const std::vector<std::string>& args) {
    if (::isatty(STDOUT_FILENO) != 1 || ::isatty(STDIN_FILENO) != 1) return std::nullopt;
    if (std::find(args.begin(), args.end(), "--no-pager") != args.end()) return std::nullopt;
    const char* pager = std::getenv("PAGER");
    const std::string command = pager ? pager : "less -FRX";
    if (command.find_first_not_of(" \t") == std::string::npos || command == "cat") return std::nullopt;
    return command;
}

void page(const std::string& text, const std::string& pager) {
    // less reads LESS from the environment; -R keeps the colour of deadlines' table.
    ::setenv("LESS", "FRX", 0);
    ::signal(SIGPIPE, SIG_IGN);  // the reader may quit the pager before the end
    FILE* pipe = ::popen(pager.c_str(), "w");
    if (pipe == nullptr) {
        std::cout << text << std::flush;
        return;
    }
    ::fwrite(text.data(), 1, text.size(), pipe);
    ::pclose(pipe);
}

}  // namespace cspr::cli
