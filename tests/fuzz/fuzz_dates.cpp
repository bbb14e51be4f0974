// libFuzzer target: date parsing and working-day arithmetic (docs/fuzzing.md).
//
//   1. parse_iso_date / parse_london_datetime never crash, on the whole input and on its first 10 /
//      16 bytes; when they accept, format_iso_date / format_london_datetime give back exactly the
//      text, and the London date of a parsed date-time is its date part. The require_* forms throw
//      cspr::Error (and nothing else) exactly when the parse_* forms decline.
//   2. Working days, on calendars built once from the embedded data: for dates and offsets taken
//      from the input (inside, at the edges of, and outside the calendar), every query either
//      answers or throws cspr::Error; and the answers agree with each other:
//        - add_working_days(d, 0) == d; otherwise the answer is a working day on the right side of d;
//        - working_days_between(d, add_working_days(d, n)) == n (for n < 0: n + 1 when d is not a
//          working day, since d itself is then not counted);
//        - add_working_days(add_working_days(d, n), -n) == d when d is a working day;
//        - working_days_between(a, b) == -working_days_between(b, a), and it adds up over a, b, c;
//        - is_working_day(d) == (Monday to Friday and no holiday_on(d)); is_projected(d) == d's year
//          is after the last announced one;
//        - next_working_day / working_day_on_or_after agree with add_working_days;
//        - holidays_between(a, b) lists holidays inside [a, b], in date order;
//        - a date outside [first_day, last_day] makes every query throw.
#include <fuzzer/FuzzedDataProvider.h>

#include <array>
#include <climits>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <string_view>
#include <typeinfo>

#include "cspr/calendar.hpp"
#include "cspr/error.hpp"

namespace {

namespace cal = cspr::calendar;
using cal::Date;

[[noreturn]] void violated(std::string_view property, const std::string& detail) {
    std::fprintf(stderr, "\n==== cspr fuzz: property violated ====\nproperty: %.*s\n%s\n",
                 static_cast<int>(property.size()), property.data(), detail.c_str());
    std::abort();
}

std::string show(Date d) {
    // format_iso_date is under test too; days since the epoch cannot be wrong.
    return std::to_string(d.time_since_epoch().count()) + " (" + cal::format_iso_date(d) + ")";
}

// Runs `f`; true when it returned, false when it threw cspr::Error; anything else is a violation.
template <typename F>
bool guarded(std::string_view what, F&& f) {
    try {
        f();
        return true;
    } catch (const cspr::Error&) {
        return false;
    } catch (const std::exception& e) {
        violated("only cspr::Error may escape", std::string(what) + ": " + typeid(e).name() + ": " + e.what());
    } catch (...) {
        violated("only cspr::Error may escape", std::string(what) + ": a non-std exception");
    }
}

void check_text(std::string_view text) {
    const auto date = cal::parse_iso_date(text);
    if (date) {
        const std::string back = cal::format_iso_date(*date);
        if (back != text)
            violated("format_iso_date(parse_iso_date(x)) == x",
                     "x = '" + std::string(text) + "', formatted '" + back + "'");
    }
    const bool required = guarded("require_iso_date", [&] {
        const Date d = cal::require_iso_date(text, "fuzz");
        if (!date || d != *date) violated("require_iso_date == parse_iso_date", std::string(text));
    });
    if (required != date.has_value())
        violated("require_iso_date throws exactly when parse_iso_date declines", std::string(text));

    const auto time = cal::parse_london_datetime(text);
    if (time) {
        const std::string back = cal::format_london_datetime(*time);
        if (back != text)
            violated("format_london_datetime(parse_london_datetime(x)) == x",
                     "x = '" + std::string(text) + "', formatted '" + back + "'");
        const auto day = cal::parse_iso_date(text.substr(0, 10));
        if (!day || cal::london_date_of(*time) != *day)
            violated("london_date_of(parse_london_datetime(x)) is x's date",
                     "x = '" + std::string(text) + "', London date " +
                         cal::format_iso_date(cal::london_date_of(*time)));
    }
    const bool required_time = guarded("require_london_datetime", [&] {
        const cal::DateTime t = cal::require_london_datetime(text, "fuzz");
        if (!time || t != *time) violated("require_london_datetime == parse_london_datetime", std::string(text));
    });
    if (required_time != time.has_value())
        violated("require_london_datetime throws exactly when parse_london_datetime declines", std::string(text));
}

const std::array<cal::Calendar, 3>& calendars() {
    static const std::array<cal::Calendar, 3> all =
        {cal::make_calendar(cal::Region::england_and_wales, cal::embedded_holidays()),
         cal::make_calendar(cal::Region::scotland, cal::embedded_holidays()),
         cal::make_calendar(cal::Region::northern_ireland, cal::embedded_holidays())};
    return all;
}

// A date near the calendar: mostly inside, sometimes a little outside, sometimes anywhere.
Date pick_date(FuzzedDataProvider& in, const cal::Calendar& c) {
    const int span = static_cast<int>((c.last_day - c.first_day).count());
    switch (in.ConsumeIntegralInRange<int>(0, 7)) {
        case 0: return c.first_day + date::days{in.ConsumeIntegralInRange<int>(-40, 40)};
        case 1: return c.last_day + date::days{in.ConsumeIntegralInRange<int>(-40, 40)};
        case 2: return Date{date::days{in.ConsumeIntegralInRange<int>(-3'000'000, 3'000'000)}};
        default: return c.first_day + date::days{in.ConsumeIntegralInRange<int>(-10, span + 10)};
    }
}

int pick_offset(FuzzedDataProvider& in) {
    switch (in.ConsumeIntegralInRange<int>(0, 7)) {
        case 0: return in.ConsumeIntegral<int>();
        case 1: return in.PickValueInArray({INT_MIN, INT_MIN + 1, -1, 0, 1, INT_MAX - 1, INT_MAX});
        case 2: return in.ConsumeIntegralInRange<int>(-50'000, 50'000);
        default: return in.ConsumeIntegralInRange<int>(-300, 300);
    }
}

bool weekday(Date d) {
    const auto wd = date::weekday{d};
    return wd != date::Saturday && wd != date::Sunday;
}

void check_working_days(FuzzedDataProvider& in) {
    const cal::Calendar& c = calendars()[in.ConsumeIntegralInRange<std::size_t>(0, 2)];
    const Date d = pick_date(in, c);
    const Date b = pick_date(in, c);
    const Date x = pick_date(in, c);
    const int n = pick_offset(in);
    const std::string where = "calendar " + std::string(cal::region_name(c.region)) + ", d = " + show(d) +
                              ", b = " + show(b) + ", x = " + show(x) + ", n = " + std::to_string(n);

    const bool in_d = cal::covers(c, d), in_b = cal::covers(c, b), in_x = cal::covers(c, x);

    bool working = false;
    const cal::Holiday* holiday = nullptr;
    if (guarded("is_working_day", [&] { working = cal::is_working_day(c, d); }) != in_d)
        violated("is_working_day answers exactly for covered dates", where);
    if (guarded("holiday_on", [&] { holiday = cal::holiday_on(c, d); }) != in_d)
        violated("holiday_on answers exactly for covered dates", where);
    bool projected = false;
    if (guarded("is_projected", [&] { projected = cal::is_projected(c, d); }) != in_d)
        violated("is_projected answers exactly for covered dates", where);
    if (guarded("require_covers", [&] { cal::require_covers(c, d); }) != in_d)
        violated("require_covers throws exactly for dates not covered", where);
    if (in_d) {
        if (projected != (static_cast<int>(date::year_month_day{d}.year()) > c.last_announced_year))
            violated("is_projected(d) == d is after the last announced year", where);
        if (working != (weekday(d) && holiday == nullptr))
            violated("is_working_day == Monday to Friday and not a holiday", where);
        if (holiday && holiday->date != d) violated("holiday_on(d) is on d", where);
    }

    // add_working_days and working_days_between agree.
    Date e{};
    const bool added = guarded("add_working_days", [&] { e = cal::add_working_days(c, d, n); });
    if (!in_d && added) violated("add_working_days throws for a date not covered", where);
    if (added) {
        if (!cal::covers(c, e)) violated("add_working_days answers inside the calendar", where + ", e = " + show(e));
        if (n == 0 && e != d) violated("add_working_days(d, 0) == d", where + ", e = " + show(e));
        if (n != 0) {
            if (!cal::is_working_day(c, e))
                violated("add_working_days(d, n != 0) is a working day", where + ", e = " + show(e));
            if ((n > 0) != (e > d))
                violated("add_working_days moves in the direction of n", where + ", e = " + show(e));
            const int between = cal::working_days_between(c, d, e);
            const int expected = n > 0 || working ? n : n + 1;
            if (between != expected)
                violated("working_days_between(d, add_working_days(d, n)) == n",
                         where + ", e = " + show(e) + ", between = " + std::to_string(between));
            if (working) {
                Date back{};
                if (!guarded("add_working_days back", [&] { back = cal::add_working_days(c, e, -n); }) || back != d)
                    violated("add_working_days(add_working_days(d, n), -n) == d for a working day d",
                             where + ", e = " + show(e) + ", back = " + show(back));
            }
        }
    } else if (in_d && n != 0 && n > -2'000'000 && n < 2'000'000) {
        // Refused although d is covered: the answer must really lie outside. Count the working days
        // from d to the end (or start) of the calendar.
        const int after = cal::working_days_between(c, d, c.last_day);  // working days in (d, last_day]
        const int before = cal::working_days_between(c, c.first_day, d) +
                           (cal::is_working_day(c, c.first_day) ? 1 : 0) -
                           (working ? 1 : 0);  // working days in [first_day, d)
        if (n > 0 && n <= after)
            violated("add_working_days refuses only past the calendar's end",
                     where + ", working days after d: " + std::to_string(after));
        if (n < 0 && -n <= before)
            violated("add_working_days refuses only before the calendar's start",
                     where + ", working days before d: " + std::to_string(before));
    }

    if (in_d) {
        Date next{}, on_or_after{};
        const bool has_next = guarded("next_working_day", [&] { next = cal::next_working_day(c, d); });
        Date plus_one{};
        const bool has_plus_one = guarded("add_working_days 1", [&] { plus_one = cal::add_working_days(c, d, 1); });
        if (has_next != has_plus_one || (has_next && next != plus_one))
            violated("next_working_day(d) == add_working_days(d, 1)", where);
        const bool has_on_or_after =
            guarded("working_day_on_or_after", [&] { on_or_after = cal::working_day_on_or_after(c, d); });
        if (working && (!has_on_or_after || on_or_after != d))
            violated("working_day_on_or_after(d) == d for a working day", where);
        if (!working && (has_on_or_after != has_next || (has_next && on_or_after != next)))
            violated("working_day_on_or_after(d) == next_working_day(d) for a day off", where);
    }

    // working_days_between: antisymmetric and additive.
    int db = 0, bd = 0, dx = 0, bx = 0;
    const bool has_db = guarded("working_days_between", [&] { db = cal::working_days_between(c, d, b); });
    if (has_db != (in_d && in_b)) violated("working_days_between answers exactly for covered dates", where);
    if (has_db) {
        bd = cal::working_days_between(c, b, d);
        if (db != -bd) violated("working_days_between(a, b) == -working_days_between(b, a)", where);
        if ((b > d && db < 0) || (b < d && db > 0) || (b == d && db != 0))
            violated("working_days_between has the sign of b - a", where + ", between = " + std::to_string(db));
        if (db > (b - d).count() && b > d) violated("working_days_between(a, b) <= calendar days", where);
        if (in_x) {
            dx = cal::working_days_between(c, d, x);
            bx = cal::working_days_between(c, b, x);
            if (db + bx != dx) violated("working_days_between adds up: (d, b] + (b, x] == (d, x]", where);
        }
        // holidays_between lists holidays in [min, max], sorted.
        const Date from = std::min(d, b), to = std::max(d, b);
        const auto holidays = cal::holidays_between(c, from, to);
        for (std::size_t i = 0; i < holidays.size(); ++i) {
            if (holidays[i].date < from || holidays[i].date > to)
                violated("holidays_between(a, b) lies in [a, b]", where);
            if (i > 0 && !(holidays[i - 1].date < holidays[i].date))
                violated("holidays_between is in strict date order", where);
            if (cal::holiday_on(c, holidays[i].date) == nullptr)
                violated("holidays_between agrees with holiday_on", where);
        }
    } else if (in_d != in_b || !in_d) {
        if (guarded("holidays_between", [&] { (void)cal::holidays_between(c, std::min(d, b), std::max(d, b)); }))
            violated("holidays_between throws when an end is not covered", where);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    check_text(text);
    if (text.size() > 10) check_text(text.substr(0, 10));
    if (text.size() > 16) check_text(text.substr(0, 16));

    FuzzedDataProvider in(data, size);
    check_working_days(in);
    return 0;
}
