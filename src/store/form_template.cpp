// The blank form printed by `cspr <command> --template`, made from the field tables: every row a
// person gives, in the file's order and nesting, each with its meaning as a comment. Text and dates
// are left blank, so that a required one left unfilled reads as missing and an optional one as not
// given; enumerations and booleans stand at their default. What cannot be left as printed without
// a word is what form_leftovers.cpp refuses: a list's one blank item, and all the referral's criteria.
#include <fmt/format.h>

#include <algorithm>
#include <string_view>
#include <type_traits>

#include "cspr/field_docs.hpp"

namespace cspr::store {

namespace {

using model::Meta;

constexpr std::size_t kCommentColumn = 34;  // `#` in column 35, as in the forms once written by hand
constexpr std::size_t kWidth = 110;         // what a terminal or an editor shows without wrapping

// The first lines: how the form is used, the formats of its dates, and (for a referral, all of
// whose data is personal) where it must be kept.
std::string header(const model::FileKind& kind) {
    if (kind.name == "referral")
        return "# Referral form for a child safeguarding practice review (cspr refer --from FILE).\n"
               "# Fill in what is known now; do not delay the referral for what is not. Dates are YYYY-MM-DD,\n"
               "# date-times YYYY-MM-DDTHH:MM in London time. All data in this form is personal: keep it in the case "
               "folder.\n";
    if (kind.name == "rapid-review")
        return "# Rapid review record (cspr rapid-review ID --from FILE). Dates are YYYY-MM-DD.\n";
    if (kind.name == "decision")
        return "# Decision record (cspr decide ID --from FILE). Every criterion and circumstance needs an answer and a "
               "note.\n"
               "# Dates are YYYY-MM-DD.\n";
    if (kind.command.empty()) return fmt::format("# {} Dates are YYYY-MM-DD.\n", kind.about);
    return fmt::format("# {} (cspr {} ID --from FILE). Dates are YYYY-MM-DD.\n", kind.about, kind.command);
}

// `text` cut to `room` characters, never inside brackets or quotes: at the end of a clause when that
// keeps at least half of it (a closing parenthesis counts only when nothing follows it), else after
// a word, marked "...".
std::string cut(std::string_view text, std::size_t room) {
    if (text.size() <= room) return std::string(text);
    std::size_t clause = 0, word = 0;
    int depth = 0;
    bool quoted = false;
    for (std::size_t i = 0; i + 1 < text.size() && i + 1 < room; ++i) {
        const char c = text[i];
        if (c == '"' || c == '`') quoted = !quoted;
        else if (c == '(') ++depth;
        else if (c == ')') --depth;
        if (c != ' ' || depth > 0 || quoted) continue;
        const bool last_bracket = text[i + 1] == '(' && text.find(')', i) == text.size() - 2;
        if (last_bracket || (i > 0 && (text[i - 1] == ';' || text[i - 1] == ':'))) clause = i;
        if (i + 3 <= room) word = i;
    }
    if (clause > 0 && (clause >= room / 2 || clause == word))
        return std::string(text.substr(0, text[clause + 1] == '(' ? clause : clause - 1)) + ".";
    std::string_view kept = text.substr(0, word > 0 ? word : room - 3);
    while (!kept.empty() && (kept.back() == ',' || kept.back() == ';' || kept.back() == ':')) kept.remove_suffix(1);
    return std::string(kept) + "...";
}

// "a, b or c"
std::string either(const std::vector<std::string_view>& names) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i)
        out.append(i == 0 ? "" : i + 1 == names.size() ? " or " : ", ").append(names[i]);
    return out;
}

template <class E>
std::vector<std::string_view> spellings() {
    const auto names = model::Spelling<E>::names();
    return {names.begin(), names.end()};
}

// A blank struct's keys as an example of its inline form: {name: ..., date: "YYYY-MM-DD"}.
class InlineShape {
public:
    template <class T>
    void operator()(const T&, const Meta& meta, model::Check<T> = nullptr) {
        const bool date = std::is_same_v<T, std::optional<calendar::Date>> || std::is_same_v<T, calendar::Date>;
        parts_.push_back(fmt::format("{}: {}", meta.key, date ? "\"YYYY-MM-DD\"" : "..."));
    }
    template <class... A>
    void group(A&&...) {}
    template <class... A>
    void codec(A&&...) {}
    void extras(const model::Extras&) {}
    std::string text() const {
        std::string out;
        for (const auto& p : parts_) out.append(out.empty() ? "{" : ", ").append(p);
        return out + "}";
    }

private:
    std::vector<std::string> parts_;
};

template <class T>
concept OptionalStruct = model::IsOptional<T>::value && model::Described<typename T::value_type>;
template <class T>
concept ListOfStructs = requires(const T& t) {
    t.front();
}
&&model::Described<typename T::value_type>;

class FormWriter {
public:
    template <class T>
    void operator()(const T& value, const Meta& meta, model::Check<T> = nullptr) {
        if (!in_form(meta)) return;
        write(value, meta);
    }

    template <class X, class F>
    void group(const Meta& meta, X, F&& describe) {
        if (!in_form(meta)) return;
        line(key(meta), meta.about);
        nested([&] { describe(*this); });
    }

    template <class T>
    void codec(const T&, const Meta& meta, const model::Codec<T>&) {
        if (in_form(meta)) line(key(meta), meta.about);
    }

    void extras(const model::Extras&) {}

    const std::string& text() const { return out_; }

private:
    // id is the case's (record_only); amendments and available_until are cspr's to write.
    static bool in_form(const Meta& meta) { return !meta.record_only && !meta.by_cspr; }

    static std::string key(const Meta& meta) { return std::string(meta.key) + ":"; }

    // One line of the form, its comment at the comment column and cut to the width; the spellings
    // go on the line when they fit, else on lines of their own below it (never cut).
    void line(const std::string& content, std::string_view about, const std::vector<std::string_view>& spelt = {}) {
        std::string start = next_item_ ? item_indent_ + "- " : indent_;
        next_item_ = false;
        start += content;
        const std::size_t column = std::max(kCommentColumn, start.size() + 1);
        const std::size_t room = std::max(kWidth, column + 40) - column - 2;  // a long key pushes the width out
        std::string comment(about);
        std::string choices = either(spelt);
        if (!spelt.empty()) {
            const std::string together = comment.substr(0, comment.find_last_not_of('.') + 1) + " (" + choices + ").";
            if (together.size() <= room) {
                comment = together;
                choices.clear();
            }
        }
        out_ += start + std::string(column - start.size(), ' ') + "# " + cut(comment, room) + "\n";
        while (!choices.empty()) {
            std::size_t end = choices.size();
            if (end > room) end = choices.rfind(' ', room);
            out_ += std::string(column, ' ') + "# " + choices.substr(0, end) + "\n";
            choices = end < choices.size() ? choices.substr(end + 1) : "";
        }
    }

    template <class F>
    void nested(F&& body) {
        const std::string outer = indent_;
        indent_ += "  ";
        body();
        indent_ = outer;
    }

    // One blank item of a list: `- ` before its first row, the others below that row's key.
    template <class F>
    void item(F&& body) {
        const std::string outer = indent_, outer_item = item_indent_;
        item_indent_ = indent_ + "  ";
        indent_ = item_indent_ + "  ";
        next_item_ = true;
        body();
        next_item_ = false;
        indent_ = outer;
        item_indent_ = outer_item;
    }

    template <class T>
    void write(const T& value, const Meta& meta) {
        using model::OptionalSpelled;
        if constexpr (std::is_same_v<T, bool>) {
            line(key(meta) + (value ? " true" : " false"), meta.about, {"true", "false"});
        } else if constexpr (std::is_same_v<T, std::optional<bool>>) {
            line(key(meta), meta.about, {"true", "false"});
        } else if constexpr (model::Spelled<T>) {
            line(key(meta) + " " + std::string(model::name_of(value)), meta.about, spellings<T>());
        } else if constexpr (OptionalSpelled<T>) {
            using E = typename T::value_type;
            std::string content = key(meta);
            if (value) content.append(" ").append(model::name_of(*value));
            line(content, meta.about, spellings<E>());
        } else if constexpr (std::is_same_v<T, int>) {
            line(fmt::format("{} {}", key(meta), value), meta.about);
        } else if constexpr (std::is_same_v<T, std::optional<int>>) {
            line(value ? fmt::format("{} {}", key(meta), *value) : key(meta), meta.about);
        } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
            if (meta.defs == "criterion") criteria(meta);
            else line(key(meta) + " []", meta.about);
        } else if constexpr (std::is_same_v<T, model::PartnerSign>) {
            InlineShape shape;
            fields(shape, value);
            const std::string about(meta.about);
            line(key(meta) + " {}", about.substr(0, about.find_last_not_of('.') + 1) + ": " + shape.text());
        } else if constexpr (model::Described<T>) {
            line(key(meta), meta.about);
            nested([&] { fields(*this, value); });
        } else if constexpr (OptionalStruct<T>) {
            line(key(meta), meta.about);
            const typename T::value_type blank{};
            nested([&] { fields(*this, blank); });
        } else if constexpr (ListOfStructs<T>) {
            if (meta.seldom) return line(key(meta) + " []", meta.about);  // an example item would be deleted mostly
            line(key(meta), meta.about);                                  // one blank item, to be filled in or deleted
            const typename T::value_type blank{};
            item([&] { fields(*this, blank); });
        } else if constexpr (std::is_same_v<T, std::string> || std::is_same_v<T, calendar::Date> ||
                             std::is_same_v<T, std::optional<calendar::Date>> ||
                             std::is_same_v<T, calendar::DateTime> ||
                             std::is_same_v<T, std::optional<calendar::DateTime>>) {
            line(key(meta), meta.about);
        } else {
            line(key(meta) + " {}", meta.about);  // a mapping keyed by data, or kept values
        }
    }

    // Every criterion of the referral form, in its two groups, for the person to delete those that
    // do not apply (a form that lists them all is refused).
    void criteria(const Meta& meta) {
        line(key(meta), meta.about);
        for (bool must : {true, false}) {
            out_ += indent_ + "  # " + (must ? "must be notified" : "consider referring");
            out_ += " (delete those that do not apply):\n";
            for (const auto& c : model::referral_criteria())
                if (c.must_notify == must) item([&] { line(std::string(c.id), c.text); });
        }
    }

    std::string out_;
    std::string indent_;       // of the rows of the mapping being written
    std::string item_indent_;  // of the `- ` of the list item being written
    bool next_item_ = false;   // the next line starts a list item
};

}  // namespace

std::string form_template(const model::FileKind& kind) {
    FormWriter form;
    model::with_kind(kind.name, [&](const auto& value) { fields(form, value); });
    return fmt::format("# yaml-language-server: $schema=../schemas/{}-form.schema.json\n{}{}", kind.name, header(kind),
                       form.text());
}

namespace {

// `key` of a top-level `key:` line; empty for a comment, an indented line or a list item.
std::string_view top_key(std::string_view line) {
    if (line.empty() || line[0] == ' ' || line[0] == '#' || line[0] == '-') return {};
    return line.substr(0, line.find(':'));
}

// The lines of `text`, without their line breaks (none for a final one). A loop of find, not
// std::views::split, which clang 14 (the fuzz build) cannot compile against libstdc++ 12.
std::vector<std::string_view> lines_of(std::string_view text) {
    std::vector<std::string_view> lines;
    while (!text.empty()) {
        const std::size_t end = std::min(text.find('\n'), text.size());
        lines.push_back(text.substr(0, end));
        text.remove_prefix(std::min(end + 1, text.size()));
    }
    return lines;
}

}  // namespace

std::string record_form(const model::FileKind& kind, std::string_view record) {
    const std::string blank = form_template(kind);
    std::vector<std::string_view> keys;  // the form's own top-level fields, from the template itself
    for (const auto line : lines_of(blank))
        if (const auto k = top_key(line); !k.empty()) keys.push_back(k);
    std::string out =
        fmt::format("# yaml-language-server: $schema=../schemas/{}-form.schema.json\n{}", kind.name, header(kind)) +
        "# As recorded: change what is to change; the amendment keeps what it said before.\n";
    bool keep = false;
    for (const auto line : lines_of(record)) {
        if (const auto k = top_key(line); !k.empty()) keep = std::find(keys.begin(), keys.end(), k) != keys.end();
        else if (line.starts_with('#')) continue;
        if (keep) out.append(line).append("\n");
    }
    return out;
}

}  // namespace cspr::store
