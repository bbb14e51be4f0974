// How a file kind's fields are declared: once, as a table of rows (key, need, description, privacy),
// each bound to its model member. The tables themselves are in field_tables.hpp.
//
// A table is a function template `fields(v, value)` that hands every row to a visitor `v`:
//     v(value.member, req("key", "What it means."));
// The reader and the writer (store), the JSON Schemas, the docs tables, the --template forms, the
// personal-field list, the future-facts check and the fuzz dictionary are all visitors of the same
// tables, so a new fact is one row here plus the code that reasons about it.
#pragma once

#include <concepts>
#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "cspr/model.hpp"

namespace cspr::model {

enum class Need { required, optional };

// How a row's value identifies someone in a published report: the way `cspr publish-check` draws the
// details it searches for from the value (src/rules/report_case_details.cpp). A row so marked is personal,
// but for a school: an agency's name is shown, and identifies only where the child went.
enum class Detail : unsigned char {
    none,
    name,           // a person's name: whole, and each part of 3 letters or more
    date,           // a date of birth or death, in any form a reader would recognise
    address,        // whole, its first line, and its postcode
    names_in_text,  // the capitalised names in free text ("Maternal grandmother, Ada Hall")
    place,          // where someone is: names before a house number, an address from it on
    practitioner,   // a professional's name, found as a name
    school,         // an agency that is a school, academy, nursery or college, unless named by the area alone
};

// One row's description. Built with req()/opt() and the modifiers below, e.g.
//     opt("date_of_birth", "The child's date of birth.").personal()
struct Meta {
    std::string_view key;
    Need need = Need::optional;
    std::string_view about;             // one sentence: the schema's description and the docs' meaning
    bool is_personal = false;           // identifies someone: hidden unless --show-names, never quoted
    bool is_note = false;               // free text, which may name people: hidden unless --show-names
    bool is_fact = false;               // a date something happened on: never after today
    bool is_clock = false;              // a date a clock starts or stops on: within the calendar's span
    bool written_empty = false;         // an optional list or mapping written as [] or {} when empty
    bool record_only = false;           // in the case file, not in the --from form (id)
    bool by_cspr = false;               // written by cspr itself (amendments, available_until): not in a form
    bool seldom = false;                // a list most forms leave empty: the template offers [] to fill in
    std::string_view defs = {};         // a JSON Schema $defs entry the value is, e.g. "caseId"
    std::string_view docs_type = {};    // the docs' type column, where the type alone does not say it
    std::string_view fallback = {};     // the docs' "no (...)" : what an absent optional value means
    std::string_view hint = {};         // a keyed mapping's expected shape, for its error message
    Detail detail = Detail::none;       // how the value identifies someone, for publish-check
    std::string_view detail_kind = {};  // the kind its finding names: "child's name", "date of birth"
    std::size_t max_items = 0;          // a list's most items (the schema's maxItems); 0 for no limit

    constexpr Meta personal() const { return with(&Meta::is_personal); }
    constexpr Meta note() const { return with(&Meta::is_note); }
    constexpr Meta fact() const { return with(&Meta::is_fact); }
    constexpr Meta clock() const { return with(&Meta::is_clock); }
    constexpr Meta always() const { return with(&Meta::written_empty); }
    constexpr Meta record() const { return with(&Meta::record_only); }
    constexpr Meta written_by_cspr() const { return with(&Meta::by_cspr); }
    constexpr Meta rarely() const { return with(&Meta::seldom); }
    constexpr Meta at_most(std::size_t n) const {
        Meta m = *this;
        m.max_items = n;
        return m;
    }
    constexpr Meta def(std::string_view name) const { return set(&Meta::defs, name); }
    constexpr Meta type(std::string_view text) const { return set(&Meta::docs_type, text); }
    constexpr Meta otherwise(std::string_view text) const { return set(&Meta::fallback, text); }
    constexpr Meta shape(std::string_view text) const { return set(&Meta::hint, text); }
    constexpr Meta identifies(Detail how, std::string_view kind) const {
        Meta m = set(&Meta::detail_kind, kind);
        m.detail = how;
        return m;
    }

private:
    constexpr Meta with(bool Meta::*flag) const {
        Meta m = *this;
        m.*flag = true;
        return m;
    }
    constexpr Meta set(std::string_view Meta::*field, std::string_view text) const {
        Meta m = *this;
        m.*field = text;
        return m;
    }
};

constexpr Meta req(std::string_view key, std::string_view about) {
    return {.key = key, .need = Need::required, .about = about};
}
constexpr Meta opt(std::string_view key, std::string_view about) {
    return {.key = key, .need = Need::optional, .about = about};
}

// What a row's own check found, for the reader to report at that row (and item, in a list):
// checks live beside the tables, with no I/O, and never see a file.
class Complaints {
public:
    struct Complaint {
        std::ptrdiff_t item;  // the list item, or -1 for the value itself
        std::string message;  // after the value (" must be ...") when about_value, else whole
        bool about_value;
    };
    // "<the value> TAIL": the reader puts the value in front, quoted or not as privacy allows.
    void value_is(std::string tail) { list_.push_back({-1, std::move(tail), true}); }
    void at(std::size_t item, std::string message) {
        list_.push_back({static_cast<std::ptrdiff_t>(item), std::move(message), false});
    }
    const std::vector<Complaint>& list() const { return list_; }

private:
    std::vector<Complaint> list_;
};

// The names a text row may take where the model keeps them as text (a recipient, a rule id), by the
// row's defs name ("recipient", "rule", "ruleId"): given by the layer that knows them (the rules table).
using Choices = std::map<std::string, std::vector<std::string>, std::less<>>;

template <class T>
using Check = void (*)(const T& value, Complaints& out);

// A value kept in a file as one line of text that is not its model type: an action's change
// ("due: 2026-03-31 -> 2027-03-31"), a mode ("0640"). `parse` returns "" or the complaint's tail.
template <class T>
struct Codec {
    std::string (*format)(const T& value);  // "" leaves an optional value out
    std::string (*parse)(std::string_view text, T& value);
    std::string_view pattern;  // the JSON Schema pattern of the text, if any
};

// True for a model struct with a table (a nested mapping in its file).
struct NoVisitor {
    template <class... A>
    void operator()(A&&...) {}
    template <class... A>
    void group(A&&...) {}
    template <class... A>
    void codec(A&&...) {}
    template <class... A>
    void extras(A&&...) {}
};
template <class S>
concept Described = requires(NoVisitor& v, S& s) {
    fields(v, s);
};

template <class T>
struct IsOptional : std::false_type {};
template <class T>
struct IsOptional<std::optional<T>> : std::true_type {};
template <class T>
concept OptionalSpelled = IsOptional<T>::value && Spelled<typename T::value_type>;

// `S` is T or const T: a table serves the reader (T&) and the writer (const T&) alike.
template <class S, class T>
concept Is = std::same_as<std::remove_const_t<S>, T>;

// The list of partner keys and questions a group is made of, as rows of their own.
constexpr std::size_t index_of(Partner p) { return static_cast<std::size_t>(p); }

}  // namespace cspr::model
