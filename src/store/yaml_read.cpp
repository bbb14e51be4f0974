#include "yaml_read.hpp"

#include <set>

namespace cspr::store {

Field parse_yaml(std::string_view text, const std::string& file_name) {
    try {
        return {YAML::Load(std::string(text)), file_name, ""};
    } catch (const YAML::ParserException& e) {
        throw Error("malformed YAML: " + e.msg, {file_name, e.mark.is_null() ? 0 : e.mark.line + 1, ""});
    }
}

const Field& require_map(const Field& f) {
    if (!f.node.IsMap()) f.fail("expected a mapping of keys to values");
    std::set<std::string> seen;
    for (const auto& entry : f.node) {
        const Field key{entry.first, f.file, f.path};
        if (!entry.first.IsScalar()) key.fail("keys must be plain text");
        if (!seen.insert(entry.first.Scalar()).second)
            f.child(entry.first.Scalar(), entry.first).fail("duplicate key");
    }
    return f;
}

const Field& require_sequence(const Field& f) {
    if (!f.node.IsSequence()) f.fail("expected a list");
    return f;
}

std::string require_string(const Field& f) {
    if (!f.node.IsScalar()) f.fail("expected text");
    return f.node.Scalar();
}

bool require_bool(const Field& f) {
    const std::string text = f.node.IsScalar() ? f.node.Scalar() : "";
    if (text == "true") return true;
    if (text == "false") return false;
    f.fail("expected true or false");
}

Field require_key(const Field& f, const std::string& key) {
    const YAML::Node value = f.node[key];
    if (!value.IsDefined()) {
        Field missing = f.child(key, f.node);
        missing.fail("missing");
    }
    return f.child(key, value);
}

}  // namespace cspr::store
