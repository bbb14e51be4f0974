// src/store/case_folder.cpp: case files written into the case folder, case IDs allocated, case
// paths checked, cases loaded; symbolic links under cases/ never followed (issue 13, F7, F8, F14, F16).
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "cspr/error.hpp"
#include "cspr/model.hpp"
#include "cspr/store.hpp"
#include "store_testing.hpp"

namespace fs = std::filesystem;
namespace store = cspr::store;
namespace model = cspr::model;
using cspr::testing::describe;
using cspr::testing::example_config;
using cspr::testing::find_problem;
using cspr::testing::folder_with_case;
using cspr::testing::kDefaultFolder;
using cspr::testing::kReferral;
using cspr::testing::mode_of;
using cspr::testing::names_in;
using cspr::testing::slurp;
using cspr::testing::spit;
using cspr::testing::TempDir;
using store::Diagnostics;

// ---- write_case_file ------------------------------------------------------------------------

TEST_CASE("write_case_file writes new files atomically with mode 0600", "[write]") {
    TempDir tmp;
    const fs::path dir = tmp.path / "cases" / "NDSCP-2025-001";
    const fs::path file = dir / "referral.yaml";
    store::write_case_file(kDefaultFolder, file, "schema_version: 1\n");
    CHECK(slurp(file) == "schema_version: 1\n");
    CHECK(names_in(dir) == std::set<std::string>{"referral.yaml"});
    const auto perms = fs::status(file).permissions();
    CHECK((perms & fs::perms::all) == (fs::perms::owner_read | fs::perms::owner_write));

    // Rewriting a file without comments replaces it, and leaves nothing else behind.
    store::write_case_file(kDefaultFolder, file, "schema_version: 1\nid: X\n");
    CHECK(slurp(file) == "schema_version: 1\nid: X\n");
    CHECK(names_in(dir) == std::set<std::string>{"referral.yaml"});
    // The modeline is not a comment that blocks a rewrite.
    const std::string with_modeline = "# yaml-language-server: $schema=../../schemas/referral.schema.json\nid: Y\n";
    store::write_case_file(kDefaultFolder, file, with_modeline);
    store::write_case_file(kDefaultFolder, file, with_modeline + "a: 1\n");
    CHECK(slurp(file) == with_modeline + "a: 1\n");
    CHECK(names_in(dir) == std::set<std::string>{"referral.yaml"});
}

TEST_CASE("write_case_file refuses to replace a file holding a comment and leaves it as it was", "[write]") {
    TempDir tmp;
    const fs::path dir = tmp.path / "NDSCP-2025-001";
    fs::create_directories(dir);
    const fs::path file = dir / "notification.yaml";
    const std::string original = "# yaml-language-server: $schema=../../schemas/notification.schema.json\n"
                                 "schema_version: 1\n"
                                 "id: NDSCP-2025-001\n"
                                 "aware: \"2025-03-04\"  # the strategy meeting\n"
                                 "notifiable: true\n";
    spit(file, original);
    try {
        store::write_case_file(kDefaultFolder, file, "schema_version: 1\n");
        FAIL("write_case_file replaced a file that holds a comment");
    } catch (const cspr::Error& e) {
        CHECK(e.where().file == file.string());
        CHECK(e.where().line == 4);
        const std::string what = e.what();
        CHECK(what.find(file.string() + ":4") != std::string::npos);
    }
    CHECK(slurp(file) == original);
    CHECK(names_in(dir) == std::set<std::string>{"notification.yaml"});
}

TEST_CASE("a case folder keeps the mode the team gave it; only a new one gets cspr.yaml's", "[write][modes]") {
    TempDir tmp;
    const auto folder = folder_with_case(tmp.path);
    const fs::path dir = tmp.path / "cases" / "NDSCP-2025-001";
    CHECK(mode_of(dir) == static_cast<fs::perms>(0700));  // new: cspr.yaml's mode

    fs::permissions(dir, static_cast<fs::perms>(0500));  // a closed case
    try {
        store::write_case_file(folder, dir / "actions.yaml", "schema_version: 1\n");
        FAIL("wrote into a read-only case folder");
    } catch (const cspr::Error& e) {
        CHECK(e.where().file == dir.string());
        CHECK(e.message().starts_with("is read-only (mode 500); "));
    }
    CHECK(mode_of(dir) == static_cast<fs::perms>(0500));
    CHECK_FALSE(fs::exists(dir / "actions.yaml"));

    fs::permissions(dir, static_cast<fs::perms>(0750));  // opened to a group by hand: not narrowed
    store::write_case_file(folder, dir / "actions.yaml", "schema_version: 1\n");
    CHECK(mode_of(dir) == static_cast<fs::perms>(0750));
    CHECK(mode_of(dir / "actions.yaml") == static_cast<fs::perms>(0600));
}

// ---- allocate_case_id, next_case_id and record_case_id ---------------------------------------

TEST_CASE("allocate_case_id numbers in order per year and never reuses a number", "[ids]") {
    TempDir tmp;
    const fs::path root = tmp.path / "folder";
    const auto written = store::init_case_folder(root, example_config());
    CHECK(fs::exists(root / "cspr.yaml"));
    CHECK(fs::exists(root / "cases" / "ids.yaml"));
    CHECK(std::find(written.begin(), written.end(), root / "cspr.yaml") != written.end());
    const store::CaseFolder folder = store::open_case_folder(root);
    CHECK(folder.config == example_config());
    // A second init refuses.
    CHECK_THROWS_AS(store::init_case_folder(root, example_config()), cspr::Error);

    const auto make_case = [&](const std::string& id) { fs::create_directories(store::case_path(folder, id)); };

    const std::string first = store::allocate_case_id(folder, 2025);
    CHECK(first == "NDSCP-2025-001");
    make_case(first);
    const std::string second = store::allocate_case_id(folder, 2025);
    CHECK(second == "NDSCP-2025-002");
    make_case(second);
    CHECK(store::list_case_ids(folder) == std::vector<std::string>{"NDSCP-2025-001", "NDSCP-2025-002"});

    fs::remove_all(store::case_path(folder, second));
    CHECK(store::allocate_case_id(folder, 2025) == "NDSCP-2025-003");  // 002 is never reused

    make_case("NDSCP-2025-010");  // made by hand
    CHECK(store::allocate_case_id(folder, 2025) == "NDSCP-2025-011");

    CHECK(store::allocate_case_id(folder, 2026) == "NDSCP-2026-001");
    CHECK(store::allocate_case_id(folder, 2024) == "NDSCP-2024-001");
    CHECK(store::allocate_case_id(folder, 2025) == "NDSCP-2025-012");

    // ids.yaml records the last number of each year, and is a file cspr can read back.
    Diagnostics strict;
    const auto last = store::parse_ids(slurp(root / "cases" / "ids.yaml"), "ids.yaml", strict);
    CHECK(last == std::map<int, int>{{2024, 1}, {2025, 12}, {2026, 1}});
    CHECK(store::format_ids(last) == slurp(root / "cases" / "ids.yaml"));
    CHECK((fs::status(root / "cases" / "ids.yaml").permissions() & fs::perms::all) ==
          (fs::perms::owner_read | fs::perms::owner_write));

    // Even with ids.yaml lost, the case folders keep numbers from being reused.
    fs::remove(root / "cases" / "ids.yaml");
    CHECK(store::allocate_case_id(folder, 2025) > "NDSCP-2025-010");
    // No temporary files anywhere.
    for (const auto& e : fs::recursive_directory_iterator(root))
        CHECK(e.path().filename().string().find(".tmp") == std::string::npos);
}

TEST_CASE("next_case_id writes nothing; record_case_id records it; a full year is refused before writing", "[ids]") {
    TempDir tmp;
    const fs::path root = tmp.path / "folder";
    store::init_case_folder(root, example_config());
    const store::CaseFolder folder = store::open_case_folder(root);
    const std::string ids_before = slurp(root / "cases" / "ids.yaml");
    const std::string id = store::next_case_id(folder, 2025);
    CHECK(id == "NDSCP-2025-001");
    CHECK(slurp(root / "cases" / "ids.yaml") == ids_before);  // nothing written yet
    store::record_case_id(folder, id);
    CHECK(store::next_case_id(folder, 2025) == "NDSCP-2025-002");

    // Nine digits, as the ID pattern allows, are read back from ids.yaml.
    fs::create_directories(root / "cases" / "NDSCP-2025-99999999");
    const std::string nine = store::next_case_id(folder, 2025);
    CHECK(nine == "NDSCP-2025-100000000");
    store::record_case_id(folder, nine);
    CHECK(store::next_case_id(folder, 2025) == "NDSCP-2025-100000001");

    // Every number used: refused, ids.yaml as it was.
    fs::create_directories(root / "cases" / ("NDSCP-2025-" + std::to_string(store::kMaxCaseNumber)));
    const std::string full = slurp(root / "cases" / "ids.yaml");
    CHECK_THROWS_WITH(store::next_case_id(folder, 2025),
                      Catch::Contains("NDSCP-2025 has used every case number up to 999999999"));
    CHECK(slurp(root / "cases" / "ids.yaml") == full);
    CHECK(store::next_case_id(folder, 2026) == "NDSCP-2026-001");  // another year is not full
}

// ---- case_path, open_case_folder, load_case -------------------------------------------------

TEST_CASE("case_path accepts only case IDs; existing_case_path only existing cases", "[paths]") {
    TempDir tmp;
    store::init_case_folder(tmp.path, example_config());
    const store::CaseFolder folder = store::open_case_folder(tmp.path);
    CHECK(store::case_path(folder, "NDSCP-2025-001") == tmp.path / "cases" / "NDSCP-2025-001");
    CHECK(store::case_path(folder, "NDSCP-2025-1234") == tmp.path / "cases" / "NDSCP-2025-1234");
    for (const std::string bad : {"../../etc/passwd", "NDSCP-2025-001/../x", "", "ndscp-2025-001", "NDSCP-2025-01",
                                  "NDSCP-25-001", "NDSCP-2025-001/", "/NDSCP-2025-001", "NDSCP-2025-001\n",
                                  " NDSCP-2025-001", "NDSCP-2025-00a", "..", ".", "cases", "NDSCP_2025_001"}) {
        INFO("[" << bad << "]");
        CHECK_THROWS_AS(store::case_path(folder, bad), cspr::Error);
        CHECK_THROWS_AS(store::existing_case_path(folder, bad), cspr::Error);
    }
    CHECK_THROWS_AS(store::existing_case_path(folder, "NDSCP-2025-999"), cspr::Error);
    fs::create_directories(tmp.path / "cases" / "NDSCP-2025-999");
    CHECK(store::existing_case_path(folder, "NDSCP-2025-999") == tmp.path / "cases" / "NDSCP-2025-999");
    // A file, not a folder, is not a case.
    spit(tmp.path / "cases" / "NDSCP-2025-998", "x");
    CHECK_THROWS_AS(store::existing_case_path(folder, "NDSCP-2025-998"), cspr::Error);
    // list_case_ids lists folders named like cases only.
    fs::create_directories(tmp.path / "cases" / "notes");
    CHECK(store::list_case_ids(folder) == std::vector<std::string>{"NDSCP-2025-999"});
}

TEST_CASE("open_case_folder refuses a folder without cspr.yaml", "[paths]") {
    TempDir tmp;
    CHECK_THROWS_AS(store::open_case_folder(tmp.path), cspr::Error);
}

TEST_CASE("load_case reads the example case and checks its id against the folder", "[paths]") {
    const store::CaseFolder folder = store::open_case_folder(fs::path(CSPR_SOURCE_DIR) / "cases-example");
    Diagnostics strict;
    const model::Case c = store::load_case(folder, "NDSCP-2025-001", strict);
    REQUIRE(c.referral);
    REQUIRE(c.notification);
    CHECK(c.referral->child.name == "Robin Example");

    TempDir tmp;
    store::init_case_folder(tmp.path, example_config());
    const store::CaseFolder mine = store::open_case_folder(tmp.path);
    fs::create_directories(tmp.path / "cases" / "NDSCP-2025-002");
    spit(tmp.path / "cases" / "NDSCP-2025-002" / "referral.yaml", kReferral);  // says NDSCP-2025-001
    Diagnostics collect(Diagnostics::Mode::collect);
    (void)store::load_case(mine, "NDSCP-2025-002", collect);
    INFO(describe(collect.problems()));
    REQUIRE(find_problem(collect.problems(), "id"));
}

// ---- issue 13: links (hostile findings F7, F8) ------------------------------------------------

namespace {

bool mentions(const std::vector<cspr::Error>& problems, std::string_view words) {
    return std::any_of(problems.begin(), problems.end(),
                       [&](const cspr::Error& e) { return std::string(e.what()).find(words) != std::string::npos; });
}

}  // namespace

TEST_CASE("symbolic links under cases/ are never followed, for reads or writes", "[links]") {
    TempDir tmp;
    const auto folder = folder_with_case(tmp.path / "f");
    const fs::path outside = tmp.path / "outside";
    fs::create_directories(outside);
    fs::permissions(outside, static_cast<fs::perms>(0755));
    spit(outside / "referral.yaml", "schema_version: 1\nid: NDSCP-2025-009\n");
    fs::create_directory_symlink(outside, tmp.path / "f" / "cases" / "NDSCP-2025-009");

    // A linked case folder is not listed, and naming it is refused with the link's own path.
    CHECK(store::list_case_ids(folder) == std::vector<std::string>{"NDSCP-2025-001"});
    try {
        store::existing_case_path(folder, "NDSCP-2025-009");
        FAIL("a linked case folder was accepted");
    } catch (const cspr::Error& e) {
        CHECK(e.where().file == (tmp.path / "f" / "cases" / "NDSCP-2025-009").string());
        CHECK(e.message() == store::kLinkRefused);
    }
    Diagnostics strict;
    CHECK_THROWS_AS(store::load_case(folder, "NDSCP-2025-009", strict), cspr::Error);
    // Nothing is written through it, and the folder it points to keeps its mode.
    CHECK_THROWS_AS(store::write_case_file(folder, tmp.path / "f" / "cases" / "NDSCP-2025-009" / "actions.yaml",
                                           "x: 1\n"),
                    cspr::Error);
    CHECK(names_in(outside) == std::set<std::string>{"referral.yaml"});
    CHECK(mode_of(outside) == static_cast<fs::perms>(0755));
    // Its name is never handed out again as a new ID.
    CHECK(store::allocate_case_id(folder, 2025) == "NDSCP-2025-010");

    // A linked case file: refused by name, and nothing read through it reaches the error.
    spit(outside / "secret.yaml", "schema_version: 1\nid: NDSCP-2025-001\naware: \"s3cr3t-token\"\n");
    const fs::path linked = tmp.path / "f" / "cases" / "NDSCP-2025-001" / "notification.yaml";
    fs::create_symlink(outside / "secret.yaml", linked);
    CHECK_THROWS_AS(store::read_case_file_if_exists(linked), cspr::Error);
    CHECK(store::read_file_if_exists(linked).has_value());  // a path given on the command line is followed
    Diagnostics collect(Diagnostics::Mode::collect);
    store::load_case(folder, "NDSCP-2025-001", collect);
    CHECK(mentions(collect.problems(), store::kLinkRefused));
    CHECK_FALSE(mentions(collect.problems(), "s3cr3t"));
    CHECK_THROWS_AS(store::write_case_file(folder, linked, "schema_version: 1\n"), cspr::Error);
    CHECK(slurp(outside / "secret.yaml").find("s3cr3t") != std::string::npos);
    CHECK_THROWS_AS(store::remember_files({linked}), cspr::Error);

    // path_problems names both links; the leftover scans never look through them.
    spit(outside / ".referral.yaml.tmp-AbC123", "x");
    std::vector<fs::path> links;
    for (const auto& p : store::path_problems(folder))
        if (p.kind == store::PathProblem::Kind::link) links.push_back(p.path);
    CHECK(links == std::vector<fs::path>{linked, tmp.path / "f" / "cases" / "NDSCP-2025-009"});
    CHECK(store::leftover_temporary_files(folder).empty());
    CHECK(store::cases_without_referral(folder).empty());
}
