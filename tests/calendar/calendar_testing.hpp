// Helpers shared by the calendar unit tests (tests/calendar/*_test.cpp): readable dates in failure
// messages, the tests' own date constructors, and a small reference model of the bank-holiday rules
// written independently of src/calendar/ (rules + the list of one-off days).
//
// Every expected value in these tests comes from the published rules and history, never from running the
// implementation. Weekday claims were checked with `date -d YYYY-MM-DD +%a`; the Easter table was
// written from the known dates and cross-checked against python-dateutil's `easter()`.
#pragma once

#include <catch2/catch.hpp>

#include <cstdio>
#include <initializer_list>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <date/date.h>

#include "cspr/calendar.hpp"

namespace cspr::calendar::testing {

// ---- Printing (so that failures show readable dates) --------------------------------------------

inline std::string show(Date d) {
    std::ostringstream os;
    os << date::year_month_day{d} << ' ' << date::weekday{d};
    return os.str();
}

}  // namespace cspr::calendar::testing

namespace Catch {
template <>
struct StringMaker<cspr::calendar::Date> {
    static std::string convert(const cspr::calendar::Date& d) { return cspr::calendar::testing::show(d); }
};
template <>
struct StringMaker<std::optional<cspr::calendar::Date>> {
    static std::string convert(const std::optional<cspr::calendar::Date>& d) {
        return d ? cspr::calendar::testing::show(*d) : std::string("nullopt");
    }
};
template <>
struct StringMaker<cspr::calendar::Region> {
    static std::string convert(cspr::calendar::Region r) {
        switch (r) {
            case cspr::calendar::Region::england_and_wales: return "england_and_wales";
            case cspr::calendar::Region::scotland: return "scotland";
            case cspr::calendar::Region::northern_ireland: return "northern_ireland";
        }
        return "Region(?)";
    }
};
}  // namespace Catch

namespace cspr::calendar::testing {

// ---- Independent date helpers (deliberately not using parse_iso_date) ---------------------------

inline Date ymd(int y, unsigned m, unsigned d) {
    const date::year_month_day v{date::year{y}, date::month{m}, date::day{d}};
    if (!v.ok()) throw std::logic_error("bad test date");
    return date::sys_days{v};
}

// D("2024-12-20"): the test's own strict constructor, independent of the code under test.
inline Date D(const char* text) {
    int y = 0;
    unsigned m = 0, d = 0;
    char tail = 0;
    if (std::sscanf(text, "%4d-%2u-%2u%c", &y, &m, &d, &tail) != 3) throw std::logic_error(text);
    return ymd(y, m, d);
}

inline int year_of(Date d) { return int(date::year_month_day{d}.year()); }
inline bool is_weekend(Date d) {
    const date::weekday w{d};
    return w == date::Saturday || w == date::Sunday;
}
inline constexpr date::days kDay{1};

inline cspr::calendar::Calendar calendar_of(Region r) { return make_calendar(r, embedded_holidays()); }

// ---- Reference model of the rules ---------------------------------------------------------------

// Gregorian Easter Sunday, 1995-2050, written from the known dates (2036-2050 cross-checked with
// python-dateutil). Famous out-of-loop values are tested separately.
inline const std::map<int, Date>& easter_table() {
    static const std::map<int, Date> t = {
        {1995, D("1995-04-16")}, {1996, D("1996-04-07")}, {1997, D("1997-03-30")}, {1998, D("1998-04-12")},
        {1999, D("1999-04-04")}, {2000, D("2000-04-23")}, {2001, D("2001-04-15")}, {2002, D("2002-03-31")},
        {2003, D("2003-04-20")}, {2004, D("2004-04-11")}, {2005, D("2005-03-27")}, {2006, D("2006-04-16")},
        {2007, D("2007-04-08")}, {2008, D("2008-03-23")}, {2009, D("2009-04-12")}, {2010, D("2010-04-04")},
        {2011, D("2011-04-24")}, {2012, D("2012-04-08")}, {2013, D("2013-03-31")}, {2014, D("2014-04-20")},
        {2015, D("2015-04-05")}, {2016, D("2016-03-27")}, {2017, D("2017-04-16")}, {2018, D("2018-04-01")},
        {2019, D("2019-04-21")}, {2020, D("2020-04-12")}, {2021, D("2021-04-04")}, {2022, D("2022-04-17")},
        {2023, D("2023-04-09")}, {2024, D("2024-03-31")}, {2025, D("2025-04-20")}, {2026, D("2026-04-05")},
        {2027, D("2027-03-28")}, {2028, D("2028-04-16")}, {2029, D("2029-04-01")}, {2030, D("2030-04-21")},
        {2031, D("2031-04-13")}, {2032, D("2032-03-28")}, {2033, D("2033-04-17")}, {2034, D("2034-04-09")},
        {2035, D("2035-03-25")}, {2036, D("2036-04-13")}, {2037, D("2037-04-05")}, {2038, D("2038-04-25")},
        {2039, D("2039-04-10")}, {2040, D("2040-04-01")}, {2041, D("2041-04-21")}, {2042, D("2042-04-06")},
        {2043, D("2043-03-29")}, {2044, D("2044-04-17")}, {2045, D("2045-04-09")}, {2046, D("2046-03-25")},
        {2047, D("2047-04-14")}, {2048, D("2048-04-05")}, {2049, D("2049-04-18")}, {2050, D("2050-04-10")},
    };
    return t;
}

inline Date first_monday(int y, unsigned m) { return date::sys_days{date::year{y} / date::month{m} / date::Monday[1]}; }
inline Date last_monday(int y, unsigned m) {
    return date::sys_days{date::year{y} / date::month{m} / date::Monday[date::last]};
}

// A group of fixed-date holidays (1 Jan; 1-2 Jan; 25-26 Dec; 17 Mar; 12 Jul; 30 Nov): each day in
// turn is observed on the first weekday on or after it that the group has not already taken.
// 25 Dec Sat -> Mon 27 + Tue 28; 25 Dec Sun -> Mon 26 + Tue 27; 26 Dec Sat -> Mon 28.
inline void observe(std::set<Date>& out, std::initializer_list<Date> group) {
    std::set<Date> taken;
    for (Date d : group) {
        Date x = d;
        while (is_weekend(x) || taken.count(x)) x += kDay;
        taken.insert(x);
        out.insert(x);
    }
}

// The standing rules (observed dates), no one-off days.
inline std::set<Date> ref_standing(Region r, int y) {
    std::set<Date> s;
    const Date easter = easter_table().at(y);
    if (r == Region::scotland) observe(s, {ymd(y, 1, 1), ymd(y, 1, 2)});
    else observe(s, {ymd(y, 1, 1)});
    if (r == Region::northern_ireland) observe(s, {ymd(y, 3, 17)});
    s.insert(easter - 2 * kDay);                         // Good Friday
    if (r != Region::scotland) s.insert(easter + kDay);  // Easter Monday
    s.insert(first_monday(y, 5));                        // Early May
    s.insert(last_monday(y, 5));                         // Spring
    if (r == Region::northern_ireland) observe(s, {ymd(y, 7, 12)});
    s.insert(r == Region::scotland ? first_monday(y, 8) : last_monday(y, 8));  // Summer
    if (r == Region::scotland) observe(s, {ymd(y, 11, 30)});
    observe(s, {ymd(y, 12, 25), ymd(y, 12, 26)});
    return s;
}

// The real holidays: standing rules plus the one-off changes of the announced years.
inline std::set<Date> ref_holidays(Region r, int y) {
    std::set<Date> s = ref_standing(r, y);
    auto move = [&](const char* from, std::initializer_list<const char*> to) {
        if (from) REQUIRE(s.erase(D(from)) == 1);
        for (const char* t : to) s.insert(D(t));
    };
    if (r == Region::england_and_wales) {
        if (y == 1995) move("1995-05-01", {"1995-05-08"});                // VE Day 50th: early May moved
        if (y == 1999) move(nullptr, {"1999-12-31"});                     // Millennium
        if (y == 2002) move("2002-05-27", {"2002-06-03", "2002-06-04"});  // Golden Jubilee
        if (y == 2011) move(nullptr, {"2011-04-29"});                     // Royal Wedding
    }
    // UK-wide one-offs since 2012 (Scotland and Northern Ireland data start in 2012).
    if (y == 2012) move("2012-05-28", {"2012-06-04", "2012-06-05"});                // Diamond Jubilee
    if (y == 2020) move("2020-05-04", {"2020-05-08"});                              // VE Day 75th
    if (y == 2022) move("2022-05-30", {"2022-06-02", "2022-06-03", "2022-09-19"});  // Platinum Jubilee; State Funeral
    if (y == 2023) move(nullptr, {"2023-05-08"});                                   // Coronation
    return s;
}

inline int first_year_of(Region r) { return r == Region::england_and_wales ? 1995 : 2012; }
inline constexpr int kLastAnnouncedYear = 2027;

inline std::vector<Date> dates_of(const std::vector<Holiday>& hs) {
    std::vector<Date> out;
    for (const auto& h : hs) out.push_back(h.date);
    return out;
}

}  // namespace cspr::calendar::testing
