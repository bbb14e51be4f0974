// The JSON writer of --format json (json_writer.hpp).
#include "json_writer.hpp"

#include <algorithm>
#include <stdexcept>

namespace cspr::cli {

Json Json::object() {
    Json j;
    j.value_ = Object{};
    return j;
}

Json Json::array() {
    Json j;
    j.value_ = Array{};
    return j;
}

Json& Json::add(std::string_view key, Json value) {
    auto* o = std::get_if<Object>(&value_);
    if (o == nullptr) throw std::logic_error("Json::add on a value that is not an object");
    // A repeated key would make a document whose meaning depends on the reader.
    if (std::find(o->keys.begin(), o->keys.end(), key) != o->keys.end())
        throw std::logic_error("Json::add: key '" + std::string(key) + "' added twice");
    o->keys.emplace_back(key);
    o->values.push_back(std::move(value));
    return *this;
}

Json& Json::push(Json value) {
    auto* a = std::get_if<Array>(&value_);
    if (a == nullptr) throw std::logic_error("Json::push on a value that is not an array");
    a->items.push_back(std::move(value));
    return *this;
}

std::size_t Json::size() const {
    if (const auto* a = std::get_if<Array>(&value_)) return a->items.size();
    if (const auto* o = std::get_if<Object>(&value_)) return o->keys.size();
    return 0;
}

void Json::write(std::string& out, std::size_t depth) const {
    const std::string indent(2 * (depth + 1), ' ');
    const std::string closing(2 * depth, ' ');
    if (std::holds_alternative<std::monostate>(value_)) out += "null";
    else if (const auto* b = std::get_if<bool>(&value_)) out += *b ? "true" : "false";
    else if (const auto* n = std::get_if<std::int64_t>(&value_)) out += std::to_string(*n);
    else if (const auto* s = std::get_if<std::string>(&value_)) out += json_string(*s);
    else if (const auto* a = std::get_if<Array>(&value_)) {
        if (a->items.empty()) return void(out += "[]");
        out += "[\n";
        for (std::size_t i = 0; i < a->items.size(); ++i) {
            out += indent;
            a->items[i].write(out, depth + 1);
            out += i + 1 < a->items.size() ? ",\n" : "\n";
        }
        out += closing + "]";
    } else if (const auto* o = std::get_if<Object>(&value_)) {
        if (o->keys.empty()) return void(out += "{}");
        out += "{\n";
        for (std::size_t i = 0; i < o->keys.size(); ++i) {
            out += indent + json_string(o->keys[i]) + ": ";
            o->values[i].write(out, depth + 1);
            out += i + 1 < o->keys.size() ? ",\n" : "\n";
        }
        out += closing + "}";
    }
}

std::string Json::dump() const {
    std::string out;
    write(out, 0);
    return out + "\n";
}

std::string status_token(const rules::Deadline& d) {
    constexpr int kSoon = 5;  // working days that count as due soon: deadlines' default
    return token(listing_status(d, kSoon));
}

Json report_document(std::string_view format, int version, calendar::Date as_of) {
    return Json::object().add("format", format).add("version", version).add("as_of", json_date(as_of));
}

Json json_text_or_null(std::string_view s) { return s.empty() ? Json() : Json(s); }

Json json_date(calendar::Date d) { return calendar::format_iso_date(d); }

Json json_date_or_null(const std::optional<calendar::Date>& d) { return d ? json_date(*d) : Json(); }

Json json_personal(const Context& ctx, std::string_view text) {
    if (text.empty()) return {};
    if (const auto shown = personal(ctx, text)) return *shown;
    return Json::object().add("hidden", true);
}

}  // namespace cspr::cli
