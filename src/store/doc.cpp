// The tree (DocNode) and parse_document's choice between the fast parser of cspr's own files
// (doc_fast.cpp) and yaml-cpp (doc_yaml_cpp.cpp), after the hostile-input checks (doc_hostile.cpp).
#include "doc.hpp"

#include <utility>

#include "doc_parts.hpp"

namespace cspr::store {

const std::pair<DocNode, DocNode>* DocNode::find_entry(std::string_view key) const {
    for (const auto& entry : entries)
        if (entry.first.scalar == key) return &entry;
    return nullptr;
}

const DocNode* DocNode::find(std::string_view key) const {
    const auto* entry = find_entry(key);
    return entry ? &entry->second : nullptr;
}

DocNode parse_document(std::string_view text, const std::string& file) {
    check_hostile(text, file);
    if (auto doc = parse_canonical(text)) return std::move(*doc);
    return load_with_yaml_cpp(text, file);
}

}  // namespace cspr::store
