#include "yaml_read.hpp"

#include <optional>
#include <set>

namespace cspr::store {

const DocNode* null_node() {
    static const DocNode empty;
    return &empty;
}

// The text parsed last, with its tree or its error, for the next parse of the same text and file:
// a writing command reads the case it is about to change again to compare, and the fuzzer's eight
// parsers in two modes each read one input. The tree is immutable and shared (Field::doc), so the
// reuse cannot be seen; one spare copy of a file's text is the cost.
namespace {
struct LastParse {
    bool valid = false;
    std::string text, file;
    std::shared_ptr<const DocNode> doc;
    std::optional<Error> error;
};
}  // namespace

Field parse_yaml(std::string_view text, const std::string& file_name) {
    thread_local LastParse last;
    if (!(last.valid && last.text == text && last.file == file_name)) {
        last.valid = false;
        last.doc.reset();
        last.error.reset();
        try {
            last.doc = std::make_shared<const DocNode>(parse_document(text, file_name));
        } catch (const Error& e) {
            last.error = e;
        }
        last.text.assign(text);
        last.file = file_name;
        last.valid = true;
    }
    if (last.error) throw *last.error;
    return {last.doc, last.doc.get(), file_name, ""};
}

const Field& require_map(const Field& f) {
    if (!f.node->is_map()) f.fail("expected a mapping of keys to values");
    std::set<std::string_view> seen;
    for (const auto& [key, value] : f.node->entries) {
        if (!key.is_scalar()) f.child("", &key).fail("keys must be plain text");
        if (!seen.insert(key.scalar).second) f.child(key.scalar, &key).fail("duplicate key");
    }
    return f;
}

const Field& require_sequence(const Field& f) {
    if (!f.node->is_sequence()) f.fail("expected a list");
    return f;
}

std::string require_string(const Field& f) {
    if (!f.node->is_scalar()) f.fail("expected text");
    return f.node->scalar;
}

bool require_bool(const Field& f) {
    const std::string text = f.node->is_scalar() ? f.node->scalar : "";
    if (text == "true" || text == "yes") return true;  // yes and no too: people write both
    if (text == "false" || text == "no") return false;
    f.fail("expected true or false (or yes or no)");
}

Field require_key(const Field& f, const std::string& key) {
    const DocNode* value = f.node->find(key);
    if (!value) f.child(key, f.node).fail("missing");
    return f.child(key, value);
}

}  // namespace cspr::store
