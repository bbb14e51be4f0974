// cspr help [COMMAND...]: a command's --help, as `git help` gives a command's page; without a
// command, the top-level help.
#include <memory>

#include "app.hpp"

namespace cspr::cli {

namespace {

void run_help(Context& ctx, const CLI::App& help, const std::vector<std::string>& words) {
    const CLI::App* at = help.get_parent();
    std::span<const Command> rows = commands();
    std::string path, usage = at->get_name();  // CLI11's usage line names the command from its path
    for (const auto& word : words) {
        const auto row = std::find_if(rows.begin(), rows.end(), [&](const Command& c) { return c.name == word; });
        if (row == rows.end()) throw Error(unknown_command(word, path, rows), {.field = "COMMAND"});
        path += (path.empty() ? "" : " ") + word;
        usage += " " + word;
        at = at->get_subcommand(word);
        rows = subcommands_of(*row);
    }
    // Not at->help(): the root's would give the help of the command running, `help` itself.
    ctx.out << at->get_formatter()->make_help(at, usage, CLI::AppFormatMode::Normal);
}

}  // namespace

void setup_help(CLI::App& sub, Context& ctx) {
    auto words = std::make_shared<std::vector<std::string>>();
    sub.add_option("COMMAND", *words, "The command, and the nested command if any (calendar add)");
    add_examples(sub, R"(  cspr help
  cspr help deadlines
  cspr help calendar add

The same text as 'cspr COMMAND --help'. 'man cspr' (once installed) describes every command, and
'man 5 cspr-files' the case files and cspr.yaml.)");
    sub.callback([&ctx, &sub, words] { run_help(ctx, sub, *words); });
}

}  // namespace cspr::cli
