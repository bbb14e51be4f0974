// Shared by the subcommand files: the context a command runs in and the table of commands.
#pragma once

#include <CLI/CLI.hpp>

#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>

#include "cspr/calendar.hpp"
#include "cspr/cli.hpp"
#include "cspr/error.hpp"
#include "cspr/store.hpp"

namespace cspr::cli {

// Options that every subcommand accepts, before or after its name.
struct GlobalOptions {
    std::optional<std::string> cases;
    std::optional<std::string> as_of;
    std::optional<std::string> format;
};

struct Context {
    std::ostream& out;
    std::ostream& err;
    const Environment& env;
    GlobalOptions global;
    int exit_code = kExitOk;

    // --as-of, else today in London.
    calendar::Date today() const;
    // The case folder if one is given or found; nullopt otherwise.
    std::optional<store::fs::path> case_folder() const;
    // The case folder, or an error saying how to name one.
    store::fs::path require_case_folder() const;
    // The calendar of `region` with any imported feed applied.
    calendar::Calendar calendar(calendar::Region region) const;
    // --format, checked against what this command can print.
    std::string format(std::initializer_list<std::string_view> allowed) const;
};

// One row per subcommand, like git's commands[] and ninja's kTools[]: the single place a command is
// named. `setup` declares its options on `sub` and sets the callback that runs it.
struct Command {
    std::string_view name;
    std::string_view summary;
    void (*setup)(CLI::App& sub, Context& ctx);
};
std::span<const Command> commands();

void setup_calendar(CLI::App& sub, Context& ctx);

// Adds "Examples:" to a command's --help.
void add_examples(CLI::App& sub, std::string_view examples);

}  // namespace cspr::cli
