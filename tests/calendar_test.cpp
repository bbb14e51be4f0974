// Unit tests for the calendar module (include/cspr/calendar.hpp), written from the specification
// and from real-world UK bank-holiday facts, independently of the implementation.
//
// Every expected value below comes from the published rules and history, never from running the
// implementation. Weekday claims were checked with `date -d YYYY-MM-DD +%a`; the Easter table was
// written from the known dates and cross-checked against python-dateutil's `easter()`.
//
// The big property test compares the calendar, day by day over 1995-2050 in all three regions,
// against a small reference model of the rules written here (rules + the list of one-off days).
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>

#include "cspr/calendar.hpp"
#include "cspr/error.hpp"

using cspr::calendar::Date;
using cspr::calendar::Region;

// ---- Printing (so that failures show readable dates) --------------------------------------------

namespace {
std::string show(Date d) {
    std::ostringstream os;
    os << date::year_month_day{d} << ' ' << date::weekday{d};
    return os.str();
}
}  // namespace

namespace Catch {
template <>
struct StringMaker<cspr::calendar::Date> {
    static std::string convert(const cspr::calendar::Date& d) { return show(d); }
};
template <>
struct StringMaker<std::optional<cspr::calendar::Date>> {
    static std::string convert(const std::optional<cspr::calendar::Date>& d) {
        return d ? show(*d) : std::string("nullopt");
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

namespace {

using namespace cspr::calendar;

// ---- Independent date helpers (deliberately not using parse_iso_date) ---------------------------

Date ymd(int y, unsigned m, unsigned d) {
    const date::year_month_day v{date::year{y}, date::month{m}, date::day{d}};
    if (!v.ok()) throw std::logic_error("bad test date");
    return date::sys_days{v};
}

// D("2024-12-20"): the test's own strict constructor, independent of the code under test.
Date D(const char* text) {
    int y = 0;
    unsigned m = 0, d = 0;
    char tail = 0;
    if (std::sscanf(text, "%4d-%2u-%2u%c", &y, &m, &d, &tail) != 3) throw std::logic_error(text);
    return ymd(y, m, d);
}

int year_of(Date d) { return int(date::year_month_day{d}.year()); }
bool is_weekend(Date d) {
    const date::weekday w{d};
    return w == date::Saturday || w == date::Sunday;
}
constexpr date::days kDay{1};

cspr::calendar::Calendar calendar_of(Region r) { return make_calendar(r, embedded_holidays()); }

// ---- Reference model of the rules ---------------------------------------------------------------

// Gregorian Easter Sunday, 1995-2050, written from the known dates (2036-2050 cross-checked with
// python-dateutil). Famous out-of-loop values are tested separately.
const std::map<int, Date>& easter_table() {
    static const std::map<int, Date> t = {
        {1995, D("1995-04-16")}, {1996, D("1996-04-07")}, {1997, D("1997-03-30")},
        {1998, D("1998-04-12")}, {1999, D("1999-04-04")}, {2000, D("2000-04-23")},
        {2001, D("2001-04-15")}, {2002, D("2002-03-31")}, {2003, D("2003-04-20")},
        {2004, D("2004-04-11")}, {2005, D("2005-03-27")}, {2006, D("2006-04-16")},
        {2007, D("2007-04-08")}, {2008, D("2008-03-23")}, {2009, D("2009-04-12")},
        {2010, D("2010-04-04")}, {2011, D("2011-04-24")}, {2012, D("2012-04-08")},
        {2013, D("2013-03-31")}, {2014, D("2014-04-20")}, {2015, D("2015-04-05")},
        {2016, D("2016-03-27")}, {2017, D("2017-04-16")}, {2018, D("2018-04-01")},
        {2019, D("2019-04-21")}, {2020, D("2020-04-12")}, {2021, D("2021-04-04")},
        {2022, D("2022-04-17")}, {2023, D("2023-04-09")}, {2024, D("2024-03-31")},
        {2025, D("2025-04-20")}, {2026, D("2026-04-05")}, {2027, D("2027-03-28")},
        {2028, D("2028-04-16")}, {2029, D("2029-04-01")}, {2030, D("2030-04-21")},
        {2031, D("2031-04-13")}, {2032, D("2032-03-28")}, {2033, D("2033-04-17")},
        {2034, D("2034-04-09")}, {2035, D("2035-03-25")}, {2036, D("2036-04-13")},
        {2037, D("2037-04-05")}, {2038, D("2038-04-25")}, {2039, D("2039-04-10")},
        {2040, D("2040-04-01")}, {2041, D("2041-04-21")}, {2042, D("2042-04-06")},
        {2043, D("2043-03-29")}, {2044, D("2044-04-17")}, {2045, D("2045-04-09")},
        {2046, D("2046-03-25")}, {2047, D("2047-04-14")}, {2048, D("2048-04-05")},
        {2049, D("2049-04-18")}, {2050, D("2050-04-10")},
    };
    return t;
}

Date first_monday(int y, unsigned m) {
    return date::sys_days{date::year{y} / date::month{m} / date::Monday[1]};
}
Date last_monday(int y, unsigned m) {
    return date::sys_days{date::year{y} / date::month{m} / date::Monday[date::last]};
}

// A group of fixed-date holidays (1 Jan; 1-2 Jan; 25-26 Dec; 17 Mar; 12 Jul; 30 Nov): each day in
// turn is observed on the first weekday on or after it that the group has not already taken.
// 25 Dec Sat -> Mon 27 + Tue 28; 25 Dec Sun -> Mon 26 + Tue 27; 26 Dec Sat -> Mon 28.
void observe(std::set<Date>& out, std::initializer_list<Date> group) {
    std::set<Date> taken;
    for (Date d : group) {
        Date x = d;
        while (is_weekend(x) || taken.count(x)) x += kDay;
        taken.insert(x);
        out.insert(x);
    }
}

// The standing rules (observed dates), no one-off days.
std::set<Date> ref_standing(Region r, int y) {
    std::set<Date> s;
    const Date easter = easter_table().at(y);
    if (r == Region::scotland)
        observe(s, {ymd(y, 1, 1), ymd(y, 1, 2)});
    else
        observe(s, {ymd(y, 1, 1)});
    if (r == Region::northern_ireland) observe(s, {ymd(y, 3, 17)});
    s.insert(easter - 2 * kDay);                           // Good Friday
    if (r != Region::scotland) s.insert(easter + kDay);    // Easter Monday
    s.insert(first_monday(y, 5));                          // Early May
    s.insert(last_monday(y, 5));                           // Spring
    if (r == Region::northern_ireland) observe(s, {ymd(y, 7, 12)});
    s.insert(r == Region::scotland ? first_monday(y, 8) : last_monday(y, 8));  // Summer
    if (r == Region::scotland) observe(s, {ymd(y, 11, 30)});
    observe(s, {ymd(y, 12, 25), ymd(y, 12, 26)});
    return s;
}

// The real holidays: standing rules plus the one-off changes of the announced years.
std::set<Date> ref_holidays(Region r, int y) {
    std::set<Date> s = ref_standing(r, y);
    auto move = [&](const char* from, std::initializer_list<const char*> to) {
        if (from) REQUIRE(s.erase(D(from)) == 1);
        for (const char* t : to) s.insert(D(t));
    };
    if (r == Region::england_and_wales) {
        if (y == 1995) move("1995-05-01", {"1995-05-08"});  // VE Day 50th: early May moved
        if (y == 1999) move(nullptr, {"1999-12-31"});       // Millennium
        if (y == 2002) move("2002-05-27", {"2002-06-03", "2002-06-04"});  // Golden Jubilee
        if (y == 2011) move(nullptr, {"2011-04-29"});       // Royal Wedding
    }
    // UK-wide one-offs since 2012 (Scotland and Northern Ireland data start in 2012).
    if (y == 2012) move("2012-05-28", {"2012-06-04", "2012-06-05"});  // Diamond Jubilee
    if (y == 2020) move("2020-05-04", {"2020-05-08"});                // VE Day 75th
    if (y == 2022) move("2022-05-30", {"2022-06-02", "2022-06-03", "2022-09-19"});  // Platinum Jubilee; State Funeral
    if (y == 2023) move(nullptr, {"2023-05-08"});                     // Coronation
    return s;
}

int first_year_of(Region r) { return r == Region::england_and_wales ? 1995 : 2012; }
constexpr int kLastAnnouncedYear = 2027;

std::vector<Date> dates_of(const std::vector<Holiday>& hs) {
    std::vector<Date> out;
    for (const auto& h : hs) out.push_back(h.date);
    return out;
}

}  // namespace

// =================================================================================================
// 1. One-off and moved days in England and Wales
// =================================================================================================

TEST_CASE("England and Wales: every one-off or moved bank holiday is a holiday, not a working day",
          "[calendar][holidays][one-off]") {
    const auto cal = calendar_of(Region::england_and_wales);
    for (const char* s : {"1995-05-08", "1999-12-31", "2002-06-03", "2002-06-04", "2011-04-29",
                          "2012-06-04", "2012-06-05", "2020-05-08", "2022-06-02", "2022-06-03",
                          "2022-09-19", "2023-05-08"}) {
        INFO("date " << s);
        const Date d = D(s);
        REQUIRE_FALSE(is_weekend(d));
        CHECK_FALSE(is_working_day(cal, d));
        const Holiday* h = holiday_on(cal, d);
        REQUIRE(h != nullptr);
        CHECK(h->date == d);
        CHECK_FALSE(h->title.empty());
        CHECK_FALSE(h->projected);
        CHECK_FALSE(is_projected(cal, d));
    }
}

TEST_CASE("England and Wales: the Mondays the one-off days replaced were working days",
          "[calendar][holidays][one-off]") {
    const auto cal = calendar_of(Region::england_and_wales);
    for (const char* s : {"1995-05-01", "2002-05-27", "2012-05-28", "2020-05-04", "2022-05-30"}) {
        INFO("date " << s);
        REQUIRE(date::weekday{D(s)} == date::Monday);
        CHECK(is_working_day(cal, D(s)));
        CHECK(holiday_on(cal, D(s)) == nullptr);
    }
    // 2023 kept its normal early May holiday as well as the Coronation.
    CHECK_FALSE(is_working_day(cal, D("2023-05-01")));
    CHECK_FALSE(is_working_day(cal, D("2023-05-08")));
}

TEST_CASE("One-off UK-wide days since 2012 are holidays in Scotland and Northern Ireland too",
          "[calendar][holidays][one-off]") {
    for (Region r : {Region::scotland, Region::northern_ireland}) {
        INFO("region " << Catch::StringMaker<Region>::convert(r));
        const auto cal = calendar_of(r);
        for (const char* s : {"2012-06-04", "2012-06-05", "2020-05-08", "2022-06-02", "2022-06-03",
                              "2022-09-19", "2023-05-08"}) {
            INFO("date " << s);
            CHECK_FALSE(is_working_day(cal, D(s)));
            CHECK(holiday_on(cal, D(s)) != nullptr);
        }
        for (const char* s : {"2012-05-28", "2020-05-04", "2022-05-30"}) {
            INFO("date " << s);
            CHECK(is_working_day(cal, D(s)));
        }
    }
}

// =================================================================================================
// 2. Substitute days
// =================================================================================================

TEST_CASE("England and Wales: Christmas and Boxing Day substitutes", "[calendar][holidays][substitute]") {
    const auto cal = calendar_of(Region::england_and_wales);

    SECTION("Christmas on a Sunday: Boxing Day Monday 26, Christmas substitute Tuesday 27") {
        for (int y : {2011, 2016, 2022}) {
            INFO("year " << y);
            REQUIRE(date::weekday{ymd(y, 12, 25)} == date::Sunday);
            CHECK_FALSE(is_working_day(cal, ymd(y, 12, 26)));
            CHECK_FALSE(is_working_day(cal, ymd(y, 12, 27)));
            CHECK(is_working_day(cal, ymd(y, 12, 28)));
            CHECK(holiday_on(cal, ymd(y, 12, 27)) != nullptr);
        }
    }
    SECTION("Christmas on a Saturday: Monday 27 and Tuesday 28") {
        for (int y : {2010, 2021}) {
            INFO("year " << y);
            REQUIRE(date::weekday{ymd(y, 12, 25)} == date::Saturday);
            CHECK_FALSE(is_working_day(cal, ymd(y, 12, 27)));
            CHECK_FALSE(is_working_day(cal, ymd(y, 12, 28)));
            CHECK(is_working_day(cal, ymd(y, 12, 24)));
            CHECK(is_working_day(cal, ymd(y, 12, 29)));
            CHECK(holiday_on(cal, ymd(y, 12, 27)) != nullptr);
            CHECK(holiday_on(cal, ymd(y, 12, 28)) != nullptr);
        }
    }
    SECTION("Boxing Day on a Saturday: Christmas Friday 25 and substitute Monday 28") {
        for (int y : {2015, 2020}) {
            INFO("year " << y);
            REQUIRE(date::weekday{ymd(y, 12, 26)} == date::Saturday);
            CHECK_FALSE(is_working_day(cal, ymd(y, 12, 25)));
            CHECK_FALSE(is_working_day(cal, ymd(y, 12, 28)));
            CHECK(is_working_day(cal, ymd(y, 12, 24)));
            CHECK(is_working_day(cal, ymd(y, 12, 29)));
        }
    }
    SECTION("the announced substitute carries GOV.UK's note") {
        const Holiday* h = holiday_on(cal, D("2022-12-27"));
        REQUIRE(h != nullptr);
        CHECK(h->notes == "Substitute day");
    }
}

TEST_CASE("England and Wales: New Year's Day substitutes", "[calendar][holidays][substitute]") {
    const auto cal = calendar_of(Region::england_and_wales);
    SECTION("1 January on a Saturday -> Monday 3 January") {
        for (int y : {2005, 2011, 2022}) {
            INFO("year " << y);
            REQUIRE(date::weekday{ymd(y, 1, 1)} == date::Saturday);
            CHECK_FALSE(is_working_day(cal, ymd(y, 1, 3)));
            CHECK(is_working_day(cal, ymd(y, 1, 4)));
        }
    }
    SECTION("1 January on a Sunday -> Monday 2 January") {
        for (int y : {1995, 2006, 2012, 2017, 2023}) {
            INFO("year " << y);
            REQUIRE(date::weekday{ymd(y, 1, 1)} == date::Sunday);
            CHECK_FALSE(is_working_day(cal, ymd(y, 1, 2)));
            CHECK(is_working_day(cal, ymd(y, 1, 3)));  // no "2nd January" outside Scotland
        }
    }
    SECTION("1 January on a weekday is itself the holiday and 2 January is a working day") {
        CHECK_FALSE(is_working_day(cal, D("2024-01-01")));  // Monday
        CHECK(is_working_day(cal, D("2024-01-02")));
        CHECK_FALSE(is_working_day(cal, D("2021-01-01")));  // Friday
        CHECK(is_working_day(cal, D("2021-01-04")));        // Monday: no substitute
    }
}

TEST_CASE("Scotland: New Year's Day and 2nd January", "[calendar][holidays][substitute][scotland]") {
    const auto cal = calendar_of(Region::scotland);
    SECTION("1 January Saturday (2022): Monday 3 and Tuesday 4 January") {
        CHECK_FALSE(is_working_day(cal, D("2022-01-03")));
        CHECK_FALSE(is_working_day(cal, D("2022-01-04")));
        CHECK(is_working_day(cal, D("2022-01-05")));
    }
    SECTION("1 January Sunday (2017, 2023, 2012): Monday 2 and Tuesday 3 January") {
        for (int y : {2012, 2017, 2023}) {
            INFO("year " << y);
            CHECK_FALSE(is_working_day(cal, ymd(y, 1, 2)));
            CHECK_FALSE(is_working_day(cal, ymd(y, 1, 3)));
            CHECK(is_working_day(cal, ymd(y, 1, 4)));
        }
    }
    SECTION("1 January Friday (2016, 2021, 2027): 2 January Saturday -> Monday 4") {
        for (int y : {2016, 2021, 2027}) {
            INFO("year " << y);
            REQUIRE(date::weekday{ymd(y, 1, 1)} == date::Friday);
            CHECK_FALSE(is_working_day(cal, ymd(y, 1, 1)));
            CHECK_FALSE(is_working_day(cal, ymd(y, 1, 4)));
            CHECK(is_working_day(cal, ymd(y, 1, 5)));
        }
    }
    SECTION("1 January midweek (2025, Wednesday): 1 and 2 January, 3 January working") {
        CHECK_FALSE(is_working_day(cal, D("2025-01-01")));
        CHECK_FALSE(is_working_day(cal, D("2025-01-02")));
        CHECK(is_working_day(cal, D("2025-01-03")));
    }
    SECTION("England and Wales has no 2nd January holiday") {
        const auto ew = calendar_of(Region::england_and_wales);
        CHECK(is_working_day(ew, D("2025-01-02")));
        CHECK(is_working_day(ew, D("2022-01-04")));
    }
}

TEST_CASE("Scotland: St Andrew's Day on a weekend moves to Monday", "[calendar][holidays][scotland]") {
    const auto cal = calendar_of(Region::scotland);
    const auto ew = calendar_of(Region::england_and_wales);
    SECTION("on a Saturday") {
        for (const char* s : {"2013-12-02", "2019-12-02", "2024-12-02"}) {
            INFO(s);
            CHECK_FALSE(is_working_day(cal, D(s)));
            CHECK(is_working_day(ew, D(s)));
        }
        CHECK(is_working_day(cal, D("2019-12-03")));
    }
    SECTION("on a Sunday") {
        for (const char* s : {"2014-12-01", "2025-12-01"}) {
            INFO(s);
            CHECK_FALSE(is_working_day(cal, D(s)));
            CHECK(is_working_day(ew, D(s)));
        }
    }
    SECTION("on a weekday it is the day itself") {
        CHECK_FALSE(is_working_day(cal, D("2018-11-30")));  // Friday
        CHECK_FALSE(is_working_day(cal, D("2020-11-30")));  // Monday
        CHECK(is_working_day(ew, D("2020-11-30")));
        CHECK(is_working_day(cal, D("2018-12-03")));
    }
}

TEST_CASE("Scotland: no Easter Monday, summer holiday on the first Monday of August",
          "[calendar][holidays][scotland]") {
    const auto sc = calendar_of(Region::scotland);
    const auto ew = calendar_of(Region::england_and_wales);
    for (int y = 2012; y <= 2050; ++y) {
        INFO("year " << y);
        const Date easter_monday = easter_table().at(y) + kDay;
        CHECK(is_working_day(sc, easter_monday));
        CHECK_FALSE(is_working_day(sc, easter_table().at(y) - 2 * kDay));  // Good Friday is one
        CHECK_FALSE(is_working_day(sc, first_monday(y, 8)));
        CHECK(is_working_day(sc, last_monday(y, 8)));
        CHECK(is_working_day(ew, first_monday(y, 8)));
        CHECK_FALSE(is_working_day(ew, last_monday(y, 8)));
    }
}

TEST_CASE("Northern Ireland: St Patrick's Day and the Battle of the Boyne", "[calendar][holidays][ni]") {
    const auto ni = calendar_of(Region::northern_ireland);
    const auto ew = calendar_of(Region::england_and_wales);
    SECTION("St Patrick's Day on a Sunday (2019) -> Monday 18 March") {
        CHECK_FALSE(is_working_day(ni, D("2019-03-18")));
        CHECK(is_working_day(ni, D("2019-03-19")));
        CHECK(is_working_day(ew, D("2019-03-18")));
    }
    SECTION("St Patrick's Day on a weekday") {
        CHECK_FALSE(is_working_day(ni, D("2025-03-17")));  // Monday
        CHECK_FALSE(is_working_day(ni, D("2028-03-17")));  // Friday, projected
        CHECK(is_working_day(ew, D("2025-03-17")));
    }
    SECTION("Boyne on a Sunday (2020) -> Monday 13 July") {
        CHECK_FALSE(is_working_day(ni, D("2020-07-13")));
        CHECK(is_working_day(ni, D("2020-07-14")));
        CHECK(is_working_day(ew, D("2020-07-13")));
    }
    SECTION("Boyne on a Saturday (2025) -> Monday 14 July") {
        CHECK_FALSE(is_working_day(ni, D("2025-07-14")));
        CHECK(is_working_day(ni, D("2025-07-11")));
        CHECK(is_working_day(ni, D("2025-07-15")));
    }
    SECTION("Northern Ireland keeps Easter Monday and the last Monday of August") {
        CHECK_FALSE(is_working_day(ni, D("2025-04-21")));
        CHECK_FALSE(is_working_day(ni, D("2025-08-25")));
        CHECK(is_working_day(ni, D("2025-08-04")));
    }
}

// =================================================================================================
// 3. Easter
// =================================================================================================

TEST_CASE("easter_sunday matches the known dates", "[calendar][easter]") {
    SECTION("every year 1995-2035 (and on to 2050)") {
        for (const auto& [y, expected] : easter_table()) {
            INFO("year " << y);
            REQUIRE(date::weekday{expected} == date::Sunday);  // sanity of the table itself
            CHECK(easter_sunday(y) == expected);
        }
    }
    SECTION("famous extremes") {
        CHECK(easter_sunday(2038) == D("2038-04-25"));  // latest possible
        CHECK(easter_sunday(1943) == D("1943-04-25"));
        CHECK(easter_sunday(1818) == D("1818-03-22"));  // earliest possible
        CHECK(easter_sunday(2285) == D("2285-03-22"));
        CHECK(easter_sunday(2008) == D("2008-03-23"));
    }
}

TEST_CASE("Good Friday and Easter Monday are non-working days in England and Wales, 1995-2035",
          "[calendar][easter]") {
    const auto cal = calendar_of(Region::england_and_wales);
    for (int y = 1995; y <= 2035; ++y) {
        INFO("year " << y);
        const Date e = easter_table().at(y);
        CHECK_FALSE(is_working_day(cal, e - 2 * kDay));
        CHECK_FALSE(is_working_day(cal, e + kDay));
        CHECK(holiday_on(cal, e - 2 * kDay) != nullptr);
        CHECK(holiday_on(cal, e + kDay) != nullptr);
        CHECK(is_working_day(cal, e - 3 * kDay));  // Maundy Thursday
        CHECK(is_working_day(cal, e + 2 * kDay));  // Tuesday after
        CHECK(is_projected(cal, e) == (y > 2027));
    }
}

// =================================================================================================
// 4. Working-day arithmetic
// =================================================================================================

TEST_CASE("add_working_days: worked examples", "[calendar][arithmetic]") {
    const auto cal = calendar_of(Region::england_and_wales);

    SECTION("forward across Christmas 2024") {
        // Fri 20 Dec; Mon 23 (1), Tue 24 (2), Christmas, Boxing Day, Fri 27 (3), Mon 30 (4), Tue 31 (5).
        CHECK(add_working_days(cal, D("2024-12-20"), 5) == D("2024-12-31"));
        CHECK(add_working_days(cal, D("2024-12-20"), 3) == D("2024-12-27"));
        CHECK(add_working_days(cal, D("2024-12-24"), 1) == D("2024-12-27"));
    }
    SECTION("backward across Easter 2025") {
        // From Mon 28 Apr: Fri 25 (1), Thu 24 (2), Wed 23 (3), Tue 22 (4), [Easter Monday 21,
        // weekend, Good Friday 18], Thu 17 (5), Wed 16 (6), Tue 15 (7).
        // (The original brief said -7 gives 2025-04-16; by the rules that is -6.)
        CHECK(add_working_days(cal, D("2025-04-28"), -6) == D("2025-04-16"));
        CHECK(add_working_days(cal, D("2025-04-28"), -7) == D("2025-04-15"));
        CHECK(working_days_between(cal, D("2025-04-15"), D("2025-04-28")) == 7);
        CHECK(add_working_days(cal, D("2025-04-22"), -1) == D("2025-04-17"));
    }
    SECTION("over the Queen's funeral") {
        CHECK(add_working_days(cal, D("2022-09-16"), 1) == D("2022-09-20"));
        CHECK(add_working_days(cal, D("2022-09-20"), -1) == D("2022-09-16"));
    }
    SECTION("backward across Christmas and New Year") {
        // Thu 2 Jan 2025: [1 Jan], Tue 31 (1), Mon 30 (2), [weekend], Fri 27 (3), [26, 25], Tue 24 (4).
        CHECK(add_working_days(cal, D("2025-01-02"), -3) == D("2024-12-27"));
        CHECK(add_working_days(cal, D("2025-01-02"), -4) == D("2024-12-24"));
        // Christmas 2022 on a Sunday: Fri 23 Dec is one working day before Wed 28 Dec.
        CHECK(add_working_days(cal, D("2022-12-28"), -1) == D("2022-12-23"));
    }
    SECTION("n == 0 returns the date itself, whatever day it is") {
        CHECK(add_working_days(cal, D("2024-12-21"), 0) == D("2024-12-21"));  // Saturday
        CHECK(add_working_days(cal, D("2024-12-25"), 0) == D("2024-12-25"));  // Christmas
        CHECK(add_working_days(cal, D("2024-12-20"), 0) == D("2024-12-20"));  // Friday
    }
    SECTION("starting from a weekend or a holiday: the start is day 0, never counted") {
        CHECK(add_working_days(cal, D("2024-12-21"), 1) == D("2024-12-23"));   // Sat -> Mon
        CHECK(add_working_days(cal, D("2024-12-22"), 1) == D("2024-12-23"));   // Sun -> Mon
        CHECK(add_working_days(cal, D("2024-12-21"), -1) == D("2024-12-20"));  // Sat -> Fri
        CHECK(add_working_days(cal, D("2024-12-25"), 1) == D("2024-12-27"));
        CHECK(add_working_days(cal, D("2024-12-25"), -1) == D("2024-12-24"));
        CHECK(add_working_days(cal, D("2024-12-26"), 2) == D("2024-12-30"));
        CHECK(add_working_days(cal, D("2025-04-19"), 1) == D("2025-04-22"));   // Easter Saturday
        CHECK(add_working_days(cal, D("2025-04-21"), -1) == D("2025-04-17"));  // Easter Monday
    }
    SECTION("a working-day start is not counted either") {
        CHECK(add_working_days(cal, D("2024-12-23"), 1) == D("2024-12-24"));
        CHECK(add_working_days(cal, D("2024-12-23"), -1) == D("2024-12-20"));
    }
    SECTION("a whole normal week") {
        CHECK(add_working_days(cal, D("2024-10-07"), 5) == D("2024-10-14"));
        CHECK(add_working_days(cal, D("2024-10-14"), -5) == D("2024-10-07"));
        CHECK(add_working_days(cal, D("2024-10-07"), 10) == D("2024-10-21"));
    }
    SECTION("the region matters") {
        const auto sc = calendar_of(Region::scotland);
        // Thu 1 Aug 2024 + 2: Fri 2 Aug, then Monday 5 Aug is Scotland's summer holiday -> Tue 6.
        CHECK(add_working_days(sc, D("2024-08-01"), 2) == D("2024-08-06"));
        CHECK(add_working_days(cal, D("2024-08-01"), 2) == D("2024-08-05"));
        // Easter Monday is a working day in Scotland.
        CHECK(add_working_days(sc, D("2025-04-17"), 1) == D("2025-04-21"));
        CHECK(add_working_days(cal, D("2025-04-17"), 1) == D("2025-04-22"));
    }
}

TEST_CASE("working_days_between counts the working days after a up to and including b", "[calendar][arithmetic]") {
    const auto cal = calendar_of(Region::england_and_wales);
    SECTION("worked examples") {
        CHECK(working_days_between(cal, D("2024-12-20"), D("2024-12-31")) == 5);
        CHECK(working_days_between(cal, D("2024-12-19"), D("2024-12-20")) == 1);  // b counted
        CHECK(working_days_between(cal, D("2024-12-20"), D("2024-12-23")) == 1);  // a not counted
        CHECK(working_days_between(cal, D("2024-12-20"), D("2024-12-22")) == 0);
        CHECK(working_days_between(cal, D("2024-12-21"), D("2024-12-22")) == 0);
        CHECK(working_days_between(cal, D("2024-12-24"), D("2024-12-26")) == 0);
        CHECK(working_days_between(cal, D("2024-12-24"), D("2024-12-27")) == 1);
        // A normal year: 2024 has 366 days, 262 weekdays, 8 bank holidays all on weekdays -> 254.
        CHECK(working_days_between(cal, D("2023-12-31"), D("2024-12-31")) == 254);
        // 2022: 365 days, 260 weekdays; 10 holidays on weekdays (incl. substitutes 3 Jan, 26+27 Dec,
        // 2+3 June, 19 Sep; 30 May was not one) -> 250.
        CHECK(working_days_between(cal, D("2021-12-31"), D("2022-12-31")) == 250);
    }
    SECTION("zero when a == b, whatever the day") {
        for (const char* s : {"2024-12-20", "2024-12-21", "2024-12-25", "1995-01-01", "2050-12-31"}) {
            INFO(s);
            CHECK(working_days_between(cal, D(s), D(s)) == 0);
        }
    }
    SECTION("negative when b < a, and antisymmetric") {
        CHECK(working_days_between(cal, D("2024-12-31"), D("2024-12-20")) == -5);
        CHECK(working_days_between(cal, D("2025-04-28"), D("2025-04-15")) == -7);
        const char* pts[] = {"2024-12-20", "2024-12-21", "2024-12-25", "2025-01-02",
                             "2025-04-18", "2025-04-28", "2030-06-15", "1999-12-31"};
        for (const char* a : pts)
            for (const char* b : pts) {
                INFO(a << " .. " << b);
                CHECK(working_days_between(cal, D(a), D(b)) == -working_days_between(cal, D(b), D(a)));
            }
    }
}

TEST_CASE("Round trip: working_days_between(d, add_working_days(d, n))", "[calendar][arithmetic][property]") {
    for (Region r : cspr::calendar::kAllRegions) {
        INFO("region " << Catch::StringMaker<Region>::convert(r));
        const auto cal = calendar_of(r);
        // |n| <= 60 working days is under 90 calendar days: keep d 120 days from either edge.
        const Date start = ymd(first_year_of(r), 1, 1) + date::days{120};
        const int span = int((D("2050-09-01") - start).count());
        std::uint64_t seed = 12345;
        auto rnd = [&](int n) {  // small LCG: deterministic pairs
            seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
            return int((seed >> 33) % std::uint64_t(n));
        };
        int failures = 0;
        for (int i = 0; i < 3000 && failures < 10; ++i) {
            const Date d = start + date::days{rnd(span)};
            const int n = rnd(121) - 60;
            const Date res = add_working_days(cal, d, n);
            const int back = working_days_between(cal, d, res);
            // n > 0: (d, res] holds exactly n working days. n < 0: res is the |n|-th working day
            // before d, so (res, d] holds |n| - 1 of them, plus d itself if d is a working day.
            const int expected = n > 0 ? n : n == 0 ? 0 : n + 1 - (is_working_day(cal, d) ? 1 : 0);
            const bool ok = back == expected && (n == 0 ? res == d : is_working_day(cal, res)) &&
                            (n > 0 ? res > d : n < 0 ? res < d : true);
            if (!ok) {
                ++failures;
                FAIL_CHECK("d=" << show(d) << " n=" << n << " -> " << show(res) << " back=" << back
                                << " expected " << expected);
            }
        }
        CHECK(failures == 0);
    }
}

TEST_CASE("is_working_day, next_working_day and working_day_on_or_after", "[calendar][arithmetic]") {
    const auto cal = calendar_of(Region::england_and_wales);
    SECTION("weekends are never working days") {
        CHECK_FALSE(is_working_day(cal, D("2024-12-21")));
        CHECK_FALSE(is_working_day(cal, D("2024-12-22")));
        CHECK_FALSE(is_working_day(cal, D("2030-06-15")));  // projected year, Saturday
        CHECK(is_working_day(cal, D("2024-12-20")));
        CHECK(is_working_day(cal, D("2030-06-14")));
    }
    SECTION("next_working_day is strictly after") {
        CHECK(next_working_day(cal, D("2024-12-20")) == D("2024-12-23"));  // Fri -> Mon
        CHECK(next_working_day(cal, D("2024-12-23")) == D("2024-12-24"));  // working day -> next
        CHECK(next_working_day(cal, D("2024-12-24")) == D("2024-12-27"));
        CHECK(next_working_day(cal, D("2024-12-21")) == D("2024-12-23"));
        CHECK(next_working_day(cal, D("2022-12-23")) == D("2022-12-28"));
        CHECK(next_working_day(cal, D("2025-04-17")) == D("2025-04-22"));
    }
    SECTION("working_day_on_or_after keeps a working day and moves off anything else") {
        CHECK(working_day_on_or_after(cal, D("2024-12-23")) == D("2024-12-23"));
        CHECK(working_day_on_or_after(cal, D("2024-12-20")) == D("2024-12-20"));
        CHECK(working_day_on_or_after(cal, D("2024-12-21")) == D("2024-12-23"));
        CHECK(working_day_on_or_after(cal, D("2024-12-25")) == D("2024-12-27"));
        CHECK(working_day_on_or_after(cal, D("2022-12-24")) == D("2022-12-28"));
        CHECK(working_day_on_or_after(cal, D("2025-04-18")) == D("2025-04-22"));
    }
    SECTION("holiday_on") {
        CHECK(holiday_on(cal, D("2024-12-20")) == nullptr);
        const Holiday* h = holiday_on(cal, D("2024-12-25"));
        REQUIRE(h != nullptr);
        CHECK(h->date == D("2024-12-25"));
        CHECK_FALSE(h->title.empty());
    }
    SECTION("holidays_between is inclusive and in date order") {
        const auto hs = holidays_between(cal, D("2024-12-01"), D("2025-01-01"));
        std::vector<Date> got;
        for (const auto& h : hs) got.push_back(h.date);
        CHECK(got == std::vector<Date>{D("2024-12-25"), D("2024-12-26"), D("2025-01-01")});
        CHECK(holidays_between(cal, D("2024-12-25"), D("2024-12-25")).size() == 1);
        CHECK(holidays_between(cal, D("2024-12-27"), D("2024-12-31")).empty());
        const auto year = holidays_between(cal, D("2022-01-01"), D("2022-12-31"));
        std::vector<Date> y2022;
        for (const auto& h : year) y2022.push_back(h.date);
        CHECK(y2022 == std::vector<Date>{D("2022-01-03"), D("2022-04-15"), D("2022-04-18"),
                                         D("2022-05-02"), D("2022-06-02"), D("2022-06-03"),
                                         D("2022-08-29"), D("2022-09-19"), D("2022-12-26"),
                                         D("2022-12-27")});
    }
}

// =================================================================================================
// 5. Table edges
// =================================================================================================

TEST_CASE("Calendar span: first and last covered days", "[calendar][edges]") {
    SECTION("England and Wales: 1995-01-01 to 2050-12-31") {
        const auto cal = calendar_of(Region::england_and_wales);
        CHECK(cal.region == Region::england_and_wales);
        CHECK(cal.first_day == D("1995-01-01"));
        CHECK(cal.last_day == D("2050-12-31"));
        CHECK(cal.last_announced_year == 2027);
        CHECK(covers(cal, D("1995-01-01")));
        CHECK(covers(cal, D("2050-12-31")));
        CHECK_FALSE(covers(cal, D("1994-12-31")));
        CHECK_FALSE(covers(cal, D("2051-01-01")));
        // Both ends answer queries.
        CHECK_FALSE(is_working_day(cal, D("1995-01-01")));  // Sunday
        CHECK_FALSE(is_working_day(cal, D("1995-01-02")));  // New Year substitute
        CHECK(is_working_day(cal, D("1995-01-03")));
        CHECK_FALSE(is_working_day(cal, D("2050-12-31")));  // Saturday
        CHECK(is_working_day(cal, D("2050-12-30")));
    }
    SECTION("Scotland and Northern Ireland: 2012-01-01 to 2050-12-31") {
        for (Region r : {Region::scotland, Region::northern_ireland}) {
            INFO("region " << Catch::StringMaker<Region>::convert(r));
            const auto cal = calendar_of(r);
            CHECK(cal.region == r);
            CHECK(cal.first_day == D("2012-01-01"));
            CHECK(cal.last_day == D("2050-12-31"));
            CHECK(covers(cal, D("2012-01-01")));
            CHECK_FALSE(covers(cal, D("2011-12-31")));
            CHECK_FALSE(covers(cal, D("2051-01-01")));
            CHECK_THROWS_AS(is_working_day(cal, D("2011-12-31")), cspr::Error);
            CHECK_NOTHROW(is_working_day(cal, D("2012-01-01")));
        }
    }
}

TEST_CASE("Queries outside the calendar throw cspr::Error", "[calendar][edges]") {
    const auto cal = calendar_of(Region::england_and_wales);
    const Date before = D("1994-12-31"), after = D("2051-01-01");
    SECTION("single-date queries") {
        for (Date d : {before, after}) {
            INFO(show(d));
            CHECK_THROWS_AS(is_working_day(cal, d), cspr::Error);
            CHECK_THROWS_AS(holiday_on(cal, d), cspr::Error);
            CHECK_THROWS_AS(is_projected(cal, d), cspr::Error);
            CHECK_THROWS_AS(next_working_day(cal, d), cspr::Error);
            CHECK_THROWS_AS(working_day_on_or_after(cal, d), cspr::Error);
            CHECK_THROWS_AS(add_working_days(cal, d, 1), cspr::Error);
            CHECK_THROWS_AS(add_working_days(cal, d, -1), cspr::Error);
        }
        CHECK_THROWS_AS(is_working_day(cal, D("1900-01-01")), cspr::Error);
        CHECK_THROWS_AS(is_working_day(cal, D("2999-01-01")), cspr::Error);
    }
    SECTION("add_working_days with n == 0 still refuses a date outside") {
        CHECK_THROWS_AS(add_working_days(cal, before, 0), cspr::Error);
        CHECK_THROWS_AS(add_working_days(cal, after, 0), cspr::Error);
    }
    SECTION("add_working_days that would run past the last day") {
        // Dec 2050: Christmas Sunday -> 26 and 27 holidays; Wed 28, Thu 29, Fri 30 work; Sat 31.
        CHECK(add_working_days(cal, D("2050-12-28"), 2) == D("2050-12-30"));
        CHECK_THROWS_AS(add_working_days(cal, D("2050-12-28"), 3), cspr::Error);
        CHECK_THROWS_AS(add_working_days(cal, D("2050-12-30"), 1), cspr::Error);
        CHECK_THROWS_AS(add_working_days(cal, D("2050-12-31"), 1), cspr::Error);
        CHECK_THROWS_AS(add_working_days(cal, D("2040-01-02"), 1000000), cspr::Error);
        CHECK_THROWS_AS(add_working_days(cal, D("2040-01-02"), std::numeric_limits<int>::max()),
                        cspr::Error);
        CHECK_THROWS_AS(next_working_day(cal, D("2050-12-30")), cspr::Error);
        CHECK_THROWS_AS(working_day_on_or_after(cal, D("2050-12-31")), cspr::Error);
        CHECK(working_day_on_or_after(cal, D("2050-12-30")) == D("2050-12-30"));
        CHECK(next_working_day(cal, D("2050-12-29")) == D("2050-12-30"));
        CHECK(add_working_days(cal, D("2050-12-31"), -1) == D("2050-12-30"));
    }
    SECTION("add_working_days that would run before the first day") {
        // 1995: Sun 1 Jan, Mon 2 Jan substitute; first working day Tue 3 Jan.
        CHECK(add_working_days(cal, D("1995-01-01"), 1) == D("1995-01-03"));
        CHECK(add_working_days(cal, D("1995-01-04"), -1) == D("1995-01-03"));
        CHECK_THROWS_AS(add_working_days(cal, D("1995-01-04"), -2), cspr::Error);
        CHECK_THROWS_AS(add_working_days(cal, D("1995-01-03"), -1), cspr::Error);
        CHECK_THROWS_AS(add_working_days(cal, D("1995-01-01"), -1), cspr::Error);
        CHECK_THROWS_AS(add_working_days(cal, D("2000-01-04"), -1000000), cspr::Error);
        CHECK_THROWS_AS(add_working_days(cal, D("2000-01-04"), std::numeric_limits<int>::min()),
                        cspr::Error);
        CHECK(add_working_days(cal, D("1995-01-01"), 0) == D("1995-01-01"));
        CHECK(next_working_day(cal, D("1995-01-01")) == D("1995-01-03"));
    }
    SECTION("Scotland's first working day is 4 January 2012") {
        const auto sc = calendar_of(Region::scotland);
        CHECK(add_working_days(sc, D("2012-01-01"), 1) == D("2012-01-04"));
        CHECK_THROWS_AS(add_working_days(sc, D("2012-01-04"), -1), cspr::Error);
        const auto ni = calendar_of(Region::northern_ireland);
        CHECK(add_working_days(ni, D("2012-01-01"), 1) == D("2012-01-03"));
        CHECK_THROWS_AS(add_working_days(ni, D("2012-01-03"), -1), cspr::Error);
    }
    SECTION("working_days_between with an endpoint outside") {
        CHECK_THROWS_AS(working_days_between(cal, before, D("1995-01-10")), cspr::Error);
        CHECK_THROWS_AS(working_days_between(cal, D("1995-01-10"), before), cspr::Error);
        CHECK_THROWS_AS(working_days_between(cal, D("2050-01-10"), after), cspr::Error);
        CHECK_THROWS_AS(working_days_between(cal, after, D("2050-01-10")), cspr::Error);
        CHECK_THROWS_AS(working_days_between(cal, before, after), cspr::Error);
        CHECK_NOTHROW(working_days_between(cal, D("1995-01-01"), D("2050-12-31")));
        CHECK(working_days_between(cal, D("1995-01-01"), D("1995-01-03")) == 1);
        CHECK(working_days_between(cal, D("2050-12-28"), D("2050-12-31")) == 2);
    }
    SECTION("holidays_between with an endpoint outside") {
        CHECK_THROWS_AS(holidays_between(cal, before, D("1995-12-31")), cspr::Error);
        CHECK_THROWS_AS(holidays_between(cal, D("2050-01-01"), after), cspr::Error);
    }
}

TEST_CASE("is_projected: announced through 2027, projected from 2028", "[calendar][edges]") {
    for (Region r : cspr::calendar::kAllRegions) {
        INFO("region " << Catch::StringMaker<Region>::convert(r));
        const auto cal = calendar_of(r);
        CHECK_FALSE(is_projected(cal, D("2027-06-01")));
        CHECK_FALSE(is_projected(cal, D("2027-12-31")));
        CHECK(is_projected(cal, D("2028-01-01")));
        CHECK(is_projected(cal, D("2050-12-31")));
        CHECK_FALSE(is_projected(cal, D("2012-01-01")));
        CHECK(cal.last_announced_year == kLastAnnouncedYear);
        const Holiday* h27 = holiday_on(cal, D("2027-12-27"));  // Christmas 2027 Sat -> Mon 27
        REQUIRE(h27 != nullptr);
        CHECK_FALSE(h27->projected);
        const Holiday* h28 = holiday_on(cal, D("2028-12-25"));
        REQUIRE(h28 != nullptr);
        CHECK(h28->projected);
    }
}

// =================================================================================================
// 6. Dates
// =================================================================================================

TEST_CASE("parse_iso_date accepts strict YYYY-MM-DD real days only", "[calendar][dates]") {
    SECTION("accepts") {
        CHECK(parse_iso_date("2024-02-29") == std::optional<Date>(ymd(2024, 2, 29)));
        CHECK(parse_iso_date("2000-02-29") == std::optional<Date>(ymd(2000, 2, 29)));
        CHECK(parse_iso_date("2024-12-20") == std::optional<Date>(ymd(2024, 12, 20)));
        CHECK(parse_iso_date("1995-01-01") == std::optional<Date>(ymd(1995, 1, 1)));
        CHECK(parse_iso_date("2023-12-31") == std::optional<Date>(ymd(2023, 12, 31)));
        CHECK(parse_iso_date("2023-04-30") == std::optional<Date>(ymd(2023, 4, 30)));
    }
    SECTION("a string_view is read only up to its length") {
        const std::string_view longer = "2023-02-03x";
        CHECK(parse_iso_date(longer.substr(0, 10)) == std::optional<Date>(ymd(2023, 2, 3)));
        const std::string_view shorter = "2023-02-031";
        CHECK(parse_iso_date(shorter.substr(0, 9)) == std::nullopt);
    }
    SECTION("rejects") {
        for (const char* s :
             {"2023-02-29", "1900-02-29", "2023-02-30", "2023-04-31", "2023-13-01", "2023-00-10",
              "2023-01-00", "2023-01-32", "2023-2-3", "2023-02-3", "2023-2-03", " 2023-02-03",
              "2023-02-03 ", "2023-02-03x", "2023-02-03\n", "tomorrow", "", "2023/02/03",
              "+2023-02-03", "20230203", "2023-02-03T00:00", "2023- 2-03", "2023-+2-03",
              "2023-02-+3", "2023-02- 3", "2023-0a-03", "2023-02-0a", "abcd-02-03", "-023-02-03",
              "+023-02-03", "2023_02_03", "02-03-2023", "12023-02-03"}) {
            INFO("'" << s << "'");
            CHECK(parse_iso_date(s) == std::nullopt);
        }
        // An embedded NUL is not the end of the text.
        CHECK(parse_iso_date(std::string_view("2023-02-03\0", 11)) == std::nullopt);
    }
    SECTION("require_iso_date throws cspr::Error naming what was bad") {
        CHECK(require_iso_date("2024-02-29", "--from") == ymd(2024, 2, 29));
        CHECK_THROWS_AS(require_iso_date("2023-02-29", "--from"), cspr::Error);
        CHECK_THROWS_WITH(require_iso_date("tomorrow", "--until"), Catch::Contains("--until"));
    }
}

TEST_CASE("format_iso_date and weekday_abbrev", "[calendar][dates]") {
    CHECK(format_iso_date(ymd(2024, 12, 20)) == "2024-12-20");
    CHECK(format_iso_date(ymd(2024, 2, 29)) == "2024-02-29");
    CHECK(format_iso_date(ymd(1995, 1, 1)) == "1995-01-01");
    SECTION("round-trips every day 1995-2050") {
        int bad = 0;
        for (Date d = ymd(1995, 1, 1); d <= ymd(2050, 12, 31); d += kDay) {
            const std::string s = format_iso_date(d);
            if (s.size() != 10 || parse_iso_date(s) != std::optional<Date>(d)) {
                if (++bad <= 5) FAIL_CHECK("round trip failed for " << show(d) << " -> '" << s << "'");
            }
        }
        CHECK(bad == 0);
    }
    SECTION("weekday_abbrev") {
        // Mon 16 Dec 2024 .. Sun 22 Dec 2024
        const char* names[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
        for (int i = 0; i < 7; ++i) {
            INFO(i);
            CHECK(weekday_abbrev(ymd(2024, 12, 16) + date::days{i}) == names[i]);
        }
        CHECK(weekday_abbrev(D("2028-01-01")) == "Sat");
        CHECK(weekday_abbrev(D("1995-01-01")) == "Sun");
    }
}

TEST_CASE("add_months clamps to the end of the month and add_years turns 29 Feb into 28 Feb",
          "[calendar][dates]") {
    SECTION("add_months") {
        CHECK(add_months(D("2025-08-31"), 6) == D("2026-02-28"));  // a Saturday: not moved
        CHECK(add_months(D("2024-01-31"), 1) == D("2024-02-29"));
        CHECK(add_months(D("2024-03-31"), -1) == D("2024-02-29"));
        CHECK(add_months(D("2025-01-31"), 1) == D("2025-02-28"));
        CHECK(add_months(D("2024-05-31"), 1) == D("2024-06-30"));
        CHECK(add_months(D("2023-11-30"), 3) == D("2024-02-29"));
        CHECK(add_months(D("2024-12-15"), 1) == D("2025-01-15"));
        CHECK(add_months(D("2025-01-15"), -1) == D("2024-12-15"));
        CHECK(add_months(D("2024-01-31"), 13) == D("2025-02-28"));
        CHECK(add_months(D("2024-01-31"), -12) == D("2023-01-31"));
        CHECK(add_months(D("2024-01-31"), 25) == D("2026-02-28"));
        CHECK(add_months(D("2025-03-15"), -15) == D("2023-12-15"));
        CHECK(add_months(D("2024-12-21"), 0) == D("2024-12-21"));
        CHECK(add_months(D("2024-12-25"), 12) == D("2025-12-25"));  // a holiday: not moved
    }
    SECTION("add_years") {
        CHECK(add_years(D("2024-02-29"), 1) == D("2025-02-28"));
        CHECK(add_years(D("2024-02-29"), -1) == D("2023-02-28"));
        CHECK(add_years(D("2023-02-28"), 1) == D("2024-02-28"));
        CHECK(add_years(D("2023-06-15"), 2) == D("2025-06-15"));
        CHECK(add_years(D("2024-12-21"), 6) == D("2030-12-21"));
        CHECK(add_years(D("2024-03-01"), -1) == D("2023-03-01"));
    }
}

// =================================================================================================
// 7. Regions
// =================================================================================================

TEST_CASE("Region names are the GOV.UK division names, exactly", "[calendar][regions]") {
    CHECK(region_from_name("england-and-wales") == std::optional<Region>(Region::england_and_wales));
    CHECK(region_from_name("scotland") == std::optional<Region>(Region::scotland));
    CHECK(region_from_name("northern-ireland") == std::optional<Region>(Region::northern_ireland));
    for (const char* s : {"england", "", "Scotland", "SCOTLAND", " scotland", "scotland ",
                          "england_and_wales", "northern_ireland", "wales", "ni", "uk"}) {
        INFO("'" << s << "'");
        CHECK_FALSE(region_from_name(s).has_value());
    }
    for (Region r : cspr::calendar::kAllRegions) CHECK(region_from_name(region_name(r)) == std::optional<Region>(r));
    CHECK(region_name(Region::england_and_wales) == "england-and-wales");
    CHECK(region_name(Region::scotland) == "scotland");
    CHECK(region_name(Region::northern_ireland) == "northern-ireland");
    CHECK(cspr::calendar::kDefaultRegion == Region::england_and_wales);

    SECTION("require_region") {
        CHECK(require_region("scotland") == Region::scotland);
        CHECK_THROWS_AS(require_region("england"), cspr::Error);
        CHECK_THROWS_AS(require_region(""), cspr::Error);
        CHECK_THROWS_AS(require_region("Scotland"), cspr::Error);
        // The message lists the valid names.
        CHECK_THROWS_WITH(require_region("england"), Catch::Contains("england-and-wales") &&
                                                         Catch::Contains("scotland") &&
                                                         Catch::Contains("northern-ireland"));
    }
}

// =================================================================================================
// 8. overlay()
// =================================================================================================

namespace {
Holiday H(const char* d, const char* title) { return Holiday{D(d), title, "", false, false}; }
}  // namespace

TEST_CASE("overlay replaces only the years the newer table covers", "[calendar][overlay]") {
    HolidayTable base;
    base.of(Region::england_and_wales) = {
        H("2025-01-01", "New Year base"), H("2025-12-25", "Christmas base"),
        H("2026-01-01", "New Year base"), H("2026-05-04", "Early May base"),
        H("2026-12-25", "Christmas base"), H("2027-01-01", "New Year base"),
        H("2027-12-27", "Christmas base")};
    base.of(Region::scotland) = {H("2025-01-02", "2nd January"), H("2026-01-02", "2nd January"),
                                 H("2027-01-04", "2nd January")};

    SECTION("a newer table covering 2026 replaces 2026 and keeps 2025 and 2027") {
        HolidayTable newer;
        newer.of(Region::england_and_wales) = {H("2026-01-01", "New Year new"),
                                               H("2026-06-01", "Extra new")};
        const HolidayTable out = overlay(base, newer);
        const auto& ew = out.of(Region::england_and_wales);
        CHECK(dates_of(ew) == std::vector<Date>{D("2025-01-01"), D("2025-12-25"), D("2026-01-01"),
                                                D("2026-06-01"), D("2027-01-01"), D("2027-12-27")});
        REQUIRE(ew.size() == 6);
        CHECK(ew[0].title == "New Year base");
        CHECK(ew[2].title == "New Year new");
        CHECK(ew[3].title == "Extra new");
        CHECK(ew[4].title == "New Year base");
        SECTION("a region absent from the newer table keeps the base") {
            CHECK(out.of(Region::scotland) == base.of(Region::scotland));
            CHECK(out.of(Region::northern_ireland).empty());
        }
    }
    SECTION("the covered span runs from the newer table's first to last year, gaps included") {
        HolidayTable newer;
        newer.of(Region::england_and_wales) = {H("2025-12-25", "Christmas new"),
                                               H("2027-01-01", "New Year new")};
        const HolidayTable out = overlay(base, newer);
        CHECK(dates_of(out.of(Region::england_and_wales)) ==
              std::vector<Date>{D("2025-12-25"), D("2027-01-01")});
    }
    SECTION("a region only the newer table has is taken from it") {
        HolidayTable newer;
        newer.of(Region::northern_ireland) = {H("2026-03-17", "St Patrick's Day")};
        const HolidayTable out = overlay(base, newer);
        CHECK(out.of(Region::england_and_wales) == base.of(Region::england_and_wales));
        CHECK(out.of(Region::scotland) == base.of(Region::scotland));
        CHECK(dates_of(out.of(Region::northern_ireland)) == std::vector<Date>{D("2026-03-17")});
    }
    SECTION("an empty newer table changes nothing") {
        const HolidayTable out = overlay(embedded_holidays(), HolidayTable{});
        for (Region r : cspr::calendar::kAllRegions) CHECK(out.of(r) == embedded_holidays().of(r));
    }
    SECTION("overlaying the embedded table on itself changes nothing") {
        const HolidayTable out = overlay(embedded_holidays(), embedded_holidays());
        for (Region r : cspr::calendar::kAllRegions) CHECK(out.of(r) == embedded_holidays().of(r));
    }
}

// =================================================================================================
// 9. Standing rules
// =================================================================================================

TEST_CASE("standing_holidays for 2028", "[calendar][standing]") {
    SECTION("England and Wales: 8 projected events on the right dates") {
        const auto hs = standing_holidays(Region::england_and_wales, 2028);
        CHECK(dates_of(hs) == std::vector<Date>{
                                  D("2028-01-03"),  // 1 Jan Saturday -> Monday 3
                                  D("2028-04-14"),  // Good Friday
                                  D("2028-04-17"),  // Easter Monday
                                  D("2028-05-01"),  // Early May
                                  D("2028-05-29"),  // Spring
                                  D("2028-08-28"),  // Summer
                                  D("2028-12-25"),  // Monday
                                  D("2028-12-26")});
        for (const auto& h : hs) {
            CHECK(h.projected);
            CHECK_FALSE(h.title.empty());
        }
    }
    SECTION("Scotland: 9 events") {
        const auto hs = standing_holidays(Region::scotland, 2028);
        CHECK(dates_of(hs) == std::vector<Date>{D("2028-01-03"), D("2028-01-04"), D("2028-04-14"),
                                                D("2028-05-01"), D("2028-05-29"), D("2028-08-07"),
                                                D("2028-11-30"), D("2028-12-25"), D("2028-12-26")});
        for (const auto& h : hs) CHECK(h.projected);
    }
    SECTION("Northern Ireland: 10 events") {
        const auto hs = standing_holidays(Region::northern_ireland, 2028);
        CHECK(dates_of(hs) == std::vector<Date>{D("2028-01-03"), D("2028-03-17"), D("2028-04-14"),
                                                D("2028-04-17"), D("2028-05-01"), D("2028-05-29"),
                                                D("2028-07-12"), D("2028-08-28"), D("2028-12-25"),
                                                D("2028-12-26")});
        for (const auto& h : hs) CHECK(h.projected);
    }
}

TEST_CASE("standing_holidays follows the rules in every year 1995-2050", "[calendar][standing]") {
    for (Region r : cspr::calendar::kAllRegions) {
        for (int y = 1995; y <= 2050; ++y) {
            INFO("region " << Catch::StringMaker<Region>::convert(r) << " year " << y);
            const auto hs = standing_holidays(r, y);
            const std::set<Date> expected = ref_standing(r, y);
            CHECK(dates_of(hs) == std::vector<Date>(expected.begin(), expected.end()));
            bool all_projected = std::all_of(hs.begin(), hs.end(), [](const Holiday& h) { return h.projected; });
            CHECK(all_projected);
        }
    }
}

// =================================================================================================
// 10. Whole-range property test against the reference model
// =================================================================================================

TEST_CASE("Every day 1995-2050 in every region agrees with the rules and with a day-by-day count",
          "[calendar][property]") {
    for (Region r : cspr::calendar::kAllRegions) {
        const std::string rname = Catch::StringMaker<Region>::convert(r);
        INFO("region " << rname);
        const auto cal = calendar_of(r);
        const Date first = ymd(first_year_of(r), 1, 1);
        const Date last = ymd(2050, 12, 31);
        REQUIRE(cal.first_day == first);
        REQUIRE(cal.last_day == last);

        // The reference holiday set over the whole span.
        std::set<Date> ref;
        for (int y = first_year_of(r); y <= 2050; ++y) {
            const auto s = ref_holidays(r, y);
            ref.insert(s.begin(), s.end());
        }

        DYNAMIC_SECTION(rname << ": the holiday list is exactly the observed days, sorted, projected after 2027") {
            std::vector<Date> got = dates_of(cal.holidays);
            CHECK(std::is_sorted(got.begin(), got.end()));
            CHECK(std::adjacent_find(got.begin(), got.end()) == got.end());
            std::vector<Date> missing, extra;
            std::set_difference(ref.begin(), ref.end(), got.begin(), got.end(), std::back_inserter(missing));
            std::set_difference(got.begin(), got.end(), ref.begin(), ref.end(), std::back_inserter(extra));
            std::ostringstream os;
            for (Date d : missing) os << "missing " << show(d) << "; ";
            for (Date d : extra) os << "extra " << show(d) << "; ";
            INFO(os.str());
            CHECK(missing.empty());
            CHECK(extra.empty());
            int bad_flag = 0;
            for (const auto& h : cal.holidays)
                if (h.projected != (year_of(h.date) > kLastAnnouncedYear)) ++bad_flag;
            CHECK(bad_flag == 0);
        }

        DYNAMIC_SECTION(rname << ": day by day, is_working_day, holiday_on, is_projected, running count") {
            std::vector<Date> working;  // every working day, in order
            std::vector<std::string> problems;
            int count = 0;  // working days in (first, d]
            for (Date d = first; d <= last; d += kDay) {
                const bool weekday = !is_weekend(d);
                const bool ref_holiday = ref.count(d) > 0;
                const bool expect_working = weekday && !ref_holiday;
                const bool w = is_working_day(cal, d);
                const Holiday* h = holiday_on(cal, d);
                if (w != expect_working)
                    problems.push_back(show(d) + ": is_working_day " + (w ? "true" : "false"));
                if (w != (weekday && h == nullptr))
                    problems.push_back(show(d) + ": is_working_day disagrees with holiday_on");
                if (weekday && (h != nullptr) != ref_holiday)
                    problems.push_back(show(d) + ": holiday_on " + (h ? "non-null" : "null"));
                if (h && h->date != d) problems.push_back(show(d) + ": holiday_on returned another date");
                if (is_projected(cal, d) != (year_of(d) > kLastAnnouncedYear))
                    problems.push_back(show(d) + ": is_projected");
                if (d != first && expect_working) ++count;
                if (expect_working) working.push_back(d);
                const int between = working_days_between(cal, first, d);
                if (between != count)
                    problems.push_back(show(d) + ": working_days_between(first, d) = " +
                                       std::to_string(between) + ", expected " + std::to_string(count));
                if (problems.size() > 20) break;
            }
            std::ostringstream os;
            for (const auto& p : problems) os << "\n" << p;
            INFO("problems:" << os.str());
            CHECK(problems.empty());

            // Brute-force answers for the other queries, sampled across the whole span.
            if (problems.empty()) {
                std::vector<std::string> wrong;
                const int total_days = int((last - first).count()) + 1;
                for (int off = 0; off < total_days && wrong.size() < 20; off += 7) {
                    const Date d = first + date::days{off};
                    // next_working_day / working_day_on_or_after from the brute list
                    const auto it_after = std::upper_bound(working.begin(), working.end(), d);
                    const auto it_on = std::lower_bound(working.begin(), working.end(), d);
                    if (it_after != working.end()) {
                        if (next_working_day(cal, d) != *it_after)
                            wrong.push_back(show(d) + ": next_working_day");
                    } else {
                        try {
                            next_working_day(cal, d);
                            wrong.push_back(show(d) + ": next_working_day did not throw");
                        } catch (const cspr::Error&) {
                        }
                    }
                    if (it_on != working.end() && working_day_on_or_after(cal, d) != *it_on)
                        wrong.push_back(show(d) + ": working_day_on_or_after");
                    for (int n : {1, 2, 5, 10, 23, 250, -1, -2, -5, -10, -23, -250}) {
                        // n > 0: the n-th working day after d; n < 0: the |n|-th before d.
                        std::ptrdiff_t idx = n > 0 ? (it_after - working.begin()) + (n - 1)
                                                   : (it_on - working.begin()) + n;
                        const bool inside = idx >= 0 && idx < std::ptrdiff_t(working.size());
                        try {
                            const Date got = add_working_days(cal, d, n);
                            if (!inside)
                                wrong.push_back(show(d) + " n=" + std::to_string(n) + ": no throw");
                            else if (got != working[std::size_t(idx)])
                                wrong.push_back(show(d) + " n=" + std::to_string(n) + ": got " + show(got) +
                                                ", expected " + show(working[std::size_t(idx)]));
                        } catch (const cspr::Error&) {
                            if (inside)
                                wrong.push_back(show(d) + " n=" + std::to_string(n) + ": threw");
                        }
                    }
                }
                // Random pairs for working_days_between against the running counts.
                std::uint64_t seed = 987654321;
                auto rnd = [&](int n) {
                    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
                    return int((seed >> 33) % std::uint64_t(n));
                };
                auto count_upto = [&](Date d) {  // working days in [first, d]
                    return int(std::upper_bound(working.begin(), working.end(), d) - working.begin());
                };
                for (int i = 0; i < 2000 && wrong.size() < 20; ++i) {
                    const Date a = first + date::days{rnd(total_days)};
                    const Date b = first + date::days{rnd(total_days)};
                    const int expected = count_upto(b) - count_upto(a);
                    if (working_days_between(cal, a, b) != expected)
                        wrong.push_back("between " + show(a) + " and " + show(b));
                }
                std::ostringstream ws;
                for (const auto& p : wrong) ws << "\n" << p;
                INFO("wrong:" << ws.str());
                CHECK(wrong.empty());
                CHECK(working_days_between(cal, first, last) == int(working.size()) -
                                                                    (std::binary_search(working.begin(), working.end(), first) ? 1 : 0));
            }
        }
    }
}
