// src/store/folder_checks.cpp: modes more open than cspr.yaml allows, leftovers of interrupted writes
// (never another writer's work in progress), case folders that cannot be read (issue 13, F15, F17).
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <vector>

#include <unistd.h>

#include "cspr/store.hpp"
#include "store_testing.hpp"

namespace fs = std::filesystem;
namespace store = cspr::store;
using cspr::testing::folder_with_case;
using cspr::testing::mode_of;
using cspr::testing::spit;
using cspr::testing::TempDir;
using store::Diagnostics;

TEST_CASE("path_problems names what is more open than cspr.yaml allows; tighten takes only those bits", "[modes]") {
    TempDir tmp;
    const auto folder = folder_with_case(tmp.path);
    const fs::path cases = tmp.path / "cases", dir = cases / "NDSCP-2025-001";
    CHECK(store::path_problems(folder).empty());
    // As a git clone with umask 022 leaves them.
    fs::permissions(cases, static_cast<fs::perms>(0755));
    fs::permissions(dir, static_cast<fs::perms>(0755));
    fs::permissions(dir / "referral.yaml", static_cast<fs::perms>(0644));
    fs::permissions(cases / "ids.yaml", static_cast<fs::perms>(0640));
    const auto problems = store::path_problems(folder);
    REQUIRE(problems.size() == 4);
    CHECK(problems[0].path == cases);
    CHECK(problems[1].path == dir);
    CHECK(problems[2].path == dir / "referral.yaml");
    CHECK(problems[2].mode == static_cast<fs::perms>(0644));
    CHECK(problems[2].allowed == static_cast<fs::perms>(0600));
    CHECK(problems[3].path == cases / "ids.yaml");
    for (const auto& p : problems) {
        CHECK(p.kind == store::PathProblem::Kind::too_open);
        store::tighten(p);
    }
    CHECK(mode_of(cases) == static_cast<fs::perms>(0700));
    CHECK(mode_of(dir / "referral.yaml") == static_cast<fs::perms>(0600));
    CHECK(store::path_problems(folder).empty());
    // Read-only stays read-only: 0555 loses only what others had.
    fs::permissions(dir, static_cast<fs::perms>(0555));
    store::tighten(store::path_problems(folder).at(0));
    CHECK(mode_of(dir) == static_cast<fs::perms>(0500));
    fs::permissions(dir, static_cast<fs::perms>(0700));
}

TEST_CASE("another writer's work in progress is not a leftover", "[leftovers]") {
    TempDir tmp;
    const auto folder = folder_with_case(tmp.path);
    const fs::path cases = tmp.path / "cases", dir = cases / "NDSCP-2025-001";
    spit(dir / ".actions.yaml.tmp-AbC123", "x");
    {
        const store::FolderLock writer(dir, "case NDSCP-2025-001", std::chrono::milliseconds(0));
        CHECK(store::folder_lock_held(dir));
        CHECK(store::leftover_temporary_files(folder).empty());
    }
    CHECK_FALSE(store::folder_lock_held(dir));
    CHECK(store::leftover_temporary_files(folder) == std::vector<fs::path>{dir / ".actions.yaml.tmp-AbC123"});

    // A referral being written: cases/ is locked, its new folder has no referral.yaml yet.
    const fs::path fresh = cases / "NDSCP-2025-002";
    fs::create_directories(fresh);
    spit(fresh / ".referral.yaml.tmp-XyZ789", "x");
    {
        const store::FolderLock referral(cases, "the case folder", std::chrono::milliseconds(0));
        CHECK(store::cases_without_referral(folder).empty());
        CHECK(store::leftover_temporary_files(folder) == std::vector<fs::path>{dir / ".actions.yaml.tmp-AbC123"});
        // The caller holding cases/ itself (doctor) sees every leftover.
        CHECK(store::cases_without_referral(folder, true) == std::vector<fs::path>{fresh});
    }
    CHECK(store::cases_without_referral(folder) == std::vector<fs::path>{fresh});
    CHECK(store::leftover_temporary_files(folder).size() == 2);
}

TEST_CASE("a case folder that cannot be read is named as such", "[modes]") {
    if (::geteuid() == 0) {
        WARN("skipped: run as root, who can read any folder");
        return;
    }
    TempDir tmp;
    const auto folder = folder_with_case(tmp.path);
    const fs::path dir = tmp.path / "cases" / "NDSCP-2025-001";
    fs::permissions(dir, fs::perms::none);
    const auto problem = store::unreadable_case_folder(folder, "NDSCP-2025-001");
    Diagnostics collect(Diagnostics::Mode::collect);
    store::load_case(folder, "NDSCP-2025-001", collect);
    const auto without = store::cases_without_referral(folder);
    fs::permissions(dir, fs::perms::owner_all);
    REQUIRE(problem.has_value());
    CHECK(problem->message() == "cannot read: Permission denied");
    REQUIRE(collect.problems().size() == 1);
    CHECK(collect.problems().front().where().file == dir.string());
    CHECK(without.empty());
}
