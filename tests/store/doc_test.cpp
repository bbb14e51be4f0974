// src/store/doc.cpp: parse_document chooses the fast parser for every file cspr wrote, and it
// reads them as yaml-cpp does.
#include <catch2/catch.hpp>

#include "doc_testing.hpp"
#include "store/doc.hpp"

using cspr::testing::check_agrees;
using cspr::testing::read;
using cspr::testing::yaml_files;

TEST_CASE("every file cspr wrote takes the fast path and reads as yaml-cpp reads it") {
    std::size_t fast = 0;
    for (const auto& path : yaml_files()) {
        const std::string text = read(path);
        check_agrees(text, path.string());
        if (path.string().find("/cases-example/") != std::string::npos) {
            INFO(path.string());
            CHECK(cspr::store::parse_canonical(text).has_value());
            ++fast;
        }
    }
    CHECK(fast >= 20);
}
