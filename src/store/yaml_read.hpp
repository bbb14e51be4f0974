// Reading parsed YAML with errors that name the file, line and field (yaml-cpp's own say neither).
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "cspr/error.hpp"
#include "doc.hpp"

namespace cspr::store {

// A node with the file it came from and the dotted path that reached it, e.g. `events[3].date`.
// `doc` keeps the whole document alive for as long as any field of it is in use.
struct Field {
    std::shared_ptr<const DocNode> doc;
    const DocNode* node = nullptr;
    std::string file;
    std::string path;

    int line() const { return node ? node->line : 0; }
    [[noreturn]] void fail(const std::string& message) const { throw Error(message, {file, line(), path}); }

    Field child(const std::string& key, const DocNode* value) const {
        return {doc, value, file, path.empty() ? key : path + "." + key};
    }
    Field item(std::size_t index, const DocNode* value) const {
        return {doc, value, file, path + "[" + std::to_string(index) + "]"};
    }
};

// An empty node, for fields that are missing.
const DocNode* null_node();

// Parses a whole document; a syntax error becomes cspr::Error with the file and line.
Field parse_yaml(std::string_view text, const std::string& file_name);

// Checks that a node is a mapping whose keys are plain scalars, each appearing once (yaml-cpp keeps
// duplicates silently), and returns it.
const Field& require_map(const Field& f);
const Field& require_sequence(const Field& f);
// A scalar (quoted or plain) as text.
std::string require_string(const Field& f);
bool require_bool(const Field& f);
// The value of `key` in map `f`; throws naming `key` when it is missing.
Field require_key(const Field& f, const std::string& key);

}  // namespace cspr::store
