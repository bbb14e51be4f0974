// src/calendar/holidays.cpp and the bank-holiday data: one-off and moved days, substitute days in
// each region, Easter, the standing rules that project the years not yet announced, and overlay().
// Expected values come from the published rules and history and from the reference model in
// calendar_testing.hpp, never from running the implementation.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "calendar_testing.hpp"
#include "cspr/calendar.hpp"
#include "cspr/error.hpp"

using namespace cspr::calendar;
using namespace cspr::calendar::testing;

// =================================================================================================
// 1. One-off and moved days in England and Wales
// =================================================================================================

TEST_CASE("England and Wales: every one-off or moved bank holiday is a holiday, not a working day",
          "[calendar][holidays][one-off]") {
    const auto cal = calendar_of(Region::england_and_wales);
    for (const char* s : {"1995-05-08", "1999-12-31", "2002-06-03", "2002-06-04", "2011-04-29", "2012-06-04",
                          "2012-06-05", "2020-05-08", "2022-06-02", "2022-06-03", "2022-09-19", "2023-05-08"}) {
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
        for (const char* s :
             {"2012-06-04", "2012-06-05", "2020-05-08", "2022-06-02", "2022-06-03", "2022-09-19", "2023-05-08"}) {
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

TEST_CASE("Good Friday and Easter Monday are non-working days in England and Wales, 1995-2035", "[calendar][easter]") {
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
// 4. overlay()
// =================================================================================================

namespace {
Holiday H(const char* d, const char* title) { return Holiday{D(d), title, "", false, false}; }
}  // namespace

TEST_CASE("overlay replaces only the years the newer table covers", "[calendar][overlay]") {
    HolidayTable base;
    base.of(Region::england_and_wales) = {H("2025-01-01", "New Year base"),  H("2025-12-25", "Christmas base"),
                                          H("2026-01-01", "New Year base"),  H("2026-05-04", "Early May base"),
                                          H("2026-12-25", "Christmas base"), H("2027-01-01", "New Year base"),
                                          H("2027-12-27", "Christmas base")};
    base.of(Region::scotland) = {H("2025-01-02", "2nd January"), H("2026-01-02", "2nd January"),
                                 H("2027-01-04", "2nd January")};

    SECTION("a newer table covering 2026 replaces 2026 and keeps 2025 and 2027") {
        HolidayTable newer;
        newer.of(Region::england_and_wales) = {H("2026-01-01", "New Year new"), H("2026-06-01", "Extra new")};
        const HolidayTable out = overlay(base, newer);
        const auto& ew = out.of(Region::england_and_wales);
        CHECK(dates_of(ew) == std::vector<Date>{D("2025-01-01"), D("2025-12-25"), D("2026-01-01"), D("2026-06-01"),
                                                D("2027-01-01"), D("2027-12-27")});
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
        newer.of(Region::england_and_wales) = {H("2025-12-25", "Christmas new"), H("2027-01-01", "New Year new")};
        const HolidayTable out = overlay(base, newer);
        CHECK(dates_of(out.of(Region::england_and_wales)) == std::vector<Date>{D("2025-12-25"), D("2027-01-01")});
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
// 5. Standing rules
// =================================================================================================

TEST_CASE("standing_holidays for 2028", "[calendar][standing]") {
    SECTION("England and Wales: 8 projected events on the right dates") {
        const auto hs = standing_holidays(Region::england_and_wales, 2028);
        CHECK(dates_of(hs) == std::vector<Date>{D("2028-01-03"),  // 1 Jan Saturday -> Monday 3
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
        CHECK(dates_of(hs) == std::vector<Date>{D("2028-01-03"), D("2028-01-04"), D("2028-04-14"), D("2028-05-01"),
                                                D("2028-05-29"), D("2028-08-07"), D("2028-11-30"), D("2028-12-25"),
                                                D("2028-12-26")});
        for (const auto& h : hs) CHECK(h.projected);
    }
    SECTION("Northern Ireland: 10 events") {
        const auto hs = standing_holidays(Region::northern_ireland, 2028);
        CHECK(dates_of(hs) == std::vector<Date>{D("2028-01-03"), D("2028-03-17"), D("2028-04-14"), D("2028-04-17"),
                                                D("2028-05-01"), D("2028-05-29"), D("2028-07-12"), D("2028-08-28"),
                                                D("2028-12-25"), D("2028-12-26")});
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
