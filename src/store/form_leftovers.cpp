// A form given to --from that still holds its template's text (issue 13, first-use 7): the
// placeholder narrative stored as the narrative, all 14 criteria recorded because none was deleted.
// The template compared against is the one --template prints, so the two never drift apart.
#include <fmt/format.h>

#include "map_reader.hpp"

namespace cspr::store {

namespace {

std::string_view trimmed(std::string_view s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

// Text standing for what the user is to write: prose ("Events and circumstances that...") or a
// date pattern. A value without either (`unknown`, `false`, `local-cspr`) is a usable default.
bool is_placeholder(const DocNode& node) {
    if (!node.is_scalar()) return false;
    const std::string_view text = trimmed(node.scalar);
    return text.find(' ') != std::string_view::npos || text.find("YYYY") != std::string_view::npos;
}

void compare(const Field& form, const DocNode& blank, std::vector<Error>& out) {
    const DocNode& node = *form.node;
    if (node.is_map() && blank.is_map()) {
        for (const auto& [key, value] : node.entries)
            if (const DocNode* in_template = blank.find(key.scalar))
                compare(form.child(key.scalar, &value), *in_template, out);
        return;
    }
    const Location at{form.file, form.line(), form.path};
    if (node.is_sequence() && blank.is_sequence() && !node.items.empty() && flow_text(node) == flow_text(blank)) {
        out.emplace_back(node.items.size() == 1
                             ? std::string("still the template's example entry: replace it, or delete it")
                             : fmt::format("still lists all {} entries of the template: keep only those that apply",
                                           node.items.size()),
                         at);
        return;
    }
    if (node.is_scalar() && is_placeholder(blank) && trimmed(node.scalar) == trimmed(blank.scalar))
        out.emplace_back("still the template's placeholder text: replace it", at);
}

}  // namespace

std::vector<Error> template_leftovers(std::string_view form_text, const std::string& form_file,
                                      std::string_view template_text) {
    std::vector<Error> out;
    Field form;
    try {
        form = parse_yaml(form_text, form_file);
    } catch (const Error&) {
        return out;  // a form that does not parse is reported as such
    }
    const DocNode blank = parse_document(template_text, "--template");
    compare(form, blank, out);
    return out;
}

}  // namespace cspr::store
