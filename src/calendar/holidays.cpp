// The standing rules of UK bank holidays (Banking and Financial Dealings Act 1971, sch. 1, and the
// yearly proclamations that follow it), and the overlay of newer announcements on older ones.
#include <algorithm>

#include "cspr/calendar.hpp"

namespace cspr::calendar {

namespace {

using date::Friday;
using date::Monday;
using date::Saturday;
using date::Sunday;

constexpr std::string_view kSubstitute = "Substitute day";

Date ymd(int y, unsigned m, unsigned d) { return Date{date::year{y} / date::month{m} / date::day{d}}; }

Date first_monday(int y, unsigned m) { return Date{date::year{y} / date::month{m} / Monday[1]}; }
Date last_monday(int y, unsigned m) { return Date{date::year{y} / date::month{m} / Monday[date::last]}; }

date::weekday weekday_of(Date d) { return date::weekday{d}; }

struct Builder {
    int year;
    std::vector<Holiday> out;

    void add(Date d, std::string_view title, std::string_view notes = "") {
        out.push_back({d, std::string(title), std::string(notes), true, true});
    }
    // A single fixed day: a weekend moves it to the next Monday.
    void fixed(unsigned m, unsigned d, std::string_view title) {
        const Date day = ymd(year, m, d);
        const auto wd = weekday_of(day);
        if (wd == Saturday) add(day + date::days{2}, title, kSubstitute);
        else if (wd == Sunday) add(day + date::days{1}, title, kSubstitute);
        else add(day, title);
    }
    // Two consecutive fixed days (Christmas and Boxing Day; 1 and 2 January in Scotland). GOV.UK
    // keeps the first day's name on the first free weekday, except that a second day that is itself
    // a Monday stays put (Christmas on Sunday: Boxing Day Mon 26, Christmas substitute Tue 27).
    void pair(unsigned m, unsigned d, std::string_view first, std::string_view second, bool second_keeps_monday) {
        const Date a = ymd(year, m, d), b = a + date::days{1};
        const auto wd = weekday_of(a);
        if (wd == Friday) {
            add(a, first);
            add(b + date::days{2}, second, kSubstitute);
        } else if (wd == Saturday) {
            add(a + date::days{2}, first, kSubstitute);
            add(a + date::days{3}, second, kSubstitute);
        } else if (wd == Sunday && second_keeps_monday) {
            add(b, second);
            add(b + date::days{1}, first, kSubstitute);
        } else if (wd == Sunday) {
            add(b, first, kSubstitute);
            add(b + date::days{1}, second, kSubstitute);
        } else {
            add(a, first);
            add(b, second);
        }
    }
};

}  // namespace

Date easter_sunday(int year) {
    // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
    const int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
    const int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
    const int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
    const int m = (a + 11 * h + 22 * l) / 451;
    const int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
    return ymd(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
}

std::vector<Holiday> standing_holidays(Region r, int year) {
    Builder b{year, {}};
    const Date easter = easter_sunday(year);
    if (r == Region::scotland) {
        b.pair(1, 1, "New Year\u2019s Day", "2nd January", false);
    } else {
        b.fixed(1, 1, "New Year\u2019s Day");
    }
    if (r == Region::northern_ireland) b.fixed(3, 17, "St Patrick\u2019s Day");
    b.add(easter - date::days{2}, "Good Friday");
    if (r != Region::scotland) b.add(easter + date::days{1}, "Easter Monday");
    b.add(first_monday(year, 5), "Early May bank holiday");
    b.add(last_monday(year, 5), "Spring bank holiday");
    if (r == Region::northern_ireland) b.fixed(7, 12, "Battle of the Boyne (Orangemen\u2019s Day)");
    b.add(r == Region::scotland ? first_monday(year, 8) : last_monday(year, 8), "Summer bank holiday");
    if (r == Region::scotland) b.fixed(11, 30, "St Andrew\u2019s Day");
    b.pair(12, 25, "Christmas Day", "Boxing Day", true);
    std::sort(b.out.begin(), b.out.end(), [](const Holiday& x, const Holiday& y) { return x.date < y.date; });
    return b.out;
}

HolidayTable overlay(const HolidayTable& base, const HolidayTable& newer) {
    HolidayTable result = base;
    for (Region r : kAllRegions) {
        const auto& fresh = newer.of(r);
        if (fresh.empty()) continue;
        const Date from = Date{date::year_month_day{fresh.front().date}.year() / 1 / 1};
        const Date to = Date{date::year_month_day{fresh.back().date}.year() / 12 / 31};
        auto& merged = result.of(r);
        std::erase_if(merged, [&](const Holiday& h) { return h.date >= from && h.date <= to; });
        merged.insert(merged.end(), fresh.begin(), fresh.end());
        std::stable_sort(merged.begin(), merged.end(),
                         [](const Holiday& x, const Holiday& y) { return x.date < y.date; });
    }
    return result;
}

}  // namespace cspr::calendar
