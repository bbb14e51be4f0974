// src/store/case_files.cpp: the case files read into their model values and written back in
// canonical form: every example file round-trips byte for byte, unknown keys survive, and so does
// any text. (The later steps' files, src/store/review_files.cpp, are in the first round trip too.)
//
// Written from docs/case-files.md, independently of the implementation: expected values come from
// the specification (key order, quoting rules) and from YAML itself, every rendering read back with
// yaml-cpp, never compared with what the implementation happened to print.
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <string>
#include <string_view>

#include <yaml-cpp/yaml.h>

#include "cspr/model.hpp"
#include "cspr/store.hpp"
#include "store_testing.hpp"

namespace fs = std::filesystem;
namespace store = cspr::store;
namespace model = cspr::model;
using cspr::testing::describe;
using cspr::testing::kReferral;
using cspr::testing::replace_once;
using cspr::testing::slurp;
using cspr::testing::ymd;
using store::Diagnostics;

// ---- Round trip of every example file ------------------------------------------------------------

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
        } else if (name == "panel-response.yaml" && p.parent_path().parent_path().filename() == "cases") {
            again = store::format_panel_response(store::parse_panel_response(text, rel, diagnostics));
        } else if (name == "lateness.yaml" && p.parent_path().parent_path().filename() == "cases") {
            again = store::format_lateness(store::parse_lateness(text, rel, diagnostics));
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
    const std::string text = "# yaml-language-server: $schema=../../schemas/referral.schema.json\n"
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

// ---- Unknown keys ------------------------------------------------------------------------------

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
    const std::string config_text = "# yaml-language-server: $schema=schemas/cspr.schema.json\n"
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

    const std::string notification_text = "# yaml-language-server: $schema=../../schemas/notification.schema.json\n"
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

// ---- Text of any shape ------------------------------------------------------------------------

TEST_CASE("narratives round-trip through format_referral and parse_referral", "[quoting]") {
    Diagnostics strict;
    model::Referral r = store::parse_referral(kReferral, "referral.yaml", strict);
    for (const std::string v : {"a\n\nb", "a\nb\n", "a\nb", "a\nb\n\n", "a\n  b\nc", "one line", "no", "007", "a: b",
                                "x #y", "Line one.\n\n  - bullet\n  - bullet\n"}) {
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
