// src/calendar/dates.cpp: strict ISO dates, month and year arithmetic, and the regions' names.
// Expected values come from the calendar itself (checked with `date -d`), never from running the
// implementation.
#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <string_view>

#include "calendar_testing.hpp"
#include "cspr/calendar.hpp"
#include "cspr/error.hpp"

using namespace cspr::calendar;
using namespace cspr::calendar::testing;

// =================================================================================================
// 1. Dates
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
             {"2023-02-29",  "1900-02-29",  "2023-02-30",       "2023-04-31", "2023-13-01", "2023-00-10",
              "2023-01-00",  "2023-01-32",  "2023-2-3",         "2023-02-3",  "2023-2-03",  " 2023-02-03",
              "2023-02-03 ", "2023-02-03x", "2023-02-03\n",     "tomorrow",   "",           "2023/02/03",
              "+2023-02-03", "20230203",    "2023-02-03T00:00", "2023- 2-03", "2023-+2-03", "2023-02-+3",
              "2023-02- 3",  "2023-0a-03",  "2023-02-0a",       "abcd-02-03", "-023-02-03", "+023-02-03",
              "2023_02_03",  "02-03-2023",  "12023-02-03"}) {
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

TEST_CASE("add_months clamps to the end of the month and add_years turns 29 Feb into 28 Feb", "[calendar][dates]") {
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
// 2. Regions
// =================================================================================================

TEST_CASE("Region names are the GOV.UK division names, exactly", "[calendar][regions]") {
    CHECK(region_from_name("england-and-wales") == std::optional<Region>(Region::england_and_wales));
    CHECK(region_from_name("scotland") == std::optional<Region>(Region::scotland));
    CHECK(region_from_name("northern-ireland") == std::optional<Region>(Region::northern_ireland));
    for (const char* s : {"england", "", "Scotland", "SCOTLAND", " scotland", "scotland ", "england_and_wales",
                          "northern_ireland", "wales", "ni", "uk"}) {
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

TEST_CASE("fuzz regression: datetime-year-overflow: date-times outside 1900-2199 do not parse",
          "[calendar][regression]") {
    // tests/fuzz/crashes/fuzz_dates-datetime-year-overflow: 2262-07-01T12:00 overflowed system_clock's
    // nanoseconds (UBSan) and read as a day in 1677, so a deadline counted from it was wrong.
    CHECK_FALSE(parse_london_datetime("2262-07-01T12:00"));
    CHECK_FALSE(parse_london_datetime("3025-03-03T10:30"));
    CHECK_FALSE(parse_london_datetime("2200-01-01T00:00"));
    CHECK_FALSE(parse_london_datetime("1899-12-31T23:59"));
    const auto last = parse_london_datetime("2199-12-31T23:59");
    REQUIRE(last);
    CHECK(format_london_datetime(*last) == "2199-12-31T23:59");
    CHECK(london_date_of(*last) == ymd(2199, 12, 31));
    const auto first = parse_london_datetime("1900-01-01T00:00");
    REQUIRE(first);
    CHECK(london_date_of(*first) == ymd(1900, 1, 1));
}
