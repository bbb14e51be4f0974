// The manual pages, made at build time from the command table (cspr(1): every command, its options
// and examples, from the same CLI11 tree that parses them) and from the field tables (cspr-files(5):
// every key of every file kind), so that neither can drift from the code.
#include "man_page.hpp"

#include <fmt/format.h>

#include <sstream>

#include "cspr/field_docs.hpp"
#include "cspr/rules.hpp"

namespace cspr::cli {

namespace {

// roff: a backslash is \e, a leading dot or quote would be a request, a hyphen in an option is \-.
// A character past ASCII is named by its code point, \[u2014], which groff renders in any locale.
std::string roff(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\\') out += "\\e";
        else if (c == '-') out += "\\-";
        else if (c < 0x80) out += static_cast<char>(c);
        else {
            const int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
            unsigned code = c & (0x3F >> extra);
            for (int k = 0; k < extra && i + 1 < text.size(); ++k) code = (code << 6) | (text[++i] & 0x3F);
            out += fmt::format("\\[u{:04X}]", code);
        }
    }
    if (!out.empty() && (out.front() == '.' || out.front() == '\'')) out.insert(0, "\\&");
    return out;
}

// Text kept as written (examples, exit codes): no filling, each line escaped.
std::string verbatim(std::string_view text) {
    std::ostringstream out;
    out << ".nf\n";
    std::istringstream in{std::string(text)};
    for (std::string line; std::getline(in, line);) out << roff(line) << "\n";
    out << ".fi\n";
    return out.str();
}

void options(std::ostream& out, const CLI::App& app) {
    for (const CLI::Option* o : app.get_options()) {
        if (o->get_name() == "--help" || o->get_name() == "--version") continue;
        const std::string type = o->get_type_name();
        out << ".TP\n.B " << roff(o->get_name())
            << (o->get_expected_min() > 0 && o->get_name().starts_with("-") ? " \\fI" + roff(type) + "\\fR" : "")
            << "\n"
            << roff(o->get_description()) << "\n";
    }
}

void command(std::ostream& out, const CLI::App& app, const Command& row, const std::string& path) {
    if (row.summary.empty()) return;  // a developer's tool, left out as from --help
    const std::string name = path.empty() ? std::string(row.name) : path + " " + std::string(row.name);
    out << ".SS \"cspr " << roff(name) << "\"\n" << roff(row.summary) << "\n";
    const CLI::App* sub = app.get_subcommand(std::string(row.name));
    options(out, *sub);
    const std::string footer = sub->get_footer();
    // The global options, listed in every --help, are said once, in their own section here.
    const std::string own = footer.substr(0, footer.find("\n\nGlobal options"));
    if (own.find_first_not_of(" \n") != std::string::npos)
        out << ".PP\n" << verbatim(own.substr(own.find_first_not_of('\n')));
    for (const Command& nested : subcommands_of(row)) command(out, *sub, nested, name);
}

// The docs' "yes", "no" or "no (false)": what an absent value means.
std::string required_text(const std::string& cell) {
    if (cell == "yes") return "required";
    if (cell.starts_with("no (")) return "optional; absent: " + cell.substr(4, cell.size() - 5);
    return "optional";
}

}  // namespace

std::string man_page(const CLI::App& root) {
    std::ostringstream out;
    out << ".TH CSPR 1 \"\" \"cspr " CSPR_VERSION "\" \"cspr manual\"\n"
        << ".SH NAME\ncspr \\- " << roff(root.get_description().substr(root.get_description().find(": ") + 2)) << "\n"
        << ".SH SYNOPSIS\n.B cspr\n[\\fIGLOBAL OPTIONS\\fR] \\fICOMMAND\\fR [\\fIOPTIONS\\fR] [\\fIARGUMENTS\\fR]\n"
        << ".SH DESCRIPTION\n"
        << "cspr keeps the statutory timescales of child safeguarding practice reviews in England over plain YAML "
           "case files in a folder tracked by git: the referral, the notification to the Child Safeguarding "
           "Practice Review Panel, the rapid review, the decision on a local review, publication and the actions "
           "that follow. Every due date is counted on the UK working-day calendar, and every rule names its "
           "source; \\fBcspr rules\\fR lists them.\n"
        << ".PP\nNo child's or family's name, date of birth, address or free-text note appears in any output "
           "unless \\fB\\-\\-show\\-names\\fR is given.\n"
        << ".SH GLOBAL OPTIONS\nGiven before or after the command name.\n";
    options(out, root);
    out << ".SH COMMANDS\n";
    for (const Command& row : commands()) command(out, root, row, "");
    out << ".SH EXIT STATUS\n.TP\n.B 0\nSuccess.\n.TP\n.B 1\nThe answer is \"no\": something is overdue, a check "
           "failed, a day is not a working day.\n.TP\n.B 2\nA usage or data error; nothing on disk was changed.\n"
        << ".SH ENVIRONMENT\n.TP\n.B CSPR_CASES\nThe case folder, when \\fB\\-\\-cases\\fR is not given.\n"
        << ".TP\n.B CSPR_LOCK_WAIT\nHow long a write waits for another writer of the same case, in seconds.\n"
        << ".TP\n.B NO_COLOR\nWhen set and not empty, tables are never coloured.\n"
        << ".SH FILES\n.TP\n.I cspr.yaml\nThe case folder's settings: partnership, code, local authority, region, "
           "local timescales.\n.TP\n.I cases/<ID>/*.yaml\nOne file per step of a case; see \\fBcspr\\-files\\fR(5).\n"
        << ".SH SEE ALSO\n\\fBcspr\\-files\\fR(5), \\fBgit\\fR(1)\n";
    return out.str();
}

std::string files_page() {
    std::ostringstream out;
    out << ".TH CSPR-FILES 5 \"\" \"cspr " CSPR_VERSION "\" \"cspr manual\"\n"
        << ".SH NAME\ncspr\\-files \\- the case files and cspr.yaml that cspr reads and writes\n"
        << ".SH DESCRIPTION\nA case folder holds \\fIcspr.yaml\\fR and \\fIcases/<ID>/\\fR, one YAML file per "
           "step. Each key below is the file's, in the order cspr writes it; a key marked personal is never "
           "shown without \\fB\\-\\-show\\-names\\fR. Every file has a JSON Schema in \\fIschemas/\\fR.\n";
    const auto choices = rules::field_choices();
    for (const auto& kind : model::kFileKinds) {
        out << ".SH \"" << roff(kind.path) << "\"\n" << roff(kind.about) << "\n";
        std::istringstream rows(store::markdown_fields(kind, choices));
        for (std::string line; std::getline(rows, line);) {
            if (!line.starts_with("| `")) continue;  // the header and its rule
            std::vector<std::string> cells;
            for (std::size_t at = 1; at < line.size();) {
                const auto end = line.find(" |", at + 1);
                if (end == std::string::npos) break;
                cells.push_back(line.substr(at + 1, end - at - 1));
                at = end + 2;
            }
            if (cells.size() < 4) continue;
            std::string key = cells[0], type = cells[1];
            std::erase(key, '`');
            std::erase(type, '`');
            out << ".TP\n.B " << roff(key) << "\n"
                << roff(type) << "; " << roff(required_text(cells[2])) << ".\n"
                << roff(cells[3]) << "\n";
        }
    }
    out << ".SH SEE ALSO\n\\fBcspr\\fR(1)\n";
    return out.str();
}

}  // namespace cspr::cli
