// src/store/case_files.cpp: cspr.yaml and cases/ids.yaml, read and written back; the fuzz
// regressions on both (tests/fuzz/crashes/), and cspr.yaml's permissions as written files get them.
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "cspr/error.hpp"
#include "cspr/model.hpp"
#include "cspr/rules.hpp"
#include "cspr/store.hpp"
#include "store_testing.hpp"

namespace fs = std::filesystem;
namespace store = cspr::store;
namespace model = cspr::model;
using cspr::testing::describe;
using cspr::testing::example_config;
using cspr::testing::find_problem;
using cspr::testing::replace_once;
using cspr::testing::TempDir;
using store::Diagnostics;

TEST_CASE("ids.yaml: the documented shape parses; bad entries are refused", "[ids]") {
    Diagnostics strict;
    const auto last = store::parse_ids("schema_version: 1\nlast:\n  \"2025\": 3\n", "ids.yaml", strict);
    CHECK(last == std::map<int, int>{{2025, 3}});
    CHECK(store::format_ids({}) ==
          "# yaml-language-server: $schema=../schemas/ids.schema.json\nschema_version: 1\nlast: {}\n");
    CHECK(store::parse_ids(store::format_ids({}), "ids.yaml", strict).empty());
    const std::map<int, int> two{{2024, 12}, {2025, 1000}};
    CHECK(store::parse_ids(store::format_ids(two), "ids.yaml", strict) == two);
    CHECK_THROWS_AS(store::parse_ids("schema_version: 1\nlast:\n  \"2025\": -1\n", "ids.yaml", strict), cspr::Error);
    CHECK_THROWS_AS(store::parse_ids("schema_version: 1\nlast:\n  twenty: 3\n", "ids.yaml", strict), cspr::Error);
    CHECK_THROWS_AS(store::parse_ids("schema_version: 1\nlast:\n  \"2025\": [1]\n", "ids.yaml", strict), cspr::Error);
}

// ---- fuzz regressions on cspr.yaml and cases/ids.yaml ---------------------------------------------

namespace {

// The head of a valid cspr.yaml, up to `timescales:` (line 6); overrides follow from line 7.
const std::string kConfigHead =
    "schema_version: 1\npartnership: Northdale\ncode: ND\nlocal_authority: Northdale Council\n"
    "region: england-and-wales\ntimescales:\n";

// Every problem collect mode reports on `text` as cspr.yaml.
std::vector<cspr::Error> config_problems(const std::string& text) {
    Diagnostics collect(Diagnostics::Mode::collect);
    (void)store::parse_config(text, "cspr.yaml", collect);
    return collect.problems();
}

}  // namespace

TEST_CASE("fuzz regression: ids-year-below-1000: a year outside 1900-2199 is refused, naming file, line and field",
          "[ids][regression]") {
    // tests/fuzz/crashes/fuzz_case_loader-ids-year-below-1000: "0999" was read as 999, written as 999,
    // and that file no longer read.
    for (const std::string year : {"0999", "0001", "1899", "2200", "9999"}) {
        INFO(year);
        const std::string text = "schema_version: 1\nlast:\n  \"2025\": 2\n  \"" + year + "\": 1\n";
        Diagnostics strict;
        CHECK_THROWS_AS(store::parse_ids(text, "cases/ids.yaml", strict), cspr::Error);
        Diagnostics collect(Diagnostics::Mode::collect);
        CHECK(store::parse_ids(text, "cases/ids.yaml", collect) == std::map<int, int>{{2025, 2}});
        REQUIRE(collect.problems().size() == 1);
        const auto& where = collect.problems()[0].where();
        CHECK(where.file == "cases/ids.yaml");
        CHECK(where.line == 4);
        CHECK(where.field == "last." + year);
        CHECK(collect.problems()[0].message().find(year) != std::string::npos);
    }
    // Every year accepted formats back to the same four digits: parse, format, parse gives the same
    // value and the same bytes.
    Diagnostics strict;
    const std::string text = "schema_version: 1\nlast:\n  \"1900\": 1\n  \"2025\": 7\n  \"2199\": 12\n";
    const auto first = store::parse_ids(text, "ids.yaml", strict);
    CHECK(first == std::map<int, int>{{1900, 1}, {2025, 7}, {2199, 12}});
    const std::string written = store::format_ids(first);
    const auto again = store::parse_ids(written, "ids.yaml", strict);
    CHECK(again == first);
    CHECK(store::format_ids(again) == written);
    CHECK(YAML::Load(written)["last"]["1900"].as<int>() == 1);
}

TEST_CASE("fuzz regression: config-rule-id-unquoted: any rule id that was read writes back readable",
          "[config][regression]") {
    // tests/fuzz/crashes/fuzz_case_loader-config-rule-id-unquoted: the id was written as a key unquoted.
    for (const std::string id : {"rule: 1", "x #y", "a\nb", "1", "no", "- x", "[a]", "{b}", "&c", "*d", "\"q\"", "é",
                                 "tab\there", "", "a:b", "x:", "a b ", "?", "notify-panel"}) {
        INFO(id);
        model::Config config = example_config();
        config.timescales[id] = {5, model::Unit::working_days, std::nullopt, "a reason", "", {}};
        const std::string written = store::format_config(config);
        Diagnostics strict;
        model::Config again;
        REQUIRE_NOTHROW(again = store::parse_config(written, "cspr.yaml", strict));
        CHECK(again == config);
        CHECK(store::format_config(again) == written);
        CHECK(YAML::Load(written)["timescales"][id]["length"].as<int>() == 5);  // YAML agrees
        // An id that is not a rule is still reported by `cspr validate` (rules::check_config).
        const auto problems = cspr::rules::check_config(again);
        if (id == "notify-panel") {
            CHECK(problems.empty());
        } else {
            REQUIRE(problems.size() == 1);
            CHECK(problems[0].file == "cspr.yaml");
            CHECK(problems[0].field == "timescales." + id);
            CHECK(problems[0].message.find("is not a rule") != std::string::npos);
        }
    }
    // The reproducer itself reads, and its rewrite reads back the same.
    const std::string text = kConfigHead + "  \"rule: 1\":\n    length: 5\n    unit: working-days\n";
    Diagnostics strict;
    const auto first = store::parse_config(text, "cspr.yaml", strict);
    CHECK(store::parse_config(store::format_config(first), "cspr.yaml", strict) == first);
}

TEST_CASE("fuzz regression: empty-timescale-override: an entry of timescales that is not a mapping is refused",
          "[config][regression]") {
    // `notify-panel:` with no value used to read silently as a zero-length timescale.
    const std::vector<std::pair<std::string, int>> cases = {
        {kConfigHead + "  notify-panel:\n", 7},
        {kConfigHead + "  notify-panel: \n", 7},
        {kConfigHead + "  notify-panel: ~\n", 7},
        {kConfigHead + "  notify-panel: 5\n", 7},
        {kConfigHead + "  notify-panel: [5, working-days]\n", 7},
        {replace_once(kConfigHead, "timescales:\n", "timescales: {notify-panel: }\n"), 6},
        {kConfigHead + "  rapid-review:\n    length: 5\n    unit: working-days\n    reason: r\n  notify-panel:\n", 11},
    };
    for (const auto& [text, line] : cases) {
        INFO(text);
        Diagnostics strict;
        CHECK_THROWS_AS(store::parse_config(text, "cspr.yaml", strict), cspr::Error);
        const auto problems = config_problems(text);
        INFO(describe(problems));
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].where().file == "cspr.yaml");
        CHECK(problems[0].where().line == line);
        CHECK(problems[0].where().field == "timescales.notify-panel");
    }
    // An empty mapping is not a zero-length override either: it gives no timescale.
    const auto problems = config_problems(kConfigHead + "  notify-panel: {}\n");
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].where().field == "timescales.notify-panel");
    CHECK(std::string(problems[0].what()).find("give length and unit, or enabled") != std::string::npos);
}

TEST_CASE("parse_config: a figure is a length and a unit together; enabled alone is an override", "[config]") {
    const auto only_length = config_problems(kConfigHead + "  decision: {length: 2}\n");
    REQUIRE(only_length.size() == 1);
    CHECK(only_length[0].where().field == "timescales.decision.unit");
    const auto only_unit = config_problems(kConfigHead + "  decision: {unit: months}\n");
    REQUIRE(only_unit.size() == 1);
    CHECK(only_unit[0].where().field == "timescales.decision.length");

    Diagnostics strict;
    const auto off =
        store::parse_config(kConfigHead + "  decision: {enabled: false, reason: we decide at the meeting}\n",
                            "cspr.yaml", strict);
    const auto& o = off.timescales.at("decision");
    CHECK(o.enabled == std::optional<bool>(false));
    CHECK_FALSE(o.length.has_value());
    CHECK_FALSE(o.unit.has_value());
    // Written back as read: no length or unit appears.
    const std::string written = store::format_config(off);
    CHECK(written.find("enabled: false") != std::string::npos);
    CHECK(written.find("length") == std::string::npos);
}

TEST_CASE("fuzz regression: override-length-out-of-range: length is bounded per unit before it is narrowed to int",
          "[config][regression]") {
    const auto override_text = [](const std::string& length, const std::string& unit) {
        return kConfigHead + "  notify-panel:\n    length: " + length + "\n    unit: " + unit + "\n    reason: r\n";
    };
    // The largest length of each unit (about 100 years; hours 60) reads exactly; one more is refused.
    const std::vector<std::pair<std::string, long long>> limits = {{"working-days", 26'000},
                                                                   {"calendar-days", 36'600},
                                                                   {"hours", 525'600},
                                                                   {"months", 1'200},
                                                                   {"years", 100}};
    for (const auto& [unit, most] : limits) {
        INFO(unit);
        Diagnostics strict;
        const auto config = store::parse_config(override_text(std::to_string(most), unit), "cspr.yaml", strict);
        CHECK(config.timescales.at("notify-panel").length == most);
        CHECK(store::parse_config(override_text("0", unit), "cspr.yaml", strict).timescales.at("notify-panel").length ==
              0);
        const auto problems = config_problems(override_text(std::to_string(most + 1), unit));
        INFO(describe(problems));
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].where().field == "timescales.notify-panel.length");
        CHECK(problems[0].where().line == 8);
        CHECK(problems[0].message().find(std::to_string(most)) != std::string::npos);
    }
    // 4294967301 used to read as 5 (cut to int); these reached undefined behaviour in the engine.
    for (const auto& [length, unit] : std::vector<std::pair<std::string, std::string>>{{"4294967301", "working-days"},
                                                                                       {"2147483647", "months"},
                                                                                       {"3000000", "hours"},
                                                                                       {"9223372036854775807", "years"},
                                                                                       {"-1", "calendar-days"}}) {
        INFO(length << " " << unit);
        Diagnostics strict;
        try {
            (void)store::parse_config(override_text(length, unit), "cspr.yaml", strict);
            FAIL("accepted");
        } catch (const cspr::Error& e) {
            CHECK(e.where().field == "timescales.notify-panel.length");
            CHECK(e.where().file == "cspr.yaml");
            CHECK(e.where().line == 8);
        }
    }
}

TEST_CASE("rule-id-with-newline: an error quoting text with a line break is still one line", "[errors][regression]") {
    const std::string text =
        "schema_version: 1\npartnership: X\ncode: XSCP\nlocal_authority: Y\nregion: england-and-wales\n"
        "timescales:\n  \"a\\nb\\tc\\x01\": {length: -1, unit: working-days}\n";
    Diagnostics collect(Diagnostics::Mode::collect);
    (void)store::parse_config(text, "cspr.yaml", collect);
    REQUIRE_FALSE(collect.problems().empty());
    for (const auto& p : collect.problems()) {
        const std::string line = p.what();
        INFO(line);
        CHECK(line.find('\n') == std::string::npos);
        CHECK(line.find("timescales.a\\nb\\tc\\x01.length") != std::string::npos);
    }
    CHECK(cspr::format_error({"f", 3, "k"}, "two\nlines") == "f:3: k: two\\nlines");
}

TEST_CASE("cspr.yaml permissions: a group may be given access, every other account never", "[write][config]") {
    const std::string base =
        "schema_version: 1\npartnership: X\ncode: XSCP\nlocal_authority: Y\nregion: england-and-wales\n";
    const auto parse = [&](const std::string& extra, Diagnostics& d) {
        return store::parse_config(base + extra, "cspr.yaml", d);
    };
    Diagnostics clean(Diagnostics::Mode::collect);
    const auto config = parse("permissions:\n  files: \"0640\"\n  folders: \"0750\"\n", clean);
    REQUIRE(clean.problems().empty());
    CHECK(config.permissions.files == 0640);
    CHECK(config.permissions.folders == 0750);
    // Written back only when not the default, and read back the same.
    const std::string written = store::format_config(config);
    CHECK(written.find("permissions:\n  files: \"0640\"\n  folders: \"0750\"\n") != std::string::npos);
    Diagnostics again(Diagnostics::Mode::collect);
    CHECK(store::parse_config(written, "cspr.yaml", again) == config);
    CHECK(store::format_config(parse("", clean)).find("permissions") == std::string::npos);

    for (const auto& [bad, words] :
         std::vector<std::pair<std::string, std::string>>{{"files: \"0644\"", "every account on the machine"},
                                                          {"folders: \"0755\"", "every account on the machine"},
                                                          {"files: \"0400\"", "at least 0600"},
                                                          {"files: \"0740\"", "at most 0660"},
                                                          {"folders: \"0600\"", "at least 0700"},
                                                          {"files: \"rw-r-----\"", "not a mode"},
                                                          {"files: \"01640\"", "not a mode"},
                                                          {"files: \"0648\"", "not a mode"}}) {
        Diagnostics d(Diagnostics::Mode::collect);
        const auto c = parse("permissions:\n  " + bad + "\n", d);
        INFO(bad);
        REQUIRE(d.problems().size() == 1);
        CHECK(std::string(d.problems().front().what()).starts_with("cspr.yaml:7: permissions."));
        CHECK(std::string(d.problems().front().what()).find(words) != std::string::npos);
        CHECK(c.permissions == model::Permissions{});
    }

    TempDir tmp;
    store::CaseFolder folder{tmp.path, config};
    const fs::path file = tmp.path / "cases" / "XSCP-2025-001" / "referral.yaml";
    store::write_case_file(folder, file, "schema_version: 1\n");
    CHECK((fs::status(file).permissions() & fs::perms::all) == static_cast<fs::perms>(0640));
    CHECK((fs::status(file.parent_path()).permissions() & fs::perms::all) == static_cast<fs::perms>(0750));
}
