// Helpers shared by the tests of the document layer (tests/store/doc*_test.cpp): the YAML files of
// the repository, and the comparison of the fast parser with yaml-cpp.
#pragma once

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cspr/error.hpp"
#include "store/doc.hpp"

namespace cspr::testing {

namespace fs = std::filesystem;
using cspr::store::DocNode;

inline std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline std::vector<fs::path> yaml_files() {
    std::vector<fs::path> out;
    for (const char* dir : {"/cases-example", "/tests/schema/fixtures"})
        for (const auto& e : fs::recursive_directory_iterator(std::string(CSPR_SOURCE_DIR) + dir))
            if (e.path().extension() == ".yaml") out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

// Same tree, same text, same quoting, same lines (a null's line is not compared: yaml-cpp's
// position for an empty value varies and nothing reports it).
inline std::string difference(const DocNode& a, const DocNode& b, const std::string& where) {
    if (a.kind != b.kind) return where + ": kind differs";
    if (a.is_null()) return "";
    if (a.line != b.line) return where + ": line " + std::to_string(a.line) + " vs " + std::to_string(b.line);
    if (a.is_scalar() && (a.scalar != b.scalar || a.quoted != b.quoted))
        return where + ": scalar '" + a.scalar + "' vs '" + b.scalar + "'";
    if (a.items.size() != b.items.size() || a.entries.size() != b.entries.size()) return where + ": size differs";
    for (std::size_t i = 0; i < a.items.size(); ++i)
        if (auto d = difference(a.items[i], b.items[i], where + "[" + std::to_string(i) + "]"); !d.empty()) return d;
    for (std::size_t i = 0; i < a.entries.size(); ++i) {
        if (auto d = difference(a.entries[i].first, b.entries[i].first, where + ".<key>"); !d.empty()) return d;
        if (auto d = difference(a.entries[i].second, b.entries[i].second, where + "." + a.entries[i].first.scalar);
            !d.empty())
            return d;
    }
    return "";
}

// Either the fast parser declines, or it agrees with yaml-cpp (and yaml-cpp accepts the text).
inline void check_agrees(const std::string& text, const std::string& name) {
    const auto fast = cspr::store::parse_canonical(text);
    if (!fast) return;
    DocNode slow;
    try {
        slow = cspr::store::parse_with_yaml_cpp(text, name);
    } catch (const cspr::Error& e) {
        FAIL(name << ": the fast parser accepted what yaml-cpp rejects: " << e.what() << "\n" << text);
    }
    const auto diff = difference(*fast, slow, name);
    INFO(text);
    CHECK(diff == "");
}

// The line and message of the error parse_document gives for `text`, or "" when it reads.
inline std::string error_of(const std::string& text) {
    try {
        (void)cspr::store::parse_document(text, "f.yaml");
    } catch (const cspr::Error& e) {
        return std::to_string(e.where().line) + ": " + e.message();
    }
    return "";
}

}  // namespace cspr::testing
