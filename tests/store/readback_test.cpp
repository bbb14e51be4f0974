// src/store/readback.cpp: what cspr writes it must read back (issue 13, F13), and sizes in messages.
#include <catch2/catch.hpp>

#include <string>

#include "cspr/store.hpp"

namespace store = cspr::store;

TEST_CASE("sizes are rounded up to a tenth of a MB, so that over the limit never reads as the limit", "[readback]") {
    CHECK(store::megabytes(store::kMaxFileBytes) == "4 MB");
    CHECK(store::megabytes(store::kMaxFileBytes + 1) == "4.1 MB");
    CHECK(store::megabytes(4823449) == "4.6 MB");
    CHECK(store::megabytes(4823449 + 100000) == "4.7 MB");
    CHECK(store::megabytes(0) == "0 MB");
}

TEST_CASE("text cspr can read back is accepted", "[readback]") {
    CHECK_NOTHROW(
        store::require_readable("cases/NDSCP-2025-001/actions.yaml", "schema_version: 1\nid: NDSCP-2025-001\n"));
}

TEST_CASE("text past the size limit is refused before it is written, naming the file", "[readback]") {
    const std::string big = "big: \"" + std::string(store::kMaxFileBytes, 'x') + "\"\n";
    try {
        store::require_readable("referral.yaml", big);
        FAIL("accepted");
    } catch (const cspr::Error& e) {
        CHECK(e.where().file == "referral.yaml");
        CHECK(e.message().find("would be 4.1 MB, and files cspr reads here are at most 4 MB") != std::string::npos);
        CHECK(e.message().find("nothing was written") != std::string::npos);
    }
}

TEST_CASE("text past the reader's value limit is refused", "[readback]") {
    std::string many = "list: [";
    for (int i = 0; i < 110'000; ++i) many += "a, ";
    many += "b]\n";
    try {
        store::require_readable("referral.yaml", many);
        FAIL("accepted");
    } catch (const cspr::Error& e) {
        CHECK(e.message().find("would not read back (too many values") != std::string::npos);
    }
}
