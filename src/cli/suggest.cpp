// "Did you mean …": the suggestions for a misspelt option or value. A misspelt command is
// app.cpp's (unknown_command), beside the command table it searches.
#include "app.hpp"

namespace cspr::cli {

std::string did_you_mean(std::string_view typed, const std::vector<std::string>& known) {
    // A slip: one edit (a swap of neighbours is one), two in a long word. Closer is not enough for
    // a short word: "ics" is two edits from "csv", and suggesting it would mislead.
    std::size_t best = 2 + typed.size() / 8;
    const std::string* nearest = nullptr;
    for (const auto& name : known)
        if (const std::size_t d = rules::edit_distance(typed, name); d < best) best = d, nearest = &name;
    return nearest ? "; did you mean '" + *nearest + "'?" : "";
}

std::pair<const CLI::App*, std::string> parsed_command(const CLI::App& root) {
    const CLI::App* at = &root;
    std::string name;
    while (!at->get_subcommands().empty()) {
        at = at->get_subcommands().front();
        name += (name.empty() ? "" : " ") + at->get_name();
    }
    return {at, name};
}

namespace {

// Every long option name that `app` or a command above it accepts (global options fall through).
std::vector<std::string> long_names(const CLI::App* app) {
    std::vector<std::string> names;
    for (; app != nullptr; app = app->get_parent())
        for (const CLI::Option* o : app->get_options())
            for (const auto& n : o->get_lnames()) names.push_back("--" + n);
    return names;
}

}  // namespace

std::optional<std::string> unknown_option(const CLI::App& root, const std::vector<std::string>& args) {
    const auto [app, name] = parsed_command(root);
    const auto known = long_names(app);
    for (const std::string& arg : args) {
        if (arg == "--") break;
        if (!arg.starts_with("--")) continue;
        const std::string option = arg.substr(0, arg.find('='));
        if (std::find(known.begin(), known.end(), option) != known.end()) continue;
        const std::string where = name.empty() ? "cspr" : name;
        const std::string hint = did_you_mean(option, known);
        return "unknown option '" + option + "' for " + where +
               (hint.empty() ? "; see 'cspr " + (name.empty() ? "" : name + " ") + "--help'" : hint);
    }
    return std::nullopt;
}

namespace {

// The option names CLI11 knows `name` (--sent) by in the parsed command or above it; empty when none.
std::vector<std::string> names_of(const CLI::App& root, const std::string& name) {
    for (const CLI::App* app = parsed_command(root).first; app != nullptr; app = app->get_parent())
        for (const CLI::Option* o : app->get_options()) {
            std::vector<std::string> names;
            for (const auto& n : o->get_lnames()) names.push_back("--" + n);
            if (std::find(names.begin(), names.end(), name) != names.end()) return names;
        }
    return {};
}

}  // namespace

std::string option_as_typed(const CLI::App& root, const std::vector<std::string>& args, const std::string& field) {
    if (!field.starts_with("--")) return field;
    const std::size_t end = std::min(field.find(' '), field.size());
    const auto names = names_of(root, field.substr(0, end));
    for (const std::string& arg : args) {
        if (arg == "--") break;
        const std::string typed = arg.substr(0, arg.find('='));
        if (std::find(names.begin(), names.end(), typed) != names.end()) return typed + field.substr(end);
    }
    return field;
}

}  // namespace cspr::cli
