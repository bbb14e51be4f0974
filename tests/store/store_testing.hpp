// Helpers shared by the store tests (tests/store/*_test.cpp): files read and written whole, a
// temporary folder, and sample case values (cspr.yaml's settings, a valid referral).
#pragma once

#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <unistd.h>

#include "cspr/calendar.hpp"
#include "cspr/error.hpp"
#include "cspr/model.hpp"
#include "cspr/store.hpp"
#include "testing.hpp"

namespace cspr::testing {

namespace fs = std::filesystem;

inline std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    REQUIRE(in);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline void spit(const fs::path& p, std::string_view text) {
    std::ofstream out(p, std::ios::binary);
    REQUIRE(out);
    out << text;
}

// A fresh, empty directory under the system's temporary folder, removed on destruction.
struct TempDir {
    fs::path path;
    TempDir() {
        static std::atomic<int> counter{0};
        std::random_device rd;
        const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
        path =
            fs::temp_directory_path() / ("cspr-store-test-" + std::to_string(::getpid()) + "-" + std::to_string(stamp) +
                                         "-" + std::to_string(rd()) + "-" + std::to_string(counter++));
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
};

inline std::set<std::string> names_in(const fs::path& dir) {
    std::set<std::string> out;
    for (const auto& e : fs::directory_iterator(dir)) out.insert(e.path().filename().string());
    return out;
}

// The mode bits of `p` itself (a link's own, never its target's).
inline fs::perms mode_of(const fs::path& p) { return fs::symlink_status(p).permissions() & fs::perms::all; }

inline model::Config example_config() {
    model::Config c;
    c.partnership = "Testshire Safeguarding Children Partnership";
    c.code = "NDSCP";
    c.local_authority = "Testshire Council";
    c.region = calendar::Region::england_and_wales;
    return c;
}

inline const store::CaseFolder kDefaultFolder{};  // default permissions: 0600 files, 0700 folders

// A case folder made by init with example_config(), holding one case with a referral.yaml.
inline store::CaseFolder folder_with_case(const fs::path& root) {
    store::init_case_folder(root, example_config());
    const auto folder = store::open_case_folder(root);
    store::write_case_file(folder, root / "cases" / "NDSCP-2025-001" / "referral.yaml",
                           "schema_version: 1\nid: NDSCP-2025-001\n");
    return folder;
}

inline std::string describe(const std::vector<cspr::Error>& problems) {
    std::string out;
    for (const auto& p : problems) out += std::string("  ") + p.what() + "\n";
    return out;
}

// A small referral that is valid in every respect; tests modify it line by line.
// Line numbers (1-based) are noted because several tests depend on them.
inline const std::string kReferral = "# yaml-language-server: $schema=../../schemas/referral.schema.json\n"  // 1
                                     "schema_version: 1\n"                                                   // 2
                                     "id: NDSCP-2025-001\n"                                                  // 3
                                     "received: \"2025-03-03T10:30\"\n"                                      // 4
                                     "referrer:\n"                                                           // 5
                                     "  name: Alex Fictional\n"                                              // 6
                                     "  agency: Northdale Police\n"                                          // 7
                                     "  role: Detective Sergeant\n"                                          // 8
                                     "child:\n"                                                              // 9
                                     "  name: Robin Example\n"                                               // 10
                                     "  date_of_birth: \"2019-04-02\"\n"                                     // 11
                                     "  incident_date: \"2025-03-01\"\n"                                     // 12
                                     "  child_protection_plan: previous\n"                                   // 13
                                     "  looked_after: false\n"                                               // 14
                                     "family:\n"                                                             // 15
                                     "  - name: Jo Example\n"                                                // 16
                                     "    relationship: mother\n"                                            // 17
                                     "criteria:\n"                                                           // 18
                                     "  - died-abuse-neglect\n"                                              // 19
                                     "  - cp-plan\n"                                                         // 20
                                     "narrative: Robin was taken to hospital.\n";                            // 21

inline std::string replace_once(std::string text, std::string_view from, std::string_view to) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
    return text;
}

inline const cspr::Error* find_problem(const std::vector<cspr::Error>& problems, std::string_view field) {
    for (const auto& p : problems)
        if (p.where().field == field) return &p;
    return nullptr;
}

}  // namespace cspr::testing
