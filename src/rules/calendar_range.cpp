// The dates a case's deadlines are counted from or to, checked against the calendar's span: a date
// past it (2051 for 2025, 2205 for 2025) makes every deadline of the case uncountable, and then the
// nightly check stops for every case. Writers refuse such a date before anything is written.
#include <string>

#include "cspr/case_dates.hpp"
#include "cspr/rules.hpp"

namespace cspr::rules {

// The rules table's clocks start and stop on the rows marked clock() in the field tables
// (cspr/field_tables.hpp, src/rules/table.cpp); a planned date counts too. Problems follow table order.
std::vector<Problem> outside_calendar(const model::Case& c, const calendar::Calendar& cal) {
    std::vector<Problem> problems;
    model::for_each_date(c, [&](std::string_view file, const std::string& field, calendar::Date d,
                                const model::Meta& meta) {
        if (!meta.is_clock) return;
        if (d > cal.last_day)
            problems.push_back({std::string(file), field,
                                calendar::format_iso_date(d) + " is past the calendar's end, " +
                                    calendar::format_iso_date(cal.last_day)});
        else if (d < cal.first_day)
            problems.push_back({std::string(file), field,
                                calendar::format_iso_date(d) + " is before the calendar's start, " +
                                    calendar::format_iso_date(cal.first_day)});
    });
    return problems;
}

}  // namespace cspr::rules
