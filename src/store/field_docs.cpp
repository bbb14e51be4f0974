// The field tables of docs/case-files.md, the fuzzer's dictionary and the list of personal keys, made
// from the field tables (cspr/field_tables.hpp) by one visitor that flattens a kind into rows: a
// nested key dotted (`git.commit`), a list's item keys after `[]` (`family[].name`), a keyed mapping's
// entries after a placeholder (`timescales.<rule>.length`).
#include <fmt/format.h>

#include <set>

#include "cspr/field_docs.hpp"

namespace cspr::store {

namespace {

using model::Meta;
using model::Need;

// What a row's defs name says of its value where the C++ type does not (schema_json.cpp has the
// patterns): a single value's type in the docs, and the placeholder of a mapping's keys.
struct DefText {
    std::string_view defs, type, placeholder;
};
constexpr DefText kDefTexts[] = {
    {"caseId", "case ID", "<id>"},
    {"actionRef", "`R` and a number", "<ref>"},
    {"criterion", "criterion id", "<criterion>"},
    {"ruleId", "rule id", "<rule>"},
    {"code", "2–12 capital letters", "<code>"},
};
const DefText* def_text(std::string_view defs) {
    for (const DefText& d : kDefTexts)
        if (d.defs == defs) return &d;
    return nullptr;
}

// One row of a flattened table.
struct Row {
    std::string key;   // the full key, e.g. "child.date_of_birth"
    std::string type;  // the docs' type column
    Meta meta;
    std::vector<std::string> words;  // the spellings the value may take, for the fuzzer
};

std::string spelled(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) out.append(out.empty() ? "" : ", ").append("`" + w + "`");
    return out;
}

// Flattens a table into rows, each parent before its children.
class Flattener {
public:
    Flattener(std::string prefix, const Choices& choices, std::vector<Row>& rows)
        : prefix_(std::move(prefix)), choices_(choices), rows_(rows) {}

    template <class T>
    void operator()(const T& value, const Meta& meta, model::Check<T> = nullptr) {
        add(value, meta);
    }

    template <class X, class F>
    void group(const Meta& meta, X, F&& describe) {
        push(meta, "mapping");
        Flattener inner(key_of(meta) + ".", choices_, rows_);
        describe(inner);
    }

    template <class T>
    void codec(const T&, const Meta& meta, const model::Codec<T>&) {
        push(meta, "text");
    }

    void extras(const model::Extras&) {}

private:
    std::string key_of(const Meta& meta) const { return prefix_ + std::string(meta.key); }

    void push(const Meta& meta, std::string type, std::vector<std::string> words = {}) {
        if (!meta.docs_type.empty()) type = std::string(meta.docs_type);
        rows_.push_back({key_of(meta), std::move(type), meta, std::move(words)});
    }
    // A value spelt one of `words`, which the type column lists.
    void push_spelled(const Meta& meta, std::vector<std::string> words) {
        std::string type = spelled(words);
        push(meta, std::move(type), std::move(words));
    }

    template <class S>
    void nested(const S& value, const std::string& prefix) {
        Flattener inner(prefix, choices_, rows_);
        fields(inner, value);
    }

    // The spellings a text row may take, by its defs name: criterion ids, or the rules' names.
    std::vector<std::string> choices_of(std::string_view defs) const {
        std::vector<std::string> out;
        if (defs == "criterion")
            for (const auto& c : model::referral_criteria()) out.emplace_back(c.id);
        else if (const auto it = choices_.find(defs); it != choices_.end()) out = it->second;
        return out;
    }

    template <class E>
    static std::vector<std::string> spellings() {
        std::vector<std::string> out;
        for (std::string_view n : model::Spelling<E>::names()) out.emplace_back(n);
        return out;
    }

    template <class T>
    void add(const T& value, const Meta& meta) {
        const std::string key = key_of(meta);
        const DefText* def = def_text(meta.defs);
        if constexpr (std::is_same_v<T, std::string>) {
            if (auto words = choices_of(meta.defs); !words.empty()) push_spelled(meta, std::move(words));
            else push(meta, def ? std::string(def->type) : "text");
        } else if constexpr (std::is_same_v<T, calendar::Date> || std::is_same_v<T, std::optional<calendar::Date>>) {
            push(meta, "date");
        } else if constexpr (std::is_same_v<T, calendar::DateTime> ||
                             std::is_same_v<T, std::optional<calendar::DateTime>>) {
            push(meta, "date-time");
        } else if constexpr (std::is_same_v<T, bool> || std::is_same_v<T, std::optional<bool>>) {
            push(meta, "boolean");
        } else if constexpr (std::is_same_v<T, int> || std::is_same_v<T, std::optional<int>>) {
            push(meta, "integer");
        } else if constexpr (model::Spelled<T>) {
            push_spelled(meta, spellings<T>());
        } else if constexpr (model::OptionalSpelled<T>) {
            push_spelled(meta, spellings<typename T::value_type>());
        } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
            push(meta, def ? fmt::format("list of {}s", def->type) : "list of text", choices_of(meta.defs));
        } else if constexpr (std::is_same_v<T, model::Extras>) {
            push(meta, "mapping");
        } else if constexpr (model::Described<T>) {
            push(meta, "mapping");
            nested(value, key + ".");
        } else if constexpr (model::IsOptional<T>::value) {
            push(meta, "mapping");
            nested(typename T::value_type{}, key + ".");
        } else if constexpr (requires { value.front(); }) {
            push(meta, "list of mappings");
            nested(typename T::value_type{}, key + "[].");
        } else {
            push(meta, def ? fmt::format("mapping by {}", def->type) : "mapping");
            nested(typename T::mapped_type{}, fmt::format("{}.{}.", key, def ? def->placeholder : "<key>"));
        }
    }

    std::string prefix_;
    const Choices& choices_;
    std::vector<Row>& rows_;
};

// Every row of a kind, schema_version first as in every file.
std::vector<Row> rows_of(std::string_view kind, const Choices& choices) {
    std::vector<Row> rows;
    Flattener root("", choices, rows);
    root(model::kSchemaVersion,
         model::req("schema_version", "The version of this file's layout; always 1.").type("integer, `1`"));
    model::with_kind(kind, [&](const auto& value) { fields(root, value); });
    return rows;
}

// A table cell: a `|` would end it, and outside `code` a `<CODE>` would be read as an HTML tag.
std::string cell(std::string_view text) {
    std::string out;
    bool code = false;
    for (char c : text) {
        if (c == '`') code = !code;
        if (c == '|' || (c == '<' && !code)) out += '\\';
        out += c;
    }
    return out;
}

// A libFuzzer dictionary entry: "text", with `"` and `\` escaped.
std::string entry(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + "\"";
}

}  // namespace

std::string markdown_fields(const model::FileKind& kind, const Choices& choices) {
    std::string out = "| key | type | required | meaning |\n| --- | --- | --- | --- |\n";
    for (const Row& r : rows_of(kind.name, choices)) {
        std::string need = r.meta.need == Need::required ? "yes" : "no";
        if (r.meta.need == Need::optional && !r.meta.fallback.empty()) need += fmt::format(" ({})", r.meta.fallback);
        std::string meaning(r.meta.about);
        if (r.meta.is_personal) meaning += " (personal)";
        if (r.meta.is_note) meaning += " (free text)";
        out += fmt::format("| `{}` | {} | {} | {} |\n", r.key, cell(r.type), cell(need), cell(meaning));
    }
    return out;
}

std::string fuzz_dictionary() {
    std::set<std::string> words;
    for (const auto& kind : model::kFileKinds) {
        for (const Row& r : rows_of(kind.name, {})) {
            words.emplace(r.meta.key);
            words.insert(r.words.begin(), r.words.end());
        }
    }
    std::string out =
        "# libFuzzer dictionary: every key and enumeration spelling of cspr's file kinds, made from the field\n"
        "# tables by `cspr dev-fields --dictionary`.\n";
    for (const auto& w : words) out += entry(w) + "\n";
    return out;
}

const std::vector<std::string>& personal_keys() {
    static const std::vector<std::string> keys = [] {
        std::set<std::string> personal;
        for (const auto& kind : model::kFileKinds)
            for (const Row& r : rows_of(kind.name, {}))
                if (r.meta.is_personal) personal.emplace(r.meta.key);
        return std::vector<std::string>(personal.begin(), personal.end());
    }();
    return keys;
}

}  // namespace cspr::store
