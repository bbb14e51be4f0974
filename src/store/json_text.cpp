#include "json_text.hpp"

#include <fmt/format.h>

namespace cspr::store {

namespace {

std::string quoted(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\t': out += "\\t"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) out += fmt::format("\\u{:04x}", c);
                else out += c;
        }
    }
    return out + "\"";
}

constexpr std::size_t kInlineWidth = 100;

}  // namespace

Json Json::object(std::initializer_list<Member> members) {
    Json j;
    j.value_ = Object{std::vector<Member>(members)};
    return j;
}

Json Json::array(std::initializer_list<Json> items) {
    Json j;
    j.value_ = Array{std::vector<Json>(items)};
    return j;
}

Json Json::strings(const std::vector<std::string>& items) {
    Json j = array();
    for (const auto& s : items) j.push(Json(s));
    return j;
}

void Json::set(const std::string& key, Json value) {
    auto& members = std::get<Object>(value_).members;
    for (auto& [k, v] : members)
        if (k == key) {
            v = std::move(value);
            return;
        }
    members.emplace_back(key, std::move(value));
}

void Json::push(Json item) { std::get<Array>(value_).items.push_back(std::move(item)); }

void Json::merge(Json other) {
    for (auto& [k, v] : std::get<Object>(other.value_).members) set(k, std::move(v));
}

Json Json::take(const std::string& key) {
    auto& members = std::get<Object>(value_).members;
    for (auto it = members.begin(); it != members.end(); ++it)
        if (it->first == key) {
            Json v = std::move(it->second);
            members.erase(it);
            return v;
        }
    return Json(std::string());
}

Json* Json::find(const std::string& key) {
    for (auto& [k, v] : std::get<Object>(value_).members)
        if (k == key) return &v;
    return nullptr;
}

std::string Json::text(int indent) const {
    const std::string pad(static_cast<std::size_t>(indent + 2), ' '), end(static_cast<std::size_t>(indent), ' ');
    if (const auto* b = std::get_if<bool>(&value_)) return *b ? "true" : "false";
    if (const auto* n = std::get_if<long long>(&value_)) return std::to_string(*n);
    if (const auto* s = std::get_if<std::string>(&value_)) return quoted(*s);
    if (const auto* o = std::get_if<Object>(&value_)) {
        if (o->members.empty()) return "{}";
        std::string out = "{\n";
        for (std::size_t i = 0; i < o->members.size(); ++i)
            out += pad + quoted(o->members[i].first) + ": " + o->members[i].second.text(indent + 2) +
                   (i + 1 < o->members.size() ? ",\n" : "\n");
        return out + end + "}";
    }
    const auto& items = std::get<Array>(value_).items;
    if (items.empty()) return "[]";
    std::string flat = "[";
    bool scalars = true;
    for (std::size_t i = 0; i < items.size(); ++i) {
        scalars = scalars && !std::holds_alternative<Object>(items[i].value_) &&
                  !std::holds_alternative<Array>(items[i].value_);
        flat += (i ? ", " : "") + items[i].text(indent + 2);
    }
    if (scalars && flat.size() + static_cast<std::size_t>(indent) < kInlineWidth) return flat + "]";
    std::string out = "[\n";
    for (std::size_t i = 0; i < items.size(); ++i)
        out += pad + items[i].text(indent + 2) + (i + 1 < items.size() ? ",\n" : "\n");
    return out + end + "]";
}

}  // namespace cspr::store
