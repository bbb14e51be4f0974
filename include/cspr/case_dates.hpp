// Every date a case records, row by row from the field tables (field_tables.hpp), with the row's
// Meta: the checks that reason about dates (a fact after today, a clock outside the calendar) pick
// their rows by its marks, so a new date row is checked as soon as the table marks it.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "cspr/calendar.hpp"
#include "cspr/field_tables.hpp"

namespace cspr::model {

namespace detail {

// A visitor of one file's table: the path of a row is the keys that lead to it, joined by '.', with
// a list item's index after its key (`recipients[0].sent`, `sign_off.police.date`).
template <class Fn>
class DateRows {
public:
    DateRows(Fn& fn, std::string_view file, std::string prefix) : fn_(fn), file_(file), prefix_(std::move(prefix)) {}

    template <class T>
    void operator()(const T& value, const Meta& meta, Check<T> = nullptr) {
        visit(value, meta, prefix_ + std::string(meta.key));
    }

    template <class X, class F>
    void group(const Meta& meta, X /*extras*/, F&& describe) {
        DateRows inner(fn_, file_, prefix_ + std::string(meta.key) + ".");
        describe(inner);
    }

    // A codec row is text in its file (an action's change), and extras are unread keys: no dates.
    template <class T>
    void codec(const T&, const Meta&, const Codec<T>&) {}
    void extras(const Extras&) {}

private:
    template <class S>
    void nested(const S& value, const std::string& path) {
        DateRows inner(fn_, file_, path + ".");
        fields(inner, value);
    }

    template <class T>
    void visit(const T& value, const Meta& meta, const std::string& path) {
        if constexpr (std::is_same_v<T, Date>) {
            fn_(file_, path, value, meta);
        } else if constexpr (std::is_same_v<T, std::optional<Date>>) {
            if (value) fn_(file_, path, *value, meta);
        } else if constexpr (std::is_same_v<T, DateTime>) {
            fn_(file_, path, calendar::london_date_of(value), meta);  // the day it was in England
        } else if constexpr (std::is_same_v<T, std::optional<DateTime>>) {
            if (value) fn_(file_, path, calendar::london_date_of(*value), meta);
        } else if constexpr (Described<T>) {
            nested(value, path);
        } else if constexpr (IsOptional<T>::value) {
            if constexpr (Described<typename T::value_type>)
                if (value) nested(*value, path);
        } else if constexpr (requires {
                                 typename T::value_type;
                                 value.front();
                             }) {
            if constexpr (Described<typename T::value_type>)
                for (std::size_t i = 0; i < value.size(); ++i) nested(value[i], path + "[" + std::to_string(i) + "]");
        }
        // Anything else (text, booleans, names, lists of text) holds no date. Keyed mappings of
        // rows (cspr.yaml's timescales) are in no file of a case.
    }

    Fn& fn_;
    std::string_view file_;
    std::string prefix_;
};

template <class Fn, class S>
void file_dates(Fn& fn, std::string_view file, const std::optional<S>& value) {
    if (!value) return;
    DateRows<Fn> rows(fn, file, "");
    fields(rows, *value);
}

}  // namespace detail

// Calls fn(file, path, date, meta) for every date row of every file of `c` that has a value, files in
// the order of the process and rows in their table's order: fn("notification.yaml",
// "recipients[0].sent", 2025-03-10, <the row's Meta>). A date and time (referral.yaml's received)
// gives its day in England. `file` and `path` are valid only during the call.
template <class Fn>
void for_each_date(const Case& c, Fn&& fn) {
    detail::file_dates(fn, "referral.yaml", c.referral);
    detail::file_dates(fn, "notification.yaml", c.notification);
    detail::file_dates(fn, "rapid-review.yaml", c.rapid_review);
    detail::file_dates(fn, "panel-response.yaml", c.panel_response);
    detail::file_dates(fn, "decision.yaml", c.decision);
    detail::file_dates(fn, "publication.yaml", c.publication);
    detail::file_dates(fn, "actions.yaml", c.actions);
    detail::file_dates(fn, "lateness.yaml", c.lateness);
}

}  // namespace cspr::model
