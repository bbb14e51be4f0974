// src/store/form_template.cpp: the --template forms of refer, rapid-review and decide, made from the
// field tables. Each must be YAML, name every row a person gives where the file has it, and leave
// out what cspr writes itself.
#include <catch2/catch.hpp>

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cspr/field_docs.hpp"
#include "cspr/store.hpp"
#include "testing.hpp"

namespace model = cspr::model;
namespace store = cspr::store;

namespace {

using Path = std::vector<std::string>;  // keys from the root; "[0]" for a list's first item

// Every row of a kind's table with its path in the file, and whether a form should hold it.
class Rows {
public:
    struct Row {
        Path path;
        bool in_form;
    };

    template <class T>
    void operator()(const T& value, const model::Meta& meta, model::Check<T> = nullptr) {
        if (!add(meta)) return;
        if constexpr (std::is_same_v<T, model::PartnerSign>) {
            // a partner's sign-off is printed as `{}`, its keys in the comment
        } else if constexpr (model::Described<T>) {
            within(meta.key, [&] { fields(*this, value); });
        } else if constexpr (requires { value.front(); } && !std::is_same_v<T, std::string> &&
                             !std::is_same_v<T, std::vector<std::string>> && !std::is_same_v<T, model::Extras>) {
            if (meta.seldom) return;  // offered as [], its keys those of a row the form shows already
            const typename T::value_type blank{};
            within(meta.key, [&] { within("[0]", [&] { fields(*this, blank); }); });
        }
    }

    template <class X, class F>
    void group(const model::Meta& meta, X, F&& describe) {
        if (add(meta)) within(meta.key, [&] { describe(*this); });
    }

    template <class T>
    void codec(const T&, const model::Meta& meta, const model::Codec<T>&) {
        add(meta);
    }

    void extras(const model::Extras&) {}

    const std::vector<Row>& rows() const { return rows_; }

private:
    bool add(const model::Meta& meta) {
        Path path = at_;
        path.emplace_back(meta.key);
        const bool in_form = !meta.record_only && !meta.by_cspr;
        rows_.push_back({path, in_form});
        return in_form;
    }

    template <class F>
    void within(std::string_view key, F&& body) {
        at_.emplace_back(key);
        body();
        at_.pop_back();
    }

    Path at_;
    std::vector<Row> rows_;
};

bool has(const YAML::Node& node, const Path& path, std::size_t i = 0) {
    if (i == path.size()) return true;
    if (path[i] == "[0]") return node.IsSequence() && node.size() > 0 && has(node[0], path, i + 1);
    if (!node.IsMap()) return false;
    const YAML::Node child = node[path[i]];
    return child.IsDefined() && has(child, path, i + 1);
}

std::string joined(const Path& path) {
    std::string out;
    for (const auto& p : path) out += (out.empty() || p == "[0]" ? "" : ".") + p;
    return out;
}

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

const std::vector<std::string_view> kFormKinds = {"referral", "rapid-review", "decision"};

}  // namespace

TEST_CASE("each form starts with the line that points an editor at its form schema") {
    for (std::string_view name : kFormKinds) {
        INFO(name);
        const std::string text = store::form_template(*model::find_file_kind(name));
        const std::string schema_line =
            "# yaml-language-server: $schema=../schemas/" + std::string(name) + "-form.schema.json";
        CHECK(lines(text).front() == schema_line);
    }
}

TEST_CASE("a list most forms leave empty is offered as []") {
    const YAML::Node form = YAML::Load(store::form_template(*model::find_file_kind("referral")));
    REQUIRE(form["other_children"].IsSequence());
    CHECK(form["other_children"].size() == 0);
    CHECK(form["family"].size() == 1);  // the others keep their example item
}

TEST_CASE("each form is YAML holding every row a person gives, and none that cspr writes itself") {
    for (std::string_view name : kFormKinds) {
        INFO(name);
        const std::string text = store::form_template(*model::find_file_kind(name));
        YAML::Node form;
        REQUIRE_NOTHROW(form = YAML::Load(text));
        REQUIRE(form.IsMap());
        Rows rows;
        model::with_kind(name, [&](const auto& value) { fields(rows, value); });
        std::size_t given = 0;
        for (const auto& row : rows.rows()) {
            INFO(joined(row.path));
            CHECK(has(form, row.path) == row.in_form);
            given += row.in_form ? 1 : 0;
        }
        CHECK(given > 5);
    }
}

TEST_CASE("the rows left out of forms are the case's id and what cspr writes itself") {
    const std::string decision = store::form_template(*model::find_file_kind("decision"));
    const YAML::Node form = YAML::Load(decision);
    CHECK_FALSE(form["id"].IsDefined());
    CHECK_FALSE(form["amendments"].IsDefined());
    CHECK(form["informed"]["panel"].IsDefined());
}

TEST_CASE("a form's values are blank or a default, and its comments fit the width") {
    const YAML::Node referral = YAML::Load(store::form_template(*model::find_file_kind("referral")));
    CHECK(referral["received"].IsNull());
    CHECK(referral["child"]["name"].IsNull());
    CHECK(referral["child"]["child_protection_plan"].as<std::string>() == "unknown");
    CHECK(referral["child"]["looked_after"].as<std::string>() == "false");
    CHECK(referral["family"].size() == 1);
    CHECK(referral["criteria"].size() == model::referral_criteria().size());
    const YAML::Node review = YAML::Load(store::form_template(*model::find_file_kind("rapid-review")));
    CHECK(review["sign_off"]["police"].IsMap());
    CHECK(review["sign_off"]["police"].size() == 0);
    for (std::string_view name : kFormKinds)
        for (const auto& line : lines(store::form_template(*model::find_file_kind(name)))) {
            INFO(line);
            CHECK(line.size() <= 110);
            // A comment after a key starts in column 35, or one space after a key that reaches it.
            const auto space = line.find(" #");
            if (space != std::string::npos && line.find_first_not_of(' ') < space)
                CHECK((space + 1 == 34 || (space + 1 > 34 && line[space - 1] != ' ')));
        }
}

TEST_CASE("record_form: a recorded decision as a form to amend reads back as the same decision") {
    const auto path = std::filesystem::path(CSPR_SOURCE_DIR) / "cases-example/cases/NDSCP-2025-001/decision.yaml";
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    store::Diagnostics strict;
    model::Decision recorded = store::parse_decision(text.str(), path.string(), strict);
    recorded.amendments.push_back({cspr::testing::ymd(2025, 4, 1), "Changed in a test", {{"date", "2025-03-27"}}, {}});

    const std::string form = store::record_form(*model::find_file_kind("decision"), store::format_decision(recorded));
    CHECK(form.starts_with("# yaml-language-server: $schema=../schemas/decision-form.schema.json\n"));
    for (const char* cspr_writes :
         {"\nid:", "\nschema_version:", "\namendments:", "Changed in a test", "../../schemas"})
        CHECK(form.find(cspr_writes) == std::string::npos);
    CHECK(!form.ends_with("\n\n"));

    store::Diagnostics collect(store::Diagnostics::Mode::collect);
    model::Decision back = store::parse_decision(form, "form.yaml", collect, true);
    CHECK(collect.problems().empty());
    back.id = recorded.id;
    back.amendments = recorded.amendments;
    CHECK(back == recorded);
}
