// The command line: one entry point, so that tests can run cspr in-process with a fixed "now".
#pragma once

#include <chrono>
#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace cspr::cli {

// What cspr takes from its surroundings, gathered in one place so that tests can fix it.
struct Environment {
    std::filesystem::path cwd;
    std::optional<std::string> cases_env;  // $CSPR_CASES
    std::chrono::system_clock::time_point now;
    bool colour = false;  // stdout is a terminal and NO_COLOR is unset
    // The width tables fit: $COLUMNS when set, else the terminal's when stdout is one; 0 (no limit)
    // when output goes to a pipe or file, so that grep and awk see one line per row.
    std::size_t columns = 0;
};

Environment process_environment();
// The width of the terminal for tables, as described at Environment::columns.
std::size_t terminal_columns();

// The pager to send standard output through, as git does: on a terminal (stdin and stdout), unless
// --no-pager is among `args`; $PAGER, else "less -FRX" (which quits at once when the output fits
// the screen, and keeps colour); none when $PAGER is empty or "cat".
std::optional<std::string> pager_for(const std::vector<std::string>& args);
// Writes `text` through `pager` (a shell command); straight to stdout when it cannot start.
void page(const std::string& text, const std::string& pager);

// Runs `cspr args...` (args excludes the program name) and returns the exit code: 0 success,
// 1 the answer is "no", 2 usage or data error. Errors are printed to `err` as one line.
int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err, const Environment& env);

}  // namespace cspr::cli
