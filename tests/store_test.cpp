// Unit tests for the store module (include/cspr/store.hpp and the YAML helpers under src/store/),
// written from docs/case-files.md, independently of the implementation.
//
// Expected values come from the specification (key order, quoting rules, where errors point) and
// from YAML itself: every rendering is read back with yaml-cpp, never compared with what the
// implementation happened to print.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <unistd.h>
#include <yaml-cpp/yaml.h>

#include "cspr/calendar.hpp"
#include "cspr/error.hpp"
#include "cspr/model.hpp"
#include "cspr/rules.hpp"
#include "cspr/store.hpp"
#include "store/doc.hpp"
#include "store/map_reader.hpp"
#include "store/yaml_write.hpp"

namespace fs = std::filesystem;
namespace store = cspr::store;
namespace model = cspr::model;
namespace calendar = cspr::calendar;
using store::Diagnostics;

namespace {

// ---- helpers -----------------------------------------------------------------------------------

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    REQUIRE(in);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void spit(const fs::path& p, std::string_view text) {
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
        path = fs::temp_directory_path() /
               ("cspr-store-test-" + std::to_string(::getpid()) + "-" + std::to_string(stamp) + "-" +
                std::to_string(rd()) + "-" + std::to_string(counter++));
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
};

std::set<std::string> names_in(const fs::path& dir) {
    std::set<std::string> out;
    for (const auto& e : fs::directory_iterator(dir)) out.insert(e.path().filename().string());
    return out;
}

calendar::Date ymd(int y, unsigned m, unsigned d) { return calendar::Date{date::year{y} / date::month{m} / date::day{d}}; }

model::Config example_config() {
    model::Config c;
    c.partnership = "Testshire Safeguarding Children Partnership";
    c.code = "NDSCP";
    c.local_authority = "Testshire Council";
    c.region = calendar::Region::england_and_wales;
    return c;
}

std::string describe(const std::vector<cspr::Error>& problems) {
    std::string out;
    for (const auto& p : problems) out += std::string("  ") + p.what() + "\n";
    return out;
}

// A small referral that is valid in every respect; tests modify it line by line.
// Line numbers (1-based) are noted because several tests depend on them.
const std::string kReferral =
    "# yaml-language-server: $schema=../../schemas/referral.schema.json\n"  // 1
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

std::string replace_once(std::string text, std::string_view from, std::string_view to) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
    return text;
}

const cspr::Error* find_problem(const std::vector<cspr::Error>& problems, std::string_view field) {
    for (const auto& p : problems)
        if (p.where().field == field) return &p;
    return nullptr;
}

}  // namespace

// ---- 1. Round trip of every example file ---------------------------------------------------------

TEST_CASE("every YAML file in cases-example parses without problems and formats back byte-identical", "[roundtrip]") {
    const fs::path root = fs::path(CSPR_SOURCE_DIR) / "cases-example";
    REQUIRE(fs::is_directory(root));
    int checked = 0;
    std::map<std::string, int> kinds;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
        if (!entry.is_regular_file()) continue;
        const fs::path p = entry.path();
        const std::string ext = p.extension().string();
        if (ext != ".yaml" && ext != ".yml") continue;
        const std::string name = p.filename().string();
        const std::string rel = fs::relative(p, root).generic_string();
        const std::string text = slurp(p);
        Diagnostics diagnostics(Diagnostics::Mode::collect);
        std::string again;
        INFO("file: " << rel);
        if (rel == "cspr.yaml") {
            again = store::format_config(store::parse_config(text, rel, diagnostics));
        } else if (rel == "cases/ids.yaml") {
            again = store::format_ids(store::parse_ids(text, rel, diagnostics));
        } else if (name == "referral.yaml" && p.parent_path().parent_path().filename() == "cases") {
            again = store::format_referral(store::parse_referral(text, rel, diagnostics));
        } else if (name == "notification.yaml" && p.parent_path().parent_path().filename() == "cases") {
            again = store::format_notification(store::parse_notification(text, rel, diagnostics));
        } else if (name == "rapid-review.yaml" && p.parent_path().parent_path().filename() == "cases") {
            again = store::format_rapid_review(store::parse_rapid_review(text, rel, diagnostics));
        } else if (name == "decision.yaml" && p.parent_path().parent_path().filename() == "cases") {
            again = store::format_decision(store::parse_decision(text, rel, diagnostics));
        } else if (name == "publication.yaml" && p.parent_path().parent_path().filename() == "cases") {
            again = store::format_publication(store::parse_publication(text, rel, diagnostics));
        } else if (name == "actions.yaml" && p.parent_path().parent_path().filename() == "cases") {
            again = store::format_actions(store::parse_actions(text, rel, diagnostics));
        } else {
            FAIL("no known kind of case file for " << rel << ": add it to this test");
        }
        ++kinds[rel.starts_with("cases/NDSCP-") ? name : rel];
        INFO("problems:\n" << describe(diagnostics.problems()));
        CHECK(diagnostics.problems().empty());
        CHECK(again == text);
        ++checked;
    }
    CHECK(kinds["cspr.yaml"] == 1);
    CHECK(kinds["cases/ids.yaml"] == 1);
    CHECK(kinds["referral.yaml"] >= 1);
    CHECK(kinds["notification.yaml"] >= 1);
    CHECK(checked >= 4);
}

TEST_CASE("the example files parse the same in strict mode, and the values survive format→parse", "[roundtrip]") {
    const fs::path cases = fs::path(CSPR_SOURCE_DIR) / "cases-example" / "cases";
    for (const auto& entry : fs::directory_iterator(cases)) {
        if (!entry.is_directory()) continue;
        for (std::string_view kind : {"referral.yaml", "notification.yaml"}) {
            const fs::path p = entry.path() / kind;
            if (!fs::exists(p)) continue;
            INFO(p.string());
            Diagnostics strict;
            const std::string text = slurp(p);
            if (kind == "referral.yaml") {
                const auto r = store::parse_referral(text, p.string(), strict);
                CHECK(r.id == entry.path().filename().string());
                CHECK(store::parse_referral(store::format_referral(r), "again", strict) == r);
            } else {
                const auto n = store::parse_notification(text, p.string(), strict);
                CHECK(n.id == entry.path().filename().string());
                CHECK(store::parse_notification(store::format_notification(n), "again", strict) == n);
            }
        }
    }
}

TEST_CASE("a referral with every optional key formats in the order of docs/case-files.md", "[roundtrip]") {
    // The example of docs/case-files.md, completed; written in the documented key order and style.
    const std::string text =
        "# yaml-language-server: $schema=../../schemas/referral.schema.json\n"
        "schema_version: 1\n"
        "id: NDSCP-2025-001\n"
        "received: \"2025-03-03T10:30\"\n"
        "confirmed_in_writing: \"2025-03-04T09:15\"\n"
        "referrer:\n"
        "  name: Alex Fictional\n"
        "  agency: Northdale Police\n"
        "  role: Detective Sergeant\n"
        "  contact: alex.fictional@example.org\n"
        "child:\n"
        "  name: Robin Example\n"
        "  date_of_birth: \"2019-04-02\"\n"
        "  date_of_death: \"2025-03-01\"\n"
        "  incident_date: \"2025-03-01\"\n"
        "  home_address: \"1 Example Row, Northdale, ND1 2AB\"\n"
        "  ethnicity: White British\n"
        "  faith: None\n"
        "  disability: None known\n"
        "  child_protection_plan: previous\n"
        "  looked_after: false\n"
        "  whereabouts: At home\n"
        "  carer: Mother\n"
        "family:\n"
        "  - name: Jo Example\n"
        "    relationship: mother\n"
        "    date_of_birth: \"1995-07-14\"\n"
        "    address: \"1 Example Row, Northdale, ND1 2AB\"\n"
        "    legal_status: Arrested, released under investigation\n"
        "    ethnicity: White British\n"
        "agencies:\n"
        "  - name: Pat Sample\n"
        "    agency: Northdale Health Visiting\n"
        "    contact: pat.sample@example.org\n"
        "    still_involved: true\n"
        "criteria:\n"
        "  - died-abuse-neglect\n"
        "  - cp-plan\n"
        "narrative: |\n"
        "  Robin was taken to hospital.\n"
        "  Robin died the same day.\n";
    Diagnostics strict;
    const auto r = store::parse_referral(text, "referral.yaml", strict);
    CHECK(r.child.date_of_death == ymd(2025, 3, 1));
    CHECK(r.agencies.at(0).still_involved == true);
    CHECK(r.narrative == "Robin was taken to hospital.\nRobin died the same day.\n");
    CHECK(store::format_referral(r) == text);
}

TEST_CASE("a referral form (--from) has no id or schema_version and is not an unknown key", "[roundtrip]") {
    std::string form = kReferral.substr(kReferral.find("received:"));
    const auto r = store::parse_referral_form(form, "form.yaml");
    CHECK(r.id.empty());
    CHECK(r.extra.empty());
    CHECK(r.child.name == "Robin Example");
    const auto with_header = store::parse_referral_form(kReferral, "form.yaml");
    CHECK(with_header.extra.empty());
}

// ---- 2. Unknown keys ---------------------------------------------------------------------------

namespace {

// Two YAML nodes hold the same data: same shape, same keys in the same order, same scalar text,
// and a scalar that was quoted (text) stays text while a plain one stays plain.
bool same_data(const YAML::Node& a, const YAML::Node& b) {
    if (a.Type() != b.Type()) return false;
    switch (a.Type()) {
        case YAML::NodeType::Scalar: {
            if (a.Scalar() != b.Scalar()) return false;
            // A quoted scalar is tagged "!" (a string); a plain one "?" (resolved by content).
            return (a.Tag() == "!") == (b.Tag() == "!") || a.Scalar().find_first_of("\n,[]{}#\"'") != std::string::npos;
        }
        case YAML::NodeType::Sequence: {
            if (a.size() != b.size()) return false;
            for (std::size_t i = 0; i < a.size(); ++i)
                if (!same_data(a[i], b[i])) return false;
            return true;
        }
        case YAML::NodeType::Map: {
            if (a.size() != b.size()) return false;
            auto ia = a.begin();
            auto ib = b.begin();
            for (; ia != a.end(); ++ia, ++ib) {
                if (ia->first.Scalar() != ib->first.Scalar()) return false;
                if (!same_data(ia->second, ib->second)) return false;
            }
            return true;
        }
        default: return true;
    }
}

}  // namespace

TEST_CASE("unknown keys at every level survive a rewrite with the same values", "[extras]") {
    std::string text = kReferral;
    // In `child`, after a known key (unknown keys may be anywhere).
    text = replace_once(text, "  looked_after: false\n",
                        "  looked_after: false\n"
                        "  nickname: Bobby\n"
                        "  school_ref: \"007\"\n");
    // In a `family` item.
    text = replace_once(text, "    relationship: mother\n",
                        "    relationship: mother\n"
                        "    phones:\n"
                        "      - \"01234 567890\"\n"
                        "      - 7\n"
                        "    flags: {carer: yes, note: \"a: b\"}\n");
    // At the top level, between known keys and at the end: scalar, quoted "007", list, nested map.
    text = replace_once(text, "referrer:\n",
                        "legacy_ref: \"007\"\n"
                        "referrer:\n");
    text += "case_number: 42\n"
            "tags:\n"
            "  - urgent\n"
            "  - \"no\"\n"
            "  - 2025-03-04\n"
            "review:\n"
            "  chair: Jamie Placeholder\n"
            "  panel:\n"
            "    members: [a, \"b, c\", 'd']\n"
            "    since: \"2024-01-01\"\n"
            "  empty: ~\n"
            "  text: |\n"
            "    two\n"
            "    lines\n";

    Diagnostics strict;
    const model::Referral first = store::parse_referral(text, "referral.yaml", strict);
    // Nested keys (review.chair, review.text...) stay inside their parent's value.
    REQUIRE(first.extra.size() == 4);
    CHECK(first.extra[0].first == "legacy_ref");
    CHECK(first.extra[1].first == "case_number");
    CHECK(first.extra[2].first == "tags");
    CHECK(first.extra[3].first == "review");
    REQUIRE(first.child.extra.size() == 2);
    CHECK(first.child.extra[0].first == "nickname");
    CHECK(first.child.extra[1].first == "school_ref");
    REQUIRE(first.family.size() == 1);
    REQUIRE(first.family[0].extra.size() == 2);
    CHECK(first.family[0].extra[0].first == "phones");
    CHECK(first.family[0].extra[1].first == "flags");
    CHECK(first.referrer.extra.empty());

    const std::string written = store::format_referral(first);
    INFO("written:\n" << written);
    const model::Referral second = store::parse_referral(written, "referral.yaml", strict);
    CHECK(second.extra == first.extra);
    CHECK(second.child.extra == first.child.extra);
    CHECK(second.family[0].extra == first.family[0].extra);
    CHECK(second == first);
    // Writing again changes nothing: the canonical form is a fixed point.
    CHECK(store::format_referral(second) == written);

    // The known keys come first, in the documented order; unknown ones after them, in file order.
    const auto pos = [&](std::string_view s) { return written.find(s); };
    CHECK(pos("\nnarrative:") < pos("\nlegacy_ref:"));
    CHECK(pos("\nlegacy_ref:") < pos("\ncase_number:"));
    CHECK(pos("\ncase_number:") < pos("\ntags:"));
    CHECK(pos("\ntags:") < pos("\nreview:"));
    CHECK(pos("  carer") == std::string::npos);
    CHECK(pos("  looked_after: false\n  nickname:") != std::string::npos);

    // Read both texts as plain YAML: every unknown value means the same data as before.
    const YAML::Node before = YAML::Load(text);
    const YAML::Node after = YAML::Load(written);
    for (const char* key : {"legacy_ref", "case_number", "tags", "review"}) {
        INFO(key);
        CHECK(same_data(before[key], after[key]));
    }
    CHECK(same_data(before["child"]["nickname"], after["child"]["nickname"]));
    CHECK(same_data(before["child"]["school_ref"], after["child"]["school_ref"]));
    CHECK(same_data(before["family"][0]["phones"], after["family"][0]["phones"]));
    CHECK(same_data(before["family"][0]["flags"], after["family"][0]["flags"]));

    // "007" stays the text 007 (quoted, so no reader takes it for the number 7).
    CHECK(after["legacy_ref"].Scalar() == "007");
    CHECK(after["legacy_ref"].Tag() == "!");
    CHECK(after["child"]["school_ref"].Scalar() == "007");
    CHECK(after["child"]["school_ref"].Tag() == "!");
    CHECK(after["tags"][1].Scalar() == "no");
    CHECK(after["tags"][1].Tag() == "!");
    // The plain number stays a plain number, and the null stays null.
    CHECK(after["case_number"].as<int>() == 42);
    CHECK(after["case_number"].Tag() != "!");
    CHECK(after["review"]["empty"].IsNull());
    CHECK(after["review"]["panel"]["members"][1].Scalar() == "b, c");
    CHECK(after["review"]["text"].Scalar() == "two\nlines\n");
    CHECK(after["family"][0]["flags"]["note"].Scalar() == "a: b");
    CHECK(after["family"][0]["phones"][0].Scalar() == "01234 567890");
    CHECK(after["family"][0]["phones"][0].Tag() == "!");
}

TEST_CASE("unknown keys in cspr.yaml, git, a timescale and a notification survive", "[extras]") {
    const std::string config_text =
        "# yaml-language-server: $schema=schemas/cspr.schema.json\n"
        "schema_version: 1\n"
        "partnership: Testshire Safeguarding Children Partnership\n"
        "code: NDSCP\n"
        "local_authority: Testshire Council\n"
        "region: england-and-wales\n"
        "git:\n"
        "  commit: true\n"
        "  remote: origin\n"
        "timescales:\n"
        "  referral-confirm:\n"
        "    length: 72\n"
        "    unit: hours\n"
        "    reason: three days locally\n"
        "    approved_by: \"007\"\n"
        "contact: [a, b]\n";
    Diagnostics strict;
    const auto config = store::parse_config(config_text, "cspr.yaml", strict);
    CHECK(config.git_commit);
    REQUIRE(config.git_extra.size() == 1);
    CHECK(config.git_extra[0].first == "remote");
    REQUIRE(config.timescales.count("referral-confirm") == 1);
    const auto& o = config.timescales.at("referral-confirm");
    CHECK(o.length == 72);
    CHECK(o.unit == model::Unit::hours);
    CHECK(o.reason == "three days locally");
    REQUIRE(o.extra.size() == 1);
    CHECK(o.extra[0].first == "approved_by");
    REQUIRE(config.extra.size() == 1);
    const std::string written = store::format_config(config);
    CHECK(store::parse_config(written, "cspr.yaml", strict) == config);
    CHECK(written == config_text);  // already canonical
    CHECK(YAML::Load(written)["timescales"]["referral-confirm"]["approved_by"].Scalar() == "007");

    const std::string notification_text =
        "# yaml-language-server: $schema=../../schemas/notification.schema.json\n"
        "schema_version: 1\n"
        "id: NDSCP-2025-001\n"
        "aware: \"2025-03-04\"\n"
        "test:\n"
        "  abuse_or_neglect: suspected\n"
        "  harm: seriously-harmed\n"
        "  location: in-area\n"
        "  looked_after: false\n"
        "  care_leaver: false\n"
        "  checked_by: Sam\n"
        "notifiable: true\n"
        "reasons:\n"
        "  - one (source)\n"
        "recipients:\n"
        "  - recipient: panel\n"
        "    rule: notify-panel\n"
        "    sent: \"2025-03-10\"\n"
        "    reference: \"00123\"\n"
        "owner: {name: Sam, team: [x]}\n";
    const auto n = store::parse_notification(notification_text, "notification.yaml", strict);
    REQUIRE(n.test.extra.size() == 1);
    REQUIRE(n.recipients.size() == 1);
    REQUIRE(n.recipients[0].extra.size() == 1);
    REQUIRE(n.extra.size() == 1);
    const std::string n_written = store::format_notification(n);
    CHECK(n_written == notification_text);
    CHECK(store::parse_notification(n_written, "notification.yaml", strict) == n);
}

// ---- 3. Quoting --------------------------------------------------------------------------------

namespace {

// What a YAML reader makes of `rendered` as the value of a key.
YAML::Node read_value(const std::string& rendered) { return YAML::Load("key: " + rendered + "\n")["key"]; }

bool is_quoted(const std::string& rendered) {
    return !rendered.empty() && (rendered.front() == '"' || rendered.front() == '\'');
}

}  // namespace

TEST_CASE("yaml_scalar: text YAML could misread is quoted; every rendering reads back exactly", "[quoting]") {
    // Each of these, written plain, a YAML 1.1 reader takes for something other than the text:
    // a boolean, null, a number, a timestamp, a mapping, a comment, or nothing at all.
    const std::vector<std::string> must_quote = {"no", "Yes", "ON", "null", "~", "007", "1e3", "2025-03-04",
                                                 "a: b", "x #y", "", "true", "FALSE", "off", "y", "N",
                                                 "12", "-5", "3.14", "0x1F", ".5", "#tag", "[x]", "{x}",
                                                 "*alias", "&anchor", "!tag", "trailing ", " leading",
                                                 "key:", "|", ">", "%", "@at", "`tick", "\"q\"", "'s'",
                                                 "line\nbreak"};
    for (const auto& v : must_quote) {
        const std::string rendered = store::yaml_scalar(v);
        INFO("value [" << v << "] rendered as [" << rendered << "]");
        CHECK(is_quoted(rendered));
        const YAML::Node node = read_value(rendered);
        REQUIRE(node.IsScalar());
        CHECK(node.Scalar() == v);
        if (is_quoted(rendered)) CHECK(node.Tag() == "!");
    }
    // These YAML cannot misread, so the spec wants them plain.
    const std::vector<std::string> plain = {"plain text", "O'Brien", "Ümlaut", "White British", "Mother",
                                            "Arrested, released under investigation",
                                            "alex.fictional@example.org", "mother's partner"};
    for (const auto& v : plain) {
        const std::string rendered = store::yaml_scalar(v);
        INFO("value [" << v << "] rendered as [" << rendered << "]");
        CHECK(rendered == v);
        const YAML::Node node = read_value(rendered);
        REQUIRE(node.IsScalar());
        CHECK(node.Scalar() == v);
    }
    // Either is fine for these, as long as the reading is exact (and a plain one is not a bool/null).
    const std::vector<std::string> either = {"-lead", "a:b", "x#y", "50%", "NaN-like", "Yes please", "no one",
                                             "e1", "Infinity", "nullable", "Z", "a - b", "(c)", "é",
                                             "back\\slash", "tab\there", "a|b", "x > y"};
    for (const auto& v : either) {
        const std::string rendered = store::yaml_scalar(v);
        INFO("value [" << v << "] rendered as [" << rendered << "]");
        const YAML::Node node = read_value(rendered);
        REQUIRE(node.IsScalar());
        CHECK(node.Scalar() == v);
    }
}

TEST_CASE("yaml_quoted escapes quotes, backslashes and control characters", "[quoting]") {
    const std::vector<std::string> values = {"say \"hi\"", "C:\\path", "a\tb", "a\nb", "nul\x01x", "del\x7f",
                                             "Ümlaut ✓"};
    for (const std::string& v : values) {
        const std::string rendered = store::yaml_quoted(v);
        INFO("[" << rendered << "]");
        CHECK(rendered.front() == '"');
        CHECK(rendered.back() == '"');
        CHECK(rendered.find('\n') == std::string::npos);
        CHECK(read_value(rendered).Scalar() == v);
    }
}

TEST_CASE("multi-line text round-trips exactly through YamlWriter::text and a YAML reader", "[quoting]") {
    const std::vector<std::string> texts = {
        "first\nsecond",                       // no trailing newline
        "first\nsecond\n",                     // one trailing newline
        "first\nsecond\n\n",                   // two trailing newlines
        "first\nsecond\n\n\n",                 // three
        "first\n\nthird after a blank line\n", // blank line inside
        "first\n\n\nafter two blank lines",
        "first\n  indented second\nthird\n",   // a line starting with spaces after the first
        "first\n    deeper\n  less\n",
        "# not a comment\n- not a list\nkey: not a map\n",
        "\"quoted\" and 'single'\n",
        "  leading spaces on the first line\nsecond\n",
        "\nstarts with a newline",
        "trailing space \nsecond\n",
        "tab\tinside\nsecond\n",
        "ends with spaces\n  ",
        "Ümlaut\n✓ ok\n",
    };
    for (const auto& v : texts) {
        store::YamlWriter w("schemas/x.schema.json", 1);
        w.text("narrative", v);
        w.begin_map("child");
        w.text("notes", v);
        w.end_map();
        w.begin_list("family");
        w.begin_item();
        w.text("name", "Jo");
        w.text("notes", v);
        w.end_list();
        w.text("after", "end");
        const std::string& out = w.str();
        INFO("value [" << v << "]\nwritten:\n" << out);
        const YAML::Node doc = YAML::Load(out);
        CHECK(doc["schema_version"].as<int>() == 1);
        CHECK(doc["narrative"].Scalar() == v);
        CHECK(doc["child"]["notes"].Scalar() == v);
        CHECK(doc["family"][0]["name"].Scalar() == "Jo");
        CHECK(doc["family"][0]["notes"].Scalar() == v);
        CHECK(doc["after"].Scalar() == "end");
        // A written file never holds a comment that would block its own rewrite.
        CHECK_FALSE(store::first_comment_line(out).has_value());
    }
}

TEST_CASE("text with line breaks is a | block when it can be", "[quoting]") {
    store::YamlWriter w("schemas/x.schema.json", 1);
    w.text("narrative", "one\n\ntwo\n");
    CHECK(w.str().find("narrative: |\n  one\n\n  two\n") != std::string::npos);
}

TEST_CASE("narratives round-trip through format_referral and parse_referral", "[quoting]") {
    Diagnostics strict;
    model::Referral r = store::parse_referral(kReferral, "referral.yaml", strict);
    for (const std::string v : {"a\n\nb", "a\nb\n", "a\nb", "a\nb\n\n", "a\n  b\nc", "one line", "no", "007",
                                "a: b", "x #y", "Line one.\n\n  - bullet\n  - bullet\n"}) {
        r.narrative = v;
        r.child.carer = v;
        const std::string written = store::format_referral(r);
        INFO("[" << v << "]\n" << written);
        const auto back = store::parse_referral(written, "referral.yaml", strict);
        CHECK(back.narrative == v);
        CHECK(back.child.carer == v);
        CHECK(store::format_referral(back) == written);
    }
}

// ---- 4. first_comment_line ---------------------------------------------------------------------

TEST_CASE("first_comment_line finds comments and only comments", "[comments]") {
    const std::string modeline = "# yaml-language-server: $schema=../../schemas/referral.schema.json\n";
    CHECK_FALSE(store::first_comment_line(modeline + "schema_version: 1\nid: X\n").has_value());
    CHECK_FALSE(store::first_comment_line("").has_value());

    // A comment on its own line.
    CHECK(store::first_comment_line(modeline + "schema_version: 1\n# note\nid: X\n") == 3);
    CHECK(store::first_comment_line(modeline + "a: 1\nb:\n  c: 2\n    # indented note\n") == 5);
    // After a value.
    CHECK(store::first_comment_line(modeline + "schema_version: 1\nid: X # note\n") == 3);
    CHECK(store::first_comment_line(modeline + "a: 1\nlist:\n  - x  # note\n") == 4);
    CHECK(store::first_comment_line(modeline + "a: \"quoted\" # note\n") == 2);
    // The first one, when there are several.
    CHECK(store::first_comment_line(modeline + "a: 1\n# one\n# two\n") == 3);
    // A comment on line 1 that is not the modeline counts.
    CHECK(store::first_comment_line("# my own note\na: 1\n") == 1);
    // The modeline anywhere but line 1 is just a comment.
    CHECK(store::first_comment_line("a: 1\n" + modeline) == 2);

    // Not comments: `#` inside quotes, inside a | block, or not after a space.
    CHECK_FALSE(store::first_comment_line(modeline + "a: \"x # y\"\n").has_value());
    CHECK_FALSE(store::first_comment_line(modeline + "a: 'x # y'\n").has_value());
    CHECK_FALSE(store::first_comment_line(modeline + "a: \"say \\\" # y\"\n").has_value());
    CHECK_FALSE(store::first_comment_line(modeline + "a: x#y\nb: http://e.org/#top\n").has_value());
    CHECK_FALSE(store::first_comment_line(modeline + "a: O'Brien\nb: it's\n").has_value());
    CHECK_FALSE(store::first_comment_line(modeline + "narrative: |\n  line\n  # not a comment\n\n  more # text\n").has_value());
    CHECK_FALSE(store::first_comment_line(modeline + "child:\n  notes: |-\n    # heading\n    text\n  carer: M\n").has_value());
    CHECK_FALSE(store::first_comment_line(modeline + "family:\n  - notes: |+\n      # x\n\n    name: Jo\n").has_value());
    CHECK_FALSE(store::first_comment_line(modeline + "a: >\n  # folded\n").has_value());

    // After a block ends, comments count again.
    CHECK(store::first_comment_line(modeline + "narrative: |\n  text\n# real note\n") == 4);
    CHECK(store::first_comment_line(modeline + "child:\n  notes: |\n    text\n  # real note\n") == 5);
    // A quoted value then a comment.
    CHECK(store::first_comment_line(modeline + "a: \"x # y\" # real\n") == 2);
    CHECK(store::first_comment_line(modeline + "a: 'x # y' # real\n") == 2);
    CHECK(store::first_comment_line(modeline + "a: O'Brien # real\n") == 2);
    // A missing final newline does not hide a comment.
    CHECK(store::first_comment_line(modeline + "a: 1\n# end") == 3);
}

// ---- 5. write_case_file ------------------------------------------------------------------------

const store::CaseFolder kDefaultFolder{};  // default permissions: 0600 files, 0700 folders

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
    const std::string original =
        "# yaml-language-server: $schema=../../schemas/notification.schema.json\n"
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

TEST_CASE("a failed atomic write leaves no temporary file and the old target as it was", "[write]") {
    TempDir tmp;
    // The target is a folder holding a file: no file can be renamed over it.
    const fs::path target = tmp.path / "referral.yaml";
    fs::create_directories(target);
    spit(target / "keep", "x");
    CHECK_THROWS_AS(store::write_case_file(kDefaultFolder, target, "schema_version: 1\n"), cspr::Error);
    CHECK(names_in(tmp.path) == std::set<std::string>{"referral.yaml"});
    CHECK(fs::is_directory(target));
    CHECK(slurp(target / "keep") == "x");

    // write_file_atomically into a folder that does not exist fails cleanly, naming the file.
    const fs::path missing = tmp.path / "no-such-folder" / "x.yaml";
    try {
        store::write_file_atomically(missing, "x");
        FAIL("wrote into a missing folder");
    } catch (const cspr::Error& e) {
        CHECK(e.where().file == missing.string());
    }
    CHECK(names_in(tmp.path) == std::set<std::string>{"referral.yaml"});
}

TEST_CASE("write_file_atomically honours the requested mode whatever the umask", "[write]") {
    TempDir tmp;
    const auto old_mask = ::umask(0);
    const fs::path file = tmp.path / "a.yaml";
    store::write_file_atomically(file, "a\n");
    ::umask(old_mask);
    CHECK((fs::status(file).permissions() & fs::perms::all) == (fs::perms::owner_read | fs::perms::owner_write));
    const fs::path shared = tmp.path / "s.json";
    store::write_file_atomically(shared, "{}", fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                                                   fs::perms::others_read);
    CHECK((fs::status(shared).permissions() & fs::perms::all) ==
          (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read | fs::perms::others_read));
    CHECK(slurp(shared) == "{}");
    CHECK(names_in(tmp.path) == std::set<std::string>{"a.yaml", "s.json"});
}

TEST_CASE("read_file names a file it cannot read", "[write]") {
    TempDir tmp;
    const fs::path missing = tmp.path / "nope.yaml";
    try {
        (void)store::read_file(missing);
        FAIL("read a missing file");
    } catch (const cspr::Error& e) {
        CHECK(e.where().file == missing.string());
    }
}

TEST_CASE("read_file returns every byte of a file, whatever its size against the read sizes", "[write]") {
    TempDir tmp;
    // Sizes at the edges of the one-call read (size + 1) and of the 16 KB chunks that follow a file
    // reporting no size; every byte value, so nothing is lost or doubled at a boundary.
    for (const std::size_t size : {0UL, 1UL, 16383UL, 16384UL, 16385UL, 100'000UL}) {
        std::string content(size, '\0');
        for (std::size_t i = 0; i < size; ++i) content[i] = static_cast<char>((i * 7 + size) % 256);
        const fs::path file = tmp.path / ("f" + std::to_string(size));
        std::ofstream(file, std::ios::binary) << content;
        INFO(size);
        CHECK(store::read_file(file) == content);
        CHECK(store::read_file_if_exists(file).value() == content);
    }
    // /proc files are regular but report size 0: they are read to their end all the same.
    const std::string status = store::read_file("/proc/self/status");
    CHECK(status.find("Name:") == 0);
    CHECK(status.back() == '\n');
}

TEST_CASE("read_file refuses a file over the limit and a folder, by name", "[write]") {
    TempDir tmp;
    const fs::path big = tmp.path / "big.yaml";
    std::ofstream(big, std::ios::binary) << std::string(3u << 20, 'x');
    CHECK_THROWS_WITH(store::read_file(big, 2u << 20), Catch::Contains("is 3 MB") && Catch::Contains("at most 2 MB"));
    CHECK(store::read_file(big, 3u << 20).size() == (3u << 20));
    CHECK_THROWS_WITH(store::read_file(tmp.path), Catch::Contains("is a folder"));
    CHECK_FALSE(store::read_file_if_exists(tmp.path / "absent.yaml").has_value());
}

// ---- 6. Diagnostics: collect and strict ----------------------------------------------------------

TEST_CASE("collect mode reports every problem with file, line and field; strict throws the first", "[diagnostics]") {
    std::string text = kReferral;
    text = replace_once(text, "  incident_date: \"2025-03-01\"\n", "  incident_date: \"2025-02-30\"\n");  // line 12
    text = replace_once(text, "  - cp-plan\n", "  - flying-saucer\n");                                   // line 20
    text = replace_once(text, "narrative: Robin was taken to hospital.\n", "");                           // missing
    {
        Diagnostics collect(Diagnostics::Mode::collect);
        (void)store::parse_referral(text, "cases/NDSCP-2025-001/referral.yaml", collect);
        const auto& problems = collect.problems();
        INFO(describe(problems));
        CHECK(problems.size() == 3);
        for (const auto& p : problems) CHECK(p.where().file == "cases/NDSCP-2025-001/referral.yaml");

        const auto* date = find_problem(problems, "child.incident_date");
        REQUIRE(date != nullptr);
        CHECK(date->where().line == 12);
        // The value is never quoted: it may be personal (issue 13, F9); the message says what is expected.
        CHECK(date->message().find("2025-02-30") == std::string::npos);
        CHECK(date->message().find("is not a date") != std::string::npos);

        const auto* criterion = find_problem(problems, "criteria[1]");
        REQUIRE(criterion != nullptr);
        CHECK(criterion->where().line == 20);
        CHECK(criterion->message().find("flying-saucer") == std::string::npos);
        CHECK(criterion->message().find("is not a criterion of the referral form") != std::string::npos);

        const auto* narrative = find_problem(problems, "narrative");
        REQUIRE(narrative != nullptr);
        // A missing key has no line of its own: the problem points at the enclosing mapping, the
        // document, whose first key is on line 2 (after the modeline).
        CHECK((narrative->where().line == 1 || narrative->where().line == 2));
        CHECK(std::string(narrative->what()) ==
              "cases/NDSCP-2025-001/referral.yaml:2: narrative: " + narrative->message());
    }
    {
        Diagnostics strict;  // strict is the default
        try {
            (void)store::parse_referral(text, "referral.yaml", strict);
            FAIL("strict mode did not throw");
        } catch (const cspr::Error& e) {
            CHECK(e.where().field == "child.incident_date");
            CHECK(e.where().line == 12);
            CHECK(e.where().file == "referral.yaml");
        }
        CHECK(strict.problems().empty());
    }
}

TEST_CASE("collect mode goes on past problems in nested maps and lists", "[diagnostics]") {
    std::string text = kReferral;
    text = replace_once(text, "  role: Detective Sergeant\n", "");                        // referrer.role missing
    text = replace_once(text, "  looked_after: false\n", "  looked_after: maybe\n");      // line 13 after removal
    text = replace_once(text, "    relationship: mother\n", "    date_of_birth: 1995\n");  // family[0]
    text = replace_once(text, "received: \"2025-03-03T10:30\"\n", "received: \"2025-03-30T01:30\"\n");  // skipped hour
    Diagnostics collect(Diagnostics::Mode::collect);
    (void)store::parse_referral(text, "r.yaml", collect);
    const auto& problems = collect.problems();
    INFO(describe(problems));
    CHECK(problems.size() == 5);
    REQUIRE(find_problem(problems, "referrer.role"));
    // Missing: the line of the enclosing `referrer` (its key, line 5, or its mapping, line 6).
    const int role_line = find_problem(problems, "referrer.role")->where().line;
    CHECK((role_line == 5 || role_line == 6));
    REQUIRE(find_problem(problems, "child.looked_after"));
    CHECK(find_problem(problems, "child.looked_after")->where().line == 13);
    REQUIRE(find_problem(problems, "family[0].relationship"));
    CHECK(find_problem(problems, "family[0].relationship")->where().line == 15);
    REQUIRE(find_problem(problems, "family[0].date_of_birth"));
    CHECK(find_problem(problems, "family[0].date_of_birth")->where().line == 16);
    REQUIRE(find_problem(problems, "received"));
    CHECK(find_problem(problems, "received")->where().line == 4);
}

// ---- 7. Errors name file, line and field ---------------------------------------------------------

TEST_CASE("malformed YAML gives the file and a line", "[errors]") {
    const std::string text = replace_once(kReferral, "  name: Robin Example\n", "  name: \"Robin Example\n");
    Diagnostics strict;
    try {
        (void)store::parse_referral(text, "cases/NDSCP-2025-001/referral.yaml", strict);
        FAIL("an unclosed quote parsed");
    } catch (const cspr::Error& e) {
        CHECK(e.where().file == "cases/NDSCP-2025-001/referral.yaml");
        // The quote opens on line 10; a reader may only notice at the end of the text.
        CHECK(e.where().line >= 10);
        CHECK(e.where().line <= 22);
        CHECK(std::string(e.what()).starts_with("cases/NDSCP-2025-001/referral.yaml:" + std::to_string(e.where().line)));
    }
    Diagnostics collect(Diagnostics::Mode::collect);
    (void)store::parse_referral(text, "r.yaml", collect);
    REQUIRE(collect.problems().size() == 1);  // one syntax error, not a cascade of "missing"
    CHECK(collect.problems()[0].where().line > 0);

    // A bad indentation is a syntax error on its line.
    const std::string bad_indent = replace_once(kReferral, "  agency: Northdale Police\n", "   agency: Northdale Police\n");
    try {
        (void)store::parse_referral(bad_indent, "r.yaml", strict);
        FAIL("bad indentation parsed");
    } catch (const cspr::Error& e) {
        CHECK(e.where().file == "r.yaml");
        CHECK(e.where().line == 7);
    }
}

TEST_CASE("a duplicate key is reported with its line", "[errors]") {
    const std::string top = replace_once(kReferral, "narrative: Robin was taken to hospital.\n",
                                         "narrative: Robin was taken to hospital.\nid: NDSCP-2025-002\n");
    Diagnostics collect(Diagnostics::Mode::collect);
    (void)store::parse_referral(top, "r.yaml", collect);
    INFO(describe(collect.problems()));
    const auto* dup = find_problem(collect.problems(), "id");
    REQUIRE(dup != nullptr);
    CHECK(dup->where().line == 22);
    CHECK(dup->message().find("duplicate") != std::string::npos);

    const std::string nested = replace_once(kReferral, "  looked_after: false\n", "  looked_after: false\n  name: Other\n");
    Diagnostics strict;
    try {
        (void)store::parse_referral(nested, "r.yaml", strict);
        FAIL("a duplicate key in child was accepted");
    } catch (const cspr::Error& e) {
        CHECK(e.where().field == "child.name");
        CHECK(e.where().line == 15);
        CHECK(e.message().find("duplicate") != std::string::npos);
    }
}

TEST_CASE("a missing required field is named", "[errors]") {
    Diagnostics strict;
    const struct {
        std::string remove;
        std::string field;
    } cases[] = {
        {"id: NDSCP-2025-001\n", "id"},
        {"received: \"2025-03-03T10:30\"\n", "received"},
        {"  role: Detective Sergeant\n", "referrer.role"},
        {"  incident_date: \"2025-03-01\"\n", "child.incident_date"},
        {"  child_protection_plan: previous\n", "child.child_protection_plan"},
        {"  looked_after: false\n", "child.looked_after"},
        {"    relationship: mother\n", "family[0].relationship"},
        {"criteria:\n  - died-abuse-neglect\n  - cp-plan\n", "criteria"},
        {"schema_version: 1\n", "schema_version"},
    };
    for (const auto& c : cases) {
        INFO("removed " << c.remove);
        try {
            (void)store::parse_referral(replace_once(kReferral, c.remove, ""), "r.yaml", strict);
            FAIL("parsed without " << c.field);
        } catch (const cspr::Error& e) {
            CHECK(e.where().field == c.field);
            CHECK(e.where().file == "r.yaml");
            CHECK(e.where().line > 0);
        }
    }
    // An empty criteria list is allowed (required, but may be empty).
    const auto r = store::parse_referral(replace_once(kReferral, "criteria:\n  - died-abuse-neglect\n  - cp-plan\n", "criteria: []\n"),
                                         "r.yaml", strict);
    CHECK(r.criteria.empty());
    CHECK(store::format_referral(r).find("\ncriteria: []\n") != std::string::npos);
}

TEST_CASE("schema_version other than 1 is refused", "[errors]") {
    Diagnostics strict;
    for (const std::string version : {"2", "0"}) {
        const std::string text = replace_once(kReferral, "schema_version: 1\n", "schema_version: " + version + "\n");
        try {
            (void)store::parse_referral(text, "r.yaml", strict);
            FAIL("schema_version " << version << " accepted");
        } catch (const cspr::Error& e) {
            CHECK(e.where().field == "schema_version");
            CHECK(e.where().line == 2);
        }
    }
    const std::string config =
        "schema_version: 2\npartnership: P\ncode: NDSCP\nlocal_authority: L\nregion: england-and-wales\n";
    CHECK_THROWS_AS(store::parse_config(config, "cspr.yaml", strict), cspr::Error);
    CHECK_THROWS_AS(store::parse_ids("schema_version: 2\nlast: {}\n", "ids.yaml", strict), cspr::Error);
}

TEST_CASE("other bad values are named by field", "[errors]") {
    Diagnostics strict;
    const auto field_of = [&](const std::string& text) -> std::string {
        try {
            (void)store::parse_referral(text, "r.yaml", strict);
        } catch (const cspr::Error& e) {
            return e.where().field;
        }
        return "(no error)";
    };
    CHECK(field_of(replace_once(kReferral, "previous", "sometimes")) == "child.child_protection_plan");
    CHECK(field_of(replace_once(kReferral, "  looked_after: false", "  looked_after: no")) == "child.looked_after");
    CHECK(field_of(replace_once(kReferral, "\"2019-04-02\"", "\"02/04/2019\"")) == "child.date_of_birth");
    CHECK(field_of(replace_once(kReferral, "\"2025-03-03T10:30\"", "\"2025-03-03 10:30\"")) == "received");
    CHECK(field_of(replace_once(kReferral, "  - cp-plan\n", "  - died-abuse-neglect\n")) == "criteria[1]");
    CHECK(field_of(replace_once(kReferral, "child:\n", "child: none\nx:\n")) == "child");
    CHECK(field_of("- a\n- b\n") == "");
    CHECK(field_of("") == "");

    const std::string config = "schema_version: 1\npartnership: P\ncode: Nd\nlocal_authority: L\nregion: wales\n";
    Diagnostics collect(Diagnostics::Mode::collect);
    (void)store::parse_config(config, "cspr.yaml", collect);
    INFO(describe(collect.problems()));
    CHECK(find_problem(collect.problems(), "code"));
    CHECK(find_problem(collect.problems(), "region"));
}

// ---- 8. allocate_case_id -------------------------------------------------------------------------

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

TEST_CASE("ids.yaml: the documented shape parses; bad entries are refused", "[ids]") {
    Diagnostics strict;
    const auto last = store::parse_ids("schema_version: 1\nlast:\n  \"2025\": 3\n", "ids.yaml", strict);
    CHECK(last == std::map<int, int>{{2025, 3}});
    CHECK(store::format_ids({}) == "# yaml-language-server: $schema=../schemas/ids.schema.json\nschema_version: 1\nlast: {}\n");
    CHECK(store::parse_ids(store::format_ids({}), "ids.yaml", strict).empty());
    const std::map<int, int> two{{2024, 12}, {2025, 1000}};
    CHECK(store::parse_ids(store::format_ids(two), "ids.yaml", strict) == two);
    CHECK_THROWS_AS(store::parse_ids("schema_version: 1\nlast:\n  \"2025\": -1\n", "ids.yaml", strict), cspr::Error);
    CHECK_THROWS_AS(store::parse_ids("schema_version: 1\nlast:\n  twenty: 3\n", "ids.yaml", strict), cspr::Error);
    CHECK_THROWS_AS(store::parse_ids("schema_version: 1\nlast:\n  \"2025\": [1]\n", "ids.yaml", strict), cspr::Error);
}

// ---- 9. case_path ------------------------------------------------------------------------------

TEST_CASE("case_path accepts only case IDs; existing_case_path only existing cases", "[paths]") {
    TempDir tmp;
    store::init_case_folder(tmp.path, example_config());
    const store::CaseFolder folder = store::open_case_folder(tmp.path);
    CHECK(store::case_path(folder, "NDSCP-2025-001") == tmp.path / "cases" / "NDSCP-2025-001");
    CHECK(store::case_path(folder, "NDSCP-2025-1234") == tmp.path / "cases" / "NDSCP-2025-1234");
    for (const std::string bad : {"../../etc/passwd", "NDSCP-2025-001/../x", "", "ndscp-2025-001", "NDSCP-2025-01",
                                  "NDSCP-25-001", "NDSCP-2025-001/", "/NDSCP-2025-001", "NDSCP-2025-001\n", " NDSCP-2025-001",
                                  "NDSCP-2025-00a", "..", ".", "cases", "NDSCP_2025_001"}) {
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

// ---- 10. Holiday feed ----------------------------------------------------------------------------

TEST_CASE("data/bank-holidays.json parses, and format then parse gives the same table", "[feed]") {
    const fs::path path = fs::path(CSPR_SOURCE_DIR) / "data" / "bank-holidays.json";
    const std::string text = slurp(path);
    const calendar::HolidayTable table = store::parse_holiday_feed(text, path.string());
    for (auto r : calendar::kAllRegions) CHECK_FALSE(table.of(r).empty());
    const auto& ew = table.of(calendar::Region::england_and_wales);
    // Known facts: Christmas Day 2024 was a Wednesday bank holiday in England and Wales; the
    // coronation bank holiday was Mon 2023-05-08.
    CHECK(std::any_of(ew.begin(), ew.end(), [](const auto& h) { return h.date == ymd(2024, 12, 25); }));
    const auto coronation = std::find_if(ew.begin(), ew.end(), [](const auto& h) { return h.date == ymd(2023, 5, 8); });
    REQUIRE(coronation != ew.end());
    CHECK(coronation->title.find("oronation") != std::string::npos);
    // Sorted by date, none projected (this is announced data).
    for (auto r : calendar::kAllRegions) {
        const auto& list = table.of(r);
        CHECK(std::is_sorted(list.begin(), list.end(), [](const auto& a, const auto& b) { return a.date < b.date; }));
        CHECK(std::none_of(list.begin(), list.end(), [](const auto& h) { return h.projected; }));
    }
    // A title with a \u escape is read as UTF-8.
    CHECK(std::any_of(ew.begin(), ew.end(), [](const auto& h) { return h.title == "New Year\u2019s Day"; }));

    const std::string formatted = store::format_holiday_feed(table);
    const calendar::HolidayTable again = store::parse_holiday_feed(formatted, "formatted");
    for (auto r : calendar::kAllRegions) CHECK(again.of(r) == table.of(r));
    CHECK(store::format_holiday_feed(again) == formatted);  // deterministic
    // The format is JSON in GOV.UK's shape.
    const YAML::Node json = YAML::Load(formatted);
    CHECK(json["scotland"]["division"].Scalar() == "scotland");
    CHECK(json["england-and-wales"]["events"][0]["date"].IsScalar());
}

TEST_CASE("parse_holiday_feed refuses what is not a feed, naming the field", "[feed]") {
    const auto field_of = [](const std::string& text) -> std::string {
        try {
            (void)store::parse_holiday_feed(text, "feed.json");
        } catch (const cspr::Error& e) {
            CHECK(e.where().file == "feed.json");
            return e.where().field;
        }
        return "(no error)";
    };
    const auto event = [](const std::string& date) {
        return "{\"title\": \"Day\", \"date\": \"" + date + "\", \"notes\": \"\", \"bunting\": true}";
    };
    const auto feed = [&](const std::string& events) {
        return "{\"scotland\": {\"division\": \"scotland\", \"events\": [" + events + "]}}";
    };
    CHECK(field_of(feed(event("2025-01-01"))) == "(no error)");
    CHECK(field_of(feed(event("2025-02-30"))) == "scotland.events[0].date");
    CHECK(field_of(feed(event("2025-01-02") + "," + event("2025-01-01"))) == "scotland.events[1]");
    CHECK(field_of(feed(event("2025-01-01") + "," + event("2025-01-01"))) == "scotland.events[1]");
    CHECK(field_of("{\"wales\": {\"division\": \"wales\", \"events\": []}}") == "wales");
    CHECK(field_of("{\"scotland\": {\"division\": \"england-and-wales\", \"events\": []}}") == "scotland.division");
    CHECK(field_of("[1, 2]") == "");
    CHECK(field_of("{\"scotland\": {\"division\": \"scotland\", \"events\": []}}") == "");
    CHECK_THROWS_AS(store::parse_holiday_feed("{\"scotland\": ", "feed.json"), cspr::Error);
}

// ---- 11. line_of_field ---------------------------------------------------------------------------

TEST_CASE("line_of_field finds dotted fields and falls back to the parent's line", "[lines]") {
    const std::string text =
        "# yaml-language-server: $schema=../../schemas/notification.schema.json\n"  // 1
        "schema_version: 1\n"                                                       // 2
        "id: NDSCP-2025-001\n"                                                      // 3
        "child:\n"                                                                  // 4
        "  name: Robin\n"                                                           // 5
        "  date_of_death: \"2025-03-01\"\n"                                         // 6
        "recipients:\n"                                                             // 7
        "  - recipient: panel\n"                                                    // 8
        "    rule: notify-panel\n"                                                  // 9
        "    sent: \"2025-03-10\"\n"                                                // 10
        "  - recipient: partners\n"                                                 // 11
        "    rule: notify-partners\n"                                               // 12
        "    sent: \"2025-03-12\"\n"                                                // 13
        "  - recipient: cdr-partners\n"                                             // 14
        "    rule: notify-cdr\n";                                                   // 15
    CHECK(store::line_of_field(text, "id") == 3);
    CHECK(store::line_of_field(text, "child.date_of_death") == 6);
    CHECK(store::line_of_field(text, "child.name") == 5);
    CHECK(store::line_of_field(text, "recipients[0].sent") == 10);
    CHECK(store::line_of_field(text, "recipients[1].sent") == 13);
    CHECK(store::line_of_field(text, "recipients[1].rule") == 12);
    CHECK(store::line_of_field(text, "recipients[2].recipient") == 14);
    // Missing: the nearest enclosing field's line.
    CHECK(store::line_of_field(text, "recipients[2].sent") == 14);   // the item
    const int child_line = store::line_of_field(text, "child.date_of_birth");  // `child:` 4, its mapping 5
    CHECK((child_line == 4 || child_line == 5));
    const int list_line = store::line_of_field(text, "recipients[7].sent");  // `recipients:` 7, the list 8
    CHECK((list_line == 7 || list_line == 8));
    CHECK(store::line_of_field(text, "child.name.first") == 5);
    // Not a YAML text at all.
    CHECK(store::line_of_field("a: [1, 2\n", "a") == 0);
}

TEST_CASE("line_of_field agrees with the lines that parse errors report", "[lines]") {
    const std::string text = replace_once(kReferral, "\"2019-04-02\"", "\"2019-02-30\"");
    Diagnostics collect(Diagnostics::Mode::collect);
    (void)store::parse_referral(text, "r.yaml", collect);
    REQUIRE(collect.problems().size() == 1);
    const auto& p = collect.problems()[0];
    CHECK(p.where().field == "child.date_of_birth");
    CHECK(p.where().line == 11);
    CHECK(store::line_of_field(text, "child.date_of_birth") == 11);
    CHECK(store::line_of_field(text, "family[0].relationship") == 17);
    CHECK(store::line_of_field(text, "criteria[1]") == 20);
}

// ---- Regressions ---------------------------------------------------------------------------------

// A `|` block that is the value of a list item's first key (`- notes: |`) ends where the item's next
// key begins, at the key's column (4 here), not at the dash's (2). A comment on that next key's line
// must still be found, or write_case_file would silently drop an analyst's note.
TEST_CASE("first_comment_line_misses_comment_after_block_in_list_item", "[comments][regression]") {
    const std::string modeline = "# yaml-language-server: $schema=../../schemas/referral.schema.json\n";
    const std::string text = modeline +
                             "family:\n"                        // 2
                             "  - legal_status: |\n"            // 3
                             "      Arrested\n"                 // 4
                             "    name: Jo Example  # check\n"  // 5
                             "    relationship: mother\n";      // 6
    // yaml-cpp agrees that line 5 is a key of the same item, not part of the block.
    const YAML::Node doc = YAML::Load(text);
    REQUIRE(doc["family"][0]["name"].Scalar() == "Jo Example");
    REQUIRE(doc["family"][0]["legal_status"].Scalar() == "Arrested\n");
    CHECK(store::first_comment_line(text) == 5);

    TempDir tmp;
    const fs::path file = tmp.path / "referral.yaml";
    spit(file, text);
    CHECK_THROWS_AS(store::write_case_file(kDefaultFolder, file, "schema_version: 1\n"), cspr::Error);
    CHECK(slurp(file) == text);
}

TEST_CASE("fuzz regression: an unknown value with a question mark survives a rewrite") {
    const std::string text =
        "schema_version: 1\nid: NDSCP-2025-001\nreturns: []\nnational_importance: false\n"
        "sign_off:\n  local_authority: {}\n  police: {}\n  icb: {}\nquestions:\n  - Was the family told?\n  - a:b\n  - -x\n  - 50%\n";
    store::Diagnostics strict;
    const auto first = store::parse_rapid_review(text, "q.yaml", strict);
    const auto written = store::format_rapid_review(first);
    const auto again = store::parse_rapid_review(written, "q.yaml", strict);
    CHECK(again == first);
}

TEST_CASE("fuzz regression: unknown-value-trailing-cr: an unknown value ending in carriage returns survives rewrites",
          "[extras][regression]") {
    // tests/fuzz/crashes/fuzz_case_loader-unknown-value-trailing-cr: `note: true\r\r` was kept as the
    // plain text `true\r`, and each rewrite lost one more \r (YAML reads a \r before the line break as
    // part of it). Edge spaces and tabs, which YAML trims from a plain scalar, are the same case.
    const std::string head =
        "schema_version: 1\nid: NDSCP-2025-001\nreturns: []\nnational_importance: false\n"
        "sign_off:\n  local_authority: {}\n  police: {}\n  icb: {}\n";
    for (const std::string tail :
         {"note: true\r\r\n", "note: a\rb\n", "note: [x\r\r, y]\n", "note: {k: \"v\\t\"}\n", "note: \"\\tx\"\n",
          "note: \"x \"\n", "note: \"a\\x7f\"\n"}) {
        INFO(tail);
        store::Diagnostics strict;
        const auto first = store::parse_rapid_review(head + tail, "r.yaml", strict);
        const auto written = store::format_rapid_review(first);
        const auto again = store::parse_rapid_review(written, "r.yaml", strict);
        CHECK(again == first);
        CHECK(store::format_rapid_review(again) == written);
    }
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
    for (const std::string id : {"rule: 1", "x #y", "a\nb", "1", "no", "- x", "[a]", "{b}", "&c", "*d", "\"q\"",
                                 "é", "tab\there", "", "a:b", "x:", "a b ", "?", "notify-panel"}) {
        INFO(id);
        model::Config config = example_config();
        config.timescales[id] = {5, model::Unit::working_days, "a reason", "", {}};
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
    // An empty mapping is not a zero-length override either: length and unit are missing.
    const auto problems = config_problems(kConfigHead + "  notify-panel: {}\n");
    CHECK(find_problem(problems, "timescales.notify-panel.length"));
    CHECK(find_problem(problems, "timescales.notify-panel.unit"));
}

TEST_CASE("fuzz regression: override-length-out-of-range: length is bounded per unit before it is narrowed to int",
          "[config][regression]") {
    const auto override_text = [](const std::string& length, const std::string& unit) {
        return kConfigHead + "  notify-panel:\n    length: " + length + "\n    unit: " + unit + "\n    reason: r\n";
    };
    // The largest length of each unit (about 100 years; hours 60) reads exactly; one more is refused.
    const std::vector<std::pair<std::string, long long>> limits = {
        {"working-days", 26'000}, {"calendar-days", 36'600}, {"hours", 525'600}, {"months", 1'200}, {"years", 100}};
    for (const auto& [unit, most] : limits) {
        INFO(unit);
        Diagnostics strict;
        const auto config = store::parse_config(override_text(std::to_string(most), unit), "cspr.yaml", strict);
        CHECK(config.timescales.at("notify-panel").length == most);
        CHECK(store::parse_config(override_text("0", unit), "cspr.yaml", strict).timescales.at("notify-panel").length == 0);
        const auto problems = config_problems(override_text(std::to_string(most + 1), unit));
        INFO(describe(problems));
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].where().field == "timescales.notify-panel.length");
        CHECK(problems[0].where().line == 8);
        CHECK(problems[0].message().find(std::to_string(most)) != std::string::npos);
    }
    // 4294967301 used to read as 5 (cut to int); these reached undefined behaviour in the engine.
    for (const auto& [length, unit] : std::vector<std::pair<std::string, std::string>>{
             {"4294967301", "working-days"}, {"2147483647", "months"}, {"3000000", "hours"},
             {"9223372036854775807", "years"}, {"-1", "calendar-days"}}) {
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
    const std::string text = "schema_version: 1\npartnership: X\ncode: XSCP\nlocal_authority: Y\nregion: england-and-wales\n"
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

TEST_CASE("huge-value-quoted-whole: a bad value is quoted in the error up to 60 bytes, never inside a character", "[errors][regression]") {
    // Case files never quote a value (it may be personal: issue 13, F9); cspr.yaml's settings are.
    const std::string huge(3000, '9');
    Diagnostics collect(Diagnostics::Mode::collect);
    const std::string text = replace_once(kReferral, "  looked_after: false\n", "  looked_after: " + huge + "\n");
    (void)store::parse_referral(text, "r.yaml", collect);
    REQUIRE(collect.problems().size() == 1);
    const std::string line = collect.problems().front().what();
    CHECK(line.find(std::string(10, '9')) == std::string::npos);
    CHECK(line.find("is not true or false") != std::string::npos);
    CHECK(line.size() < 200);
    const std::string base = "schema_version: 1\npartnership: X\ncode: XSCP\nlocal_authority: Y\nregion: england-and-wales\n";
    Diagnostics config(Diagnostics::Mode::collect);
    (void)store::parse_config(base + "git:\n  commit: " + huge + "\n", "cspr.yaml", config);
    REQUIRE(config.problems().size() == 1);
    const std::string setting = config.problems().front().what();
    CHECK(setting.find("'" + std::string(60, '9') + "…' (3000 bytes) is not true or false") != std::string::npos);
    CHECK(setting.size() < 200);
    Diagnostics again(Diagnostics::Mode::collect);
    (void)store::parse_config(base + "git:\n  commit: a" + std::string(40, ' ') + "éééééééééééé\n", "cspr.yaml", again);
    REQUIRE(again.problems().size() == 1);
    CHECK(std::string(again.problems().front().what()).find("é…'") != std::string::npos);
}

TEST_CASE("cspr.yaml permissions: a group may be given access, every other account never", "[write][config]") {
    const std::string base = "schema_version: 1\npartnership: X\ncode: XSCP\nlocal_authority: Y\nregion: england-and-wales\n";
    const auto parse = [&](const std::string& extra, Diagnostics& d) { return store::parse_config(base + extra, "cspr.yaml", d); };
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

    for (const auto& [bad, words] : std::vector<std::pair<std::string, std::string>>{
             {"files: \"0644\"", "every account on the machine"}, {"folders: \"0755\"", "every account on the machine"},
             {"files: \"0400\"", "at least 0600"}, {"files: \"0740\"", "at most 0660"}, {"folders: \"0600\"", "at least 0700"},
             {"files: \"rw-r-----\"", "not a mode"}, {"files: \"01640\"", "not a mode"}, {"files: \"0648\"", "not a mode"}}) {
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

TEST_CASE("actions-redate-hides-slippage: original_due and history round-trip, in the documented order", "[roundtrip][actions]") {
    // docs/case-files.md: original_due after due, history after evidence; each entry recorded, change,
    // reason. An action without them is written as before (cases-example stays byte-identical).
    const std::string text =
        "# yaml-language-server: $schema=../../schemas/actions.schema.json\n"
        "schema_version: 1\n"
        "id: NDSCP-2025-001\n"
        "actions:\n"
        "  - ref: R1\n"
        "    recommendation: Agree an escalation protocol\n"
        "    owner: Northdale Integrated Care Board\n"
        "    due: \"2025-12-31\"\n"
        "    status: open\n"
        "  - ref: R2\n"
        "    recommendation: Train school designated safeguarding leads\n"
        "    owner: Northdale Council\n"
        "    due: \"2027-03-31\"\n"
        "    original_due: \"2026-03-31\"\n"
        "    status: dropped\n"
        "    history:\n"
        "      - recorded: \"2026-07-01\"\n"
        "        change: \"due: 2026-03-31 -> 2027-03-31\"\n"
        "        reason: \"Provider withdrew: new contract from 2027\"\n"
        "        agreed_by: Case review group\n"
        "      - recorded: \"2026-09-01\"\n"
        "        change: \"status: in-progress -> dropped\"\n"
        "        reason: |-\n"
        "          Superseded by the regional audit.\n"
        "          Agreed at the board.\n";
    Diagnostics strict;
    const auto a = store::parse_actions(text, "actions.yaml", strict);
    REQUIRE(a.actions.size() == 2);
    CHECK_FALSE(a.actions[0].original_due);
    CHECK(a.actions[0].history.empty());
    const auto& x = a.actions[1];
    REQUIRE(x.original_due);
    CHECK(calendar::format_iso_date(*x.original_due) == "2026-03-31");
    REQUIRE(x.history.size() == 2);
    CHECK(calendar::format_iso_date(x.history[0].recorded) == "2026-07-01");
    CHECK(x.history[0].field == "due");
    CHECK(x.history[0].from == "2026-03-31");
    CHECK(x.history[0].to == "2027-03-31");
    CHECK(x.history[0].reason == "Provider withdrew: new contract from 2027");
    CHECK(x.history[0].extra.size() == 1);  // an unknown key in an entry survives
    CHECK(x.history[1].field == "status");
    CHECK(x.history[1].from == "in-progress");
    CHECK(x.history[1].to == "dropped");
    CHECK(x.history[1].reason == "Superseded by the regional audit.\nAgreed at the board.");
    CHECK(store::format_actions(a) == text);
    // Read back by yaml-cpp, independently of cspr's reader.
    const YAML::Node doc = YAML::Load(store::format_actions(a));
    CHECK(doc["actions"][1]["history"][0]["change"].as<std::string>() == "due: 2026-03-31 -> 2027-03-31");
    CHECK_FALSE(doc["actions"][0]["history"]);
    CHECK_FALSE(doc["actions"][0]["original_due"]);
}

TEST_CASE("actions history: a bad entry is named by file, line and field", "[errors][actions]") {
    const std::string head =
        "schema_version: 1\n"
        "id: NDSCP-2025-001\n"
        "actions:\n"
        "  - ref: R2\n"
        "    recommendation: Train leads\n"
        "    owner: Northdale Council\n"
        "    due: \"2027-03-31\"\n"
        "    status: open\n"
        "    history:\n"
        "      - recorded: \"2026-07-01\"\n";
    struct Bad {
        std::string rest, field;
        int line;
    };
    for (const auto& [rest, field, line] : std::vector<Bad>{
             {"        change: \"due: later -> 2027-03-31\"\n        reason: Why\n", "actions[0].history[0].change", 11},
             {"        change: \"owner: A -> B\"\n        reason: Why\n", "actions[0].history[0].change", 11},
             {"        change: \"status: open -> finished\"\n        reason: Why\n", "actions[0].history[0].change", 11},
             {"        change: \"due: 2026-03-31 -> 2027-03-31\"\n", "actions[0].history[0].reason", 10}}) {
        INFO(rest);
        Diagnostics collect(Diagnostics::Mode::collect);
        (void)store::parse_actions(head + rest, "actions.yaml", collect);
        REQUIRE(collect.problems().size() == 1);
        CHECK(collect.problems()[0].where().file == "actions.yaml");
        CHECK(collect.problems()[0].where().field == field);
        CHECK(collect.problems()[0].where().line == line);
    }
}

// ---- issue 13: links, modes and other writers' work (hostile findings F7, F8, F15, F17) ---------

namespace {

store::CaseFolder folder_with_case(const fs::path& root) {
    store::init_case_folder(root, example_config());
    const auto folder = store::open_case_folder(root);
    store::write_case_file(folder, root / "cases" / "NDSCP-2025-001" / "referral.yaml", "schema_version: 1\nid: NDSCP-2025-001\n");
    return folder;
}

fs::perms mode_of(const fs::path& p) { return fs::symlink_status(p).permissions() & fs::perms::all; }

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
    CHECK_THROWS_AS(store::write_case_file(folder, tmp.path / "f" / "cases" / "NDSCP-2025-009" / "actions.yaml", "x: 1\n"),
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

TEST_CASE("yaml_quoted escapes U+0085, U+2028, U+2029 and C1 controls, which YAML 1.1 reads differently raw", "[quoting]") {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"a\xC2\x85" "b", "\"a\\Nb\""},
        {"a\xE2\x80\xA8" "b", "\"a\\Lb\""},
        {"a\xE2\x80\xA9" "b", "\"a\\Pb\""},
        {"a\xC2\x80" "b\xC2\x9F", "\"a\\x80b\\x9f\""},
        {"\xC2\xA0\xE2\x80\xA7\xC3\xA9", "\"\xC2\xA0\xE2\x80\xA7\xC3\xA9\""},  // no-break space, U+2027, é: as they are
    };
    for (const auto& [value, expected] : cases) {
        const std::string rendered = store::yaml_quoted(value);
        INFO("[" << rendered << "]");
        CHECK(rendered == expected);
        // cspr reads it back as the same text.
        CHECK(store::parse_document("key: " + rendered + "\n", "f.yaml").find("key")->scalar == value);
        // Never plain, never a | block: both would carry the raw character.
        if (expected.find('\\') != std::string::npos) CHECK(store::yaml_scalar(value).front() == '"');
    }
    store::YamlWriter w("x.schema.json", 1);
    w.text("note", "first\nsecond\xE2\x80\xA8third\n");
    CHECK(w.str().find("\xE2\x80\xA8") == std::string::npos);
}

TEST_CASE("lock-wait-parsing: CSPR_LOCK_WAIT is plain decimal seconds from 0 to 3600; anything else is an error naming it") {
    const auto wait_for = [](const char* text) {
        ::setenv("CSPR_LOCK_WAIT", text, 1);
        const auto wait = store::lock_wait();
        ::unsetenv("CSPR_LOCK_WAIT");
        return wait.count();
    };
    CHECK(wait_for("10") == 10'000);
    CHECK(wait_for("0") == 0);
    CHECK(wait_for("0.5") == 500);
    CHECK(wait_for("0.0004") == 0);
    CHECK(wait_for("2.25") == 2'250);
    CHECK(wait_for("0003600") == 3'600'000);
    CHECK(wait_for("3600.000") == 3'600'000);
    CHECK(wait_for("") == 10'000);  // unset or empty: the default
    for (const char* bad : {"abc", "-1", "+1", "inf", "nan", "1e30", "0x10", "3600.001", "3601", "99999999999999999999",
                            " 5", "5 ", "5.", ".5", "1,5", "5s"}) {
        INFO(bad);
        ::setenv("CSPR_LOCK_WAIT", bad, 1);
        try {
            (void)store::lock_wait();
            FAIL("accepted");
        } catch (const cspr::Error& e) {
            CHECK(e.where().field == "CSPR_LOCK_WAIT");
            CHECK(e.message() == "must be a number of seconds from 0 to 3600, e.g. 10 or 0.5");
        }
        ::unsetenv("CSPR_LOCK_WAIT");
    }
    CHECK(store::wait_text(std::chrono::milliseconds(500)) == "0.5 s");
    CHECK(store::wait_text(std::chrono::milliseconds(10'000)) == "10 s");
    CHECK(store::wait_text(std::chrono::milliseconds(2'250)) == "2.25 s");
    CHECK(store::wait_text(std::chrono::milliseconds(1)) == "0.001 s");
}

// ---- next_case_id and record_case_id (issue 13, F14 and F16) -------------------------------------

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
    CHECK_THROWS_WITH(store::next_case_id(folder, 2025), Catch::Contains("NDSCP-2025 has used every case number up to 999999999"));
    CHECK(slurp(root / "cases" / "ids.yaml") == full);
    CHECK(store::next_case_id(folder, 2026) == "NDSCP-2026-001");  // another year is not full
}
