// A YAML document as plain values. cspr reads its own canonical files with a small, strict parser
// (about a hundred times faster than yaml-cpp's scanner) and everything else — hand-edited files,
// JSON, any construct the small parser does not know — with yaml-cpp; both give the same tree.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cspr::store {

struct DocNode {
    enum class Kind { null, scalar, sequence, map };
    Kind kind = Kind::null;
    std::string scalar;
    bool quoted = false;         // quoted or explicitly tagged in the file: text, whatever it looks like
    int line = 0;                // 1-based; 0 when unknown
    std::vector<DocNode> items;  // sequence
    std::vector<std::pair<DocNode, DocNode>> entries;  // map, in file order, duplicates kept

    bool is_map() const { return kind == Kind::map; }
    bool is_sequence() const { return kind == Kind::sequence; }
    bool is_scalar() const { return kind == Kind::scalar; }
    bool is_null() const { return kind == Kind::null; }
    // The first entry whose key is `key` (the key, then its value); nullptr when there is none.
    const std::pair<DocNode, DocNode>* find_entry(std::string_view key) const;
    // The value of that entry; nullptr when there is none.
    const DocNode* find(std::string_view key) const;

    friend bool operator==(const DocNode&, const DocNode&) = default;
};

// The fast path: cspr's own output format (block mappings and sequences, plain and double-quoted
// scalars, | blocks, [] and {}, the schema modeline). nullopt for anything else.
std::optional<DocNode> parse_canonical(std::string_view text);
// Any YAML (or JSON) through yaml-cpp; a syntax error throws cspr::Error naming the file and line.
DocNode parse_with_yaml_cpp(std::string_view text, const std::string& file);
// Refuses, with the line, text that is not UTF-8 or holds a control character YAML does not allow
// (NUL included). Nesting and alias bombs are refused while the tree is built (parse_with_yaml_cpp).
void check_hostile(std::string_view text, const std::string& file);
// The fast path when it applies, else yaml-cpp.
DocNode parse_document(std::string_view text, const std::string& file);

}  // namespace cspr::store
