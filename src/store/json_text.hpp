// A small JSON value with ordered keys, for writing the schemas cspr makes: keys stay in the order
// they were set, so the same tables always give the same bytes.
#pragma once

#include <initializer_list>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace cspr::store {

class Json {
public:
    using Member = std::pair<std::string, Json>;

    Json(bool b) : value_(b) {}
    Json(int n) : value_(static_cast<long long>(n)) {}
    Json(long long n) : value_(n) {}
    Json(const char* s) : value_(std::string(s)) {}
    Json(std::string s) : value_(std::move(s)) {}

    static Json object(std::initializer_list<Member> members = {});
    static Json array(std::initializer_list<Json> items = {});
    static Json strings(const std::vector<std::string>& items);

    // Sets a key of an object: replaced in place if present, else added last.
    void set(const std::string& key, Json value);
    void push(Json item);
    // Adds every key of another object, in its order.
    void merge(Json other);
    // Removes a key of an object and returns its value (null-free: "" when absent).
    Json take(const std::string& key);
    Json* find(const std::string& key);

    // Two-space indentation; arrays of short strings on one line, as a person would write them.
    std::string text(int indent = 0) const;

private:
    struct Object {
        std::vector<Member> members;
    };
    struct Array {
        std::vector<Json> items;
    };
    Json() = default;
    std::variant<bool, long long, std::string, Object, Array> value_;
};

}  // namespace cspr::store
