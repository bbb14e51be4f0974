// Helpers shared by the unit tests: dates written the way people read them, and the calendar.
#pragma once

#include <date/date.h>

#include "cspr/calendar.hpp"

namespace cspr::testing {

inline calendar::Date ymd(int y, unsigned m, unsigned d) {
    return calendar::Date{date::year{y} / date::month{m} / date::day{d}};
}

// England and Wales, from the bank-holiday data compiled into cspr.
inline const calendar::Calendar& england() {
    static const calendar::Calendar cal =
        calendar::make_calendar(calendar::Region::england_and_wales, calendar::embedded_holidays());
    return cal;
}

}  // namespace cspr::testing
