// src/store/case_ids.cpp: cases/ids.yaml as validate checks it (issue 13, F14).
#include <catch2/catch.hpp>

#include <fstream>
#include <random>

#include "cspr/store.hpp"

namespace store = cspr::store;
namespace fs = std::filesystem;

namespace {

struct Folder {
    store::CaseFolder folder;
    Folder() {
        std::random_device rd;
        folder.root = fs::temp_directory_path() / ("cspr-case-ids-test-" + std::to_string(rd()) + std::to_string(rd()));
        folder.config.code = "NDSCP";
        fs::create_directories(folder.root / "cases");
    }
    ~Folder() {
        std::error_code ec;
        fs::remove_all(folder.root, ec);
    }
    void ids(const std::string& text) const { std::ofstream(folder.root / "cases" / "ids.yaml") << text; }
    void make_case(const std::string& id) const { fs::create_directories(folder.root / "cases" / id); }
};

constexpr const char* kHeader = "schema_version: 1\nlast:\n";

}  // namespace

TEST_CASE("no ids.yaml, or one that agrees with the case folders: no problem", "[ids]") {
    Folder f;
    CHECK(store::case_id_problems(f.folder).empty());
    f.make_case("NDSCP-2025-007");
    f.ids(std::string(kHeader) + "  \"2025\": 7\n");
    CHECK(store::case_id_problems(f.folder).empty());
    f.make_case("OTHER-2025-009");  // another partnership's code: not counted
    CHECK(store::case_id_problems(f.folder).empty());
}

TEST_CASE("an ids.yaml that does not read is a problem with its file and line", "[ids]") {
    Folder f;
    f.ids("garbage: [\n");
    const auto found = store::case_id_problems(f.folder);
    REQUIRE(found.size() == 1);
    CHECK(found[0].where().file == (f.folder.root / "cases" / "ids.yaml").string());
}

TEST_CASE("a number past the ID's digits is a problem", "[ids]") {
    Folder f;
    f.ids(std::string(kHeader) + "  \"2025\": 1000000000\n");
    const auto found = store::case_id_problems(f.folder);
    REQUIRE(found.size() == 1);
    CHECK(found[0].where().field == "last.2025");
    CHECK(found[0].where().line == 3);
    CHECK(found[0].message() == "more than 9 digits; case numbers run to 999999999");
}

TEST_CASE("a number lower than a case folder's is a problem naming the case", "[ids]") {
    Folder f;
    f.make_case("NDSCP-2025-012");
    f.make_case("NDSCP-2026-003");
    f.ids(std::string(kHeader) + "  \"2025\": 7\n");
    const auto found = store::case_id_problems(f.folder);
    REQUIRE(found.size() == 2);
    CHECK(found[0].where().field == "last.2025");
    CHECK(found[0].where().line == 3);
    CHECK(found[0].message().starts_with(
        "lower than the number of case NDSCP-2025-012, which exists: set it to 12 or more"));
    CHECK(found[1].where().field == "last.2026");  // a year missing altogether
}
