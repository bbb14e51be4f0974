// The JSON documents of --format json, built as values and printed once (json_writer.cpp).
//
//   Json doc = Json::object();
//   doc.add("format", "cspr-show").add("version", 1).add("as_of", json_date(ctx.today()));
//   Json steps = Json::array();
//   steps.push("refer").push(nullptr);
//   doc.add("steps", std::move(steps));
//   ctx.out << doc.dump();
//
// prints
//
//   {
//     "format": "cspr-show",
//     "version": 1,
//     "as_of": "2025-03-06",
//     "steps": [
//       "refer",
//       null
//     ]
//   }
//
// The same value always prints the same bytes: an object keeps its keys in the order they were added
// (the order its schema documents them in), two spaces per level, one key or item per line, an empty
// object or array as {} or [], and a newline after the document. Strings go through json_string().
#pragma once

#include <concepts>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "app.hpp"

namespace cspr::cli {

class Json {
public:
    Json() = default;  // null
    Json(std::nullptr_t) {}
    Json(bool b) : value_(b) {}
    template <std::integral T>
        requires(!std::same_as<T, bool>)
    Json(T n) : value_(static_cast<std::int64_t>(n)) {}
    Json(std::string_view s) : value_(std::string(s)) {}
    Json(const std::string& s) : value_(s) {}
    Json(std::string&& s) : value_(std::move(s)) {}
    Json(const char* s) : value_(std::string(s)) {}  // else a literal would convert to bool

    static Json object();
    static Json array();

    // Adds a key to an object, after those already added; a key added twice, or add() on anything but
    // an object, is a programming error (std::logic_error). Returns *this, so that adds chain.
    Json& add(std::string_view key, Json value);
    // Appends an item to an array (std::logic_error on anything else). Returns *this.
    Json& push(Json value);
    // The number of keys of an object or items of an array; 0 for anything else.
    std::size_t size() const;

    // The document, pretty-printed as above, ending in a newline.
    std::string dump() const;

private:
    struct Array {
        std::vector<Json> items;
    };
    struct Object {
        std::vector<std::string> keys;
        std::vector<Json> values;
    };
    void write(std::string& out, std::size_t depth) const;
    std::variant<std::monostate, bool, std::int64_t, std::string, Array, Object> value_;
};

// The start of a report's document: its format ("cspr-actions"), version and as-of day, the keys
// every report begins with, in that order (as_of: ctx.today()); the command adds the rest.
Json report_document(std::string_view format, int version, calendar::Date as_of);
// Text that may be absent: null when empty, else the string.
Json json_text_or_null(std::string_view s);
// "YYYY-MM-DD".
Json json_date(calendar::Date d);
// "YYYY-MM-DD", or null.
Json json_date_or_null(const std::optional<calendar::Date>& d);
// Personal text (a name, a date of birth, a free-text note) as list, actions and late print it: the
// text with --show-names, {"hidden": true} without it (through personal(), as tables are), and null
// when nothing is recorded, with or without.
Json json_personal(const Context& ctx, std::string_view text);

// A deadline's status as one token, as `cspr deadlines --format json` gives it ("met-late",
// "due-today"), and "not-applicable" for a rule that does not apply to the case.
std::string status_token(const rules::Deadline& d);

// The Panel's response (panel-response.yaml) as `cspr panel-response ID --format json` and
// `cspr show ID --format json` give it; each request carries its answer's deadline from `deadlines`
// (the case's deadlines, as rules::case_deadlines counts them). panel_response_json.cpp.
Json panel_response_json(const Context& ctx, const model::PanelResponse& p,
                         const std::vector<rules::Deadline>& deadlines);

}  // namespace cspr::cli
