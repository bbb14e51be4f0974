// Shell completions for bash, zsh and fish, made at build time from the same CLI11 tree that parses
// the command line: every visible command and nested command, each command's options, the global
// options, and the formats a command offers for --format.
#include "completions.hpp"

#include <sstream>

namespace cspr::cli {

namespace {

// A command as the completions see it: its words ("calendar add"), summary, options, formats.
struct Entry {
    std::string path;
    std::string summary;
    std::vector<std::string> options;
    std::vector<std::string> children;  // nested command names
    std::vector<std::string_view> formats;
};

void collect(const CLI::App& app, std::span<const Command> rows, const std::string& path, std::vector<Entry>& out) {
    for (const Command& row : rows) {
        if (row.summary.empty()) continue;  // developers' tools stay out, as from --help
        const CLI::App* sub = app.get_subcommand(std::string(row.name));
        Entry e{path.empty() ? std::string(row.name) : path + " " + std::string(row.name), std::string(row.summary)};
        for (const CLI::Option* o : sub->get_options())
            if (o->get_name().starts_with("--")) e.options.push_back(o->get_name());
        for (const Command& nested : subcommands_of(row))
            if (!nested.summary.empty()) e.children.emplace_back(nested.name);
        const auto formats = row.formats.list();
        e.formats.assign(formats.begin(), formats.end());
        out.push_back(e);
        collect(*sub, subcommands_of(row), e.path, out);
    }
}

std::vector<Entry> entries(const CLI::App& root) {
    std::vector<Entry> out;
    Entry top{"", "", {}, {}, {}};
    for (const Command& row : commands())
        if (!row.summary.empty()) top.children.emplace_back(row.name);
    out.push_back(top);
    collect(root, commands(), "", out);
    return out;
}

std::vector<std::string> global_options(const CLI::App& root) {
    std::vector<std::string> out;
    for (const CLI::Option* o : root.get_options())
        if (o->get_name().starts_with("--")) out.push_back(o->get_name());
    return out;
}

// Options that take a value, anywhere: the word after one is its value, never a command.
std::string valued_options(const CLI::App& app) {
    std::string out;
    for (const CLI::Option* o : app.get_options())
        if (o->get_name().starts_with("--") && o->get_expected_min() > 0) out += " " + o->get_name();
    for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) out += valued_options(*sub);
    return out;
}

std::string joined(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
    return out;
}

std::string joined(std::span<const std::string_view> words) {
    std::string out;
    for (auto w : words) out += (out.empty() ? "" : " ") + std::string(w);
    return out;
}

// The shell loop that finds the command words typed so far, skipping options and their values.
constexpr std::string_view kFindCommand = R"(    local i path="" skip=0
    for ((i = FIRST; i < LAST; i++)); do
        if ((skip)); then skip=0; continue; fi
        case "${WORDS[i]}" in
            --*=*) ;;
            -*) [[ " $valued " == *" ${WORDS[i]} "* ]] && skip=1 ;;
            *) [[ " $(_cspr_children "$path") " == *" ${WORDS[i]} "* ]] && path="${path:+$path }${WORDS[i]}" ;;
        esac
    done
)";

std::string find_command(std::string_view first, std::string_view last, std::string_view words) {
    std::string s(kFindCommand);
    for (auto [from, to] : {std::pair{std::string_view("FIRST"), first}, {"LAST", last}, {"WORDS", words}})
        for (auto at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
            s.replace(at, from.size(), to);
    return s;
}

// Shared by bash and zsh: the children and the options of each command path.
std::string shell_tables(const CLI::App& root, std::string_view prefix) {
    std::ostringstream out;
    out << prefix << "_children() {\n    case \"$1\" in\n";
    for (const Entry& e : entries(root))
        if (!e.children.empty()) out << "        \"" << e.path << "\") echo \"" << joined(e.children) << "\" ;;\n";
    out << "    esac\n}\n" << prefix << "_options() {\n    case \"$1\" in\n";
    for (const Entry& e : entries(root)) {
        out << "        \"" << e.path << "\") echo \"" << joined(e.options) << "\" ;;\n";
    }
    out << "    esac\n}\n" << prefix << "_formats() {\n    case \"$1\" in\n";
    for (const Entry& e : entries(root))
        if (!e.formats.empty()) out << "        \"" << e.path << "\") echo \"" << joined(e.formats) << "\" ;;\n";
    out << "    esac\n}\n";
    return out.str();
}

std::string bash(const CLI::App& root) {
    std::ostringstream out;
    out << "# bash completion for cspr; made by 'cspr dev-docs --completion bash' from the command table.\n"
        << shell_tables(root, "_cspr") << "_cspr() {\n"
        << "    local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"${COMP_WORDS[COMP_CWORD-1]}\"\n"
        << "    local valued=\"" << valued_options(root).substr(1) << "\"\n"
        << find_command("1", "COMP_CWORD", "COMP_WORDS")
        << "    if [[ $prev == --format ]]; then COMPREPLY=($(compgen -W \"$(_cspr_formats \"$path\")\" -- \"$cur\")); "
           "return; fi\n"
        << "    if [[ $prev == --cases ]]; then COMPREPLY=($(compgen -d -- \"$cur\")); return; fi\n"
        << "    if [[ $cur == -* ]]; then\n"
        << "        COMPREPLY=($(compgen -W \"$(_cspr_options \"$path\") " << joined(global_options(root))
        << " --help\" -- \"$cur\"))\n"
        << "    else\n        COMPREPLY=($(compgen -W \"$(_cspr_children \"$path\")\" -- \"$cur\"))\n    fi\n}\n"
        << "complete -F _cspr cspr\n";
    return out.str();
}

std::string zsh(const CLI::App& root) {
    std::ostringstream out;
    out << "#compdef cspr\n# zsh completion for cspr; made by 'cspr dev-docs --completion zsh' from the command "
           "table.\n"
        << shell_tables(root, "_cspr") << "_cspr() {\n"
        << "    local cur=\"${words[CURRENT]}\" prev=\"${words[CURRENT-1]}\"\n"
        << "    local valued=\"" << valued_options(root).substr(1) << "\"\n"
        << find_command("2", "CURRENT", "words")
        << "    if [[ $prev == --format ]]; then compadd -- ${=$(_cspr_formats \"$path\")}; return; fi\n"
        << "    if [[ $prev == --cases ]]; then _files -/; return; fi\n"
        << "    if [[ $cur == -* ]]; then\n"
        << "        compadd -- ${=$(_cspr_options \"$path\")} " << joined(global_options(root)) << " --help\n"
        << "    else\n        compadd -- ${=$(_cspr_children \"$path\")}\n    fi\n}\n"
        << "_cspr \"$@\"\n";
    return out.str();
}

std::string fish_quoted(std::string_view text) {
    std::string out = "'";
    for (char c : text) {
        if (c == '\'' || c == '\\') out += '\\';
        out += c;
    }
    return out + "'";
}

std::string fish(const CLI::App& root) {
    std::ostringstream out;
    out << "# fish completion for cspr; made by 'cspr dev-docs --completion fish' from the command table.\n"
        << "complete -c cspr -f\n";
    for (const CLI::Option* o : root.get_options())
        if (o->get_name().starts_with("--") && o->get_name() != "--help")
            out << "complete -c cspr -l " << o->get_name().substr(2) << (o->get_expected_min() > 0 ? " -r" : "")
                << " -d " << fish_quoted(o->get_description()) << "\n";
    const auto all = entries(root);
    for (const Entry& e : all) {
        if (e.path.empty()) continue;
        const auto space = e.path.rfind(' ');
        const std::string parent = space == std::string::npos ? "" : e.path.substr(0, space);
        const std::string name = space == std::string::npos ? e.path : e.path.substr(space + 1);
        const std::string siblings =
            joined(std::find_if(all.begin(), all.end(), [&](const Entry& x) { return x.path == parent; })->children);
        const std::string when = parent.empty() ? "__fish_use_subcommand"
                                                : "__fish_seen_subcommand_from " + parent +
                                                      "; and not __fish_seen_subcommand_from " + siblings;
        out << "complete -c cspr -n " << fish_quoted(when) << " -a " << name << " -d " << fish_quoted(e.summary)
            << "\n";
        for (const auto& option : e.options)
            out << "complete -c cspr -n " << fish_quoted("__fish_seen_subcommand_from " + name) << " -l "
                << option.substr(2) << "\n";
        if (!e.formats.empty())
            out << "complete -c cspr -n " << fish_quoted("__fish_seen_subcommand_from " + name) << " -l format -x -a "
                << fish_quoted(joined(e.formats)) << "\n";
    }
    return out.str();
}

}  // namespace

std::string completion_script(const CLI::App& root, const std::string& shell) {
    if (shell == "bash") return bash(root);
    if (shell == "zsh") return zsh(root);
    if (shell == "fish") return fish(root);
    throw Error("'" + shell + "' is not bash, zsh or fish", {.field = "--completion"});
}

}  // namespace cspr::cli
