// The writer of every file kind: a visitor of the field tables (cspr/field_tables.hpp) that renders
// each row in the table's order, in YamlWriter's one style, so the same value gives the same bytes.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "cspr/field_tables.hpp"
#include "field_read.hpp"
#include "yaml_write.hpp"

namespace cspr::store {

class TableWriter {
public:
    explicit TableWriter(YamlWriter& w) : w_(w) {}

    template <class T>
    void operator()(const T& value, const model::Meta& meta, model::Check<T> = nullptr) {
        write(value, meta);
    }

    // An inline mapping (sign_off, informed, git): left out when nothing in it has a value, unless
    // it is required or always written, when it is `{}`.
    template <class X, class F>
    void group(const model::Meta& meta, X extras, F&& describe) {
        map(meta, [&] {
            describe(*this);
            if constexpr (!std::is_same_v<X, std::nullptr_t>) w_.extras(*extras);
        });
    }

    template <class T>
    void codec(const T& value, const model::Meta& meta, const model::Codec<T>& codec) {
        text(meta, codec.format(value));
    }

    void extras(const model::Extras& extra) { w_.extras(extra); }

private:
    using Need = model::Need;

    static bool kept_empty(const model::Meta& meta) { return meta.need == Need::required || meta.written_empty; }

    void text(const model::Meta& meta, std::string_view value) {
        if (meta.need == Need::required) w_.text(meta.key, value);
        else w_.optional_text(meta.key, value);
    }

    template <class F>
    void map(const model::Meta& meta, F&& body) {
        const YamlWriter::Mark before = w_.mark();
        w_.begin_map(meta.key);
        const std::size_t inside = w_.str().size();
        body();
        w_.end_map();
        if (w_.str().size() != inside) return;
        w_.rollback(before);
        if (kept_empty(meta)) w_.empty_map(meta.key);
    }

    template <class T>
    void write(const T& value, const model::Meta& meta) {
        const std::string_view key = meta.key;
        if constexpr (std::is_same_v<T, std::string>) {
            text(meta, value);
        } else if constexpr (std::is_same_v<T, calendar::Date>) {
            w_.date(key, value);
        } else if constexpr (std::is_same_v<T, std::optional<calendar::Date>>) {
            w_.optional_date(key, value);
        } else if constexpr (std::is_same_v<T, calendar::DateTime>) {
            w_.date_time(key, value);
        } else if constexpr (std::is_same_v<T, std::optional<calendar::DateTime>>) {
            w_.optional_date_time(key, value);
        } else if constexpr (std::is_same_v<T, bool>) {
            w_.boolean(key, value);
        } else if constexpr (std::is_same_v<T, std::optional<bool>>) {
            if (value) w_.boolean(key, *value);
        } else if constexpr (std::is_same_v<T, int>) {
            w_.integer(key, value);
        } else if constexpr (std::is_same_v<T, std::optional<int>>) {
            if (value) w_.integer(key, *value);
        } else if constexpr (model::Spelled<T>) {
            w_.text(key, model::name_of(value));
        } else if constexpr (OptionalSpelled<T>) {
            if (value) w_.text(key, model::name_of(*value));
        } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
            if (!value.empty() || kept_empty(meta)) w_.text_list(key, value);
        } else if constexpr (std::is_same_v<T, model::Extras>) {
            map(meta.always(), [&] { w_.extras(value); });  // earlier values, already YAML text
        } else if constexpr (model::Described<T>) {
            map(meta, [&] { fields(*this, value); });
        } else if constexpr (IsOptional<T>::value) {
            if (value) map(meta.always(), [&] { fields(*this, *value); });
        } else if constexpr (requires { value.front(); }) {
            write_list(value, meta);
        } else {
            write_keyed(value, meta);
        }
    }

    template <class S>
    void write_list(const std::vector<S>& items, const model::Meta& meta) {
        if (items.empty()) {
            if (kept_empty(meta)) w_.empty_list(meta.key);
            return;
        }
        w_.begin_list(meta.key);
        for (const S& item : items) {
            w_.begin_item();
            fields(*this, item);
        }
        w_.end_list();
    }

    template <class S>
    void write_keyed(const std::map<std::string, S>& entries, const model::Meta& meta) {
        if (entries.empty()) return;
        w_.begin_map(meta.key);
        for (const auto& [name, value] : entries) {
            w_.begin_map(yaml_scalar(name));  // any key that was read (`"rule: 1"`) must read back
            fields(*this, value);
            w_.end_map();
        }
        w_.end_map();
    }

    YamlWriter& w_;
};

}  // namespace cspr::store
