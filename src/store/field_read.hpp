// The reader of every file kind: a visitor of the field tables (cspr/field_tables.hpp) that takes
// each row's value from a MapReader, so that every problem names its file, line and field, and keys
// no row asked for are kept as the value's extras.
#pragma once

#include <algorithm>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "cspr/field_tables.hpp"
#include "map_reader.hpp"

namespace cspr::store {

// cspr.yaml's timescale overrides have limits that depend on the unit read after the length: read
// by hand (case_files.cpp), from the same rows.
void read_special(MapReader& m, model::TimescaleOverride& o);

using model::IsOptional;
using model::OptionalSpelled;

class TableReader {
public:
    // `form`: a --from form, which has no `id` (rows marked record()) to read.
    // `skip`: rows a special reader (read_special) has read already.
    explicit TableReader(MapReader& m, bool form = false, std::initializer_list<std::string_view> skip = {})
        : m_(m), form_(form), skip_(skip) {}

    template <class T>
    void operator()(T& value, const model::Meta& meta, model::Check<T> check = nullptr) {
        const std::string key(meta.key);
        if (std::find(skip_.begin(), skip_.end(), meta.key) != skip_.end()) return;
        if (form_ && meta.record_only) {
            m_.text(key, model::Need::optional);  // a form may carry one; it is not an unknown key
            return;
        }
        read(value, key, meta);
        if (check) report(value, key, check);
    }

    template <class X, class F>
    void group(const model::Meta& meta, X extras, F&& describe) {
        MapReader g = m_.map(std::string(meta.key), meta.need);
        TableReader sub(g);
        describe(sub);
        if constexpr (!std::is_same_v<X, std::nullptr_t>) *extras = g.extras();
    }

    template <class T>
    void codec(T& value, const model::Meta& meta, const model::Codec<T>& codec) {
        const std::string key(meta.key);
        const std::string text = m_.text(key, meta.need);
        if (text.empty()) return;
        const std::string tail = codec.parse(text, value);
        if (tail.empty()) return;
        const Field at = field_of(key);
        m_.report(at, shown(at, text) + tail);
    }

    void extras(model::Extras& extra) { extra = m_.extras(); }

private:
    using Need = model::Need;

    Field field_of(const std::string& key) const { return m_.field().child(key, m_.field().node->find(key)); }

    template <class S>
    static S read_struct(MapReader& m) {
        S s{};
        if constexpr (requires { read_special(m, s); }) {
            read_special(m, s);
        } else {
            TableReader r(m);
            fields(r, s);
        }
        return s;
    }

    template <class T>
    void read(T& value, const std::string& key, const model::Meta& meta) {
        const Need need = meta.need;
        if constexpr (std::is_same_v<T, std::string>) {
            value = m_.text(key, need);
        } else if constexpr (std::is_same_v<T, calendar::Date>) {
            value = m_.date(key, need).value_or(calendar::Date{});
        } else if constexpr (std::is_same_v<T, std::optional<calendar::Date>>) {
            value = m_.date(key, need);
        } else if constexpr (std::is_same_v<T, calendar::DateTime>) {
            value = m_.date_time(key, need).value_or(calendar::DateTime{});
        } else if constexpr (std::is_same_v<T, std::optional<calendar::DateTime>>) {
            value = m_.date_time(key, need);
        } else if constexpr (std::is_same_v<T, bool>) {
            // A missing required answer reads as false; a missing optional one keeps its default.
            if (auto b = m_.boolean(key, need)) value = *b;
            else if (need == Need::required) value = false;
        } else if constexpr (std::is_same_v<T, std::optional<bool>>) {
            value = m_.boolean(key, need);
        } else if constexpr (std::is_same_v<T, int>) {
            if (auto n = m_.integer(key, need)) value = static_cast<int>(*n);
        } else if constexpr (std::is_same_v<T, std::optional<int>>) {
            if (auto n = m_.integer(key, need)) value = static_cast<int>(*n);
        } else if constexpr (model::Spelled<T>) {
            if (auto e = m_.choice<T>(key, need, model::from_name<T>, model::one_of<T>())) value = *e;
        } else if constexpr (OptionalSpelled<T>) {
            using E = typename T::value_type;
            value = m_.choice<E>(key, need, model::from_name<E>, model::one_of<E>());
        } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
            value = m_.text_list(key, need);
        } else if constexpr (std::is_same_v<T, model::Extras>) {
            value.clear();
            for (const auto& [k, f] : m_.map(key, need).entries()) value.emplace_back(k, flow_text(*f.node));
        } else if constexpr (model::Described<T>) {
            MapReader sub = m_.map(key, need);
            value = read_struct<T>(sub);
        } else if constexpr (IsOptional<T>::value) {
            MapReader sub = m_.map(key, need);
            if (sub.field().node->is_map()) value = read_struct<typename T::value_type>(sub);
        } else if constexpr (requires { value.push_back(value.front()); }) {
            for (auto& item : m_.map_list(key, need)) value.push_back(read_struct<typename T::value_type>(item));
        } else {
            read_keyed(value, key, meta);
        }
    }

    // A mapping whose keys are data (cspr.yaml's timescales by rule id), each value a described struct.
    template <class S>
    void read_keyed(std::map<std::string, S>& value, const std::string& key, const model::Meta& meta) {
        MapReader t = m_.map(key, meta.need);
        for (const auto& [name, field] : t.entries()) {
            if (!is_mapping(t, name, field, meta.hint)) continue;
            MapReader sub = t.nested(field);
            value[name] = read_struct<S>(sub);
        }
    }

    // A value that is not a mapping (`notify-panel:` with nothing after it, `notify-panel: 5`) is a
    // problem: read as an empty mapping, it would be a silent default.
    static bool is_mapping(const MapReader& parent, const std::string& name, const Field& value,
                           std::string_view hint) {
        if (value.node->is_map()) return true;
        Field at = value;
        if (at.line() == 0)  // an empty value may have no line of its own: point at its key
            for (const auto& [k, v] : parent.field().node->entries)
                if (k.scalar == name) at = parent.field().child(name, &k);
        parent.report(at, std::string(hint));
        return false;
    }

    template <class T>
    void report(const T& value, const std::string& key, model::Check<T> check) {
        model::Complaints out;
        check(value, out);
        if (out.list().empty()) return;
        const Field at = field_of(key);
        for (const auto& c : out.list()) {
            if (c.item >= 0) {
                const auto i = static_cast<std::size_t>(c.item);
                m_.report(at.item(i, &at.node->items[i]), c.message);
            } else if constexpr (std::is_same_v<T, std::string>) {
                m_.report(at, (c.about_value ? shown(at, value) : std::string()) + c.message);
            } else {
                m_.report(at, c.message);
            }
        }
    }

    MapReader& m_;
    bool form_;
    std::vector<std::string_view> skip_;
};

}  // namespace cspr::store
