// src/store/holiday_feed.cpp: GOV.UK's bank-holidays.json read, and written back in its shape.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <string>

#include <yaml-cpp/yaml.h>

#include "cspr/calendar.hpp"
#include "cspr/error.hpp"
#include "cspr/store.hpp"
#include "store_testing.hpp"

namespace fs = std::filesystem;
namespace store = cspr::store;
namespace calendar = cspr::calendar;
using cspr::testing::slurp;
using cspr::testing::ymd;

TEST_CASE("data/bank-holidays.json parses, and format then parse gives the same table", "[feed]") {
    const fs::path path = fs::path(CSPR_SOURCE_DIR) / "data" / "bank-holidays.json";
    const std::string text = slurp(path);
    const calendar::HolidayTable table = store::parse_holiday_feed(text, path.string());
    for (auto r : calendar::kAllRegions) CHECK_FALSE(table.of(r).empty());
    const auto& ew = table.of(calendar::Region::england_and_wales);
    // Known facts: Christmas Day 2024 was a Wednesday bank holiday in England and Wales; the
    // coronation bank holiday was Mon 2023-05-08.
    CHECK(std::any_of(ew.begin(), ew.end(), [](const auto& h) { return h.date == ymd(2024, 12, 25); }));
    const auto coronation = std::find_if(ew.begin(), ew.end(), [](const auto& h) { return h.date == ymd(2023, 5, 8); });
    REQUIRE(coronation != ew.end());
    CHECK(coronation->title.find("oronation") != std::string::npos);
    // Sorted by date, none projected (this is announced data).
    for (auto r : calendar::kAllRegions) {
        const auto& list = table.of(r);
        CHECK(std::is_sorted(list.begin(), list.end(), [](const auto& a, const auto& b) { return a.date < b.date; }));
        CHECK(std::none_of(list.begin(), list.end(), [](const auto& h) { return h.projected; }));
    }
    // A title with a \u escape is read as UTF-8.
    CHECK(std::any_of(ew.begin(), ew.end(), [](const auto& h) { return h.title == "New Year\u2019s Day"; }));

    const std::string formatted = store::format_holiday_feed(table);
    const calendar::HolidayTable again = store::parse_holiday_feed(formatted, "formatted");
    for (auto r : calendar::kAllRegions) CHECK(again.of(r) == table.of(r));
    CHECK(store::format_holiday_feed(again) == formatted);  // deterministic
    // The format is JSON in GOV.UK's shape.
    const YAML::Node json = YAML::Load(formatted);
    CHECK(json["scotland"]["division"].Scalar() == "scotland");
    CHECK(json["england-and-wales"]["events"][0]["date"].IsScalar());
}

TEST_CASE("parse_holiday_feed refuses what is not a feed, naming the field", "[feed]") {
    const auto field_of = [](const std::string& text) -> std::string {
        try {
            (void)store::parse_holiday_feed(text, "feed.json");
        } catch (const cspr::Error& e) {
            CHECK(e.where().file == "feed.json");
            return e.where().field;
        }
        return "(no error)";
    };
    const auto event = [](const std::string& date) {
        return "{\"title\": \"Day\", \"date\": \"" + date + "\", \"notes\": \"\", \"bunting\": true}";
    };
    const auto feed = [&](const std::string& events) {
        return "{\"scotland\": {\"division\": \"scotland\", \"events\": [" + events + "]}}";
    };
    CHECK(field_of(feed(event("2025-01-01"))) == "(no error)");
    CHECK(field_of(feed(event("2025-02-30"))) == "scotland.events[0].date");
    CHECK(field_of(feed(event("2025-01-02") + "," + event("2025-01-01"))) == "scotland.events[1]");
    CHECK(field_of(feed(event("2025-01-01") + "," + event("2025-01-01"))) == "scotland.events[1]");
    CHECK(field_of("{\"wales\": {\"division\": \"wales\", \"events\": []}}") == "wales");
    CHECK(field_of("{\"scotland\": {\"division\": \"england-and-wales\", \"events\": []}}") == "scotland.division");
    CHECK(field_of("[1, 2]") == "");
    CHECK(field_of("{\"scotland\": {\"division\": \"scotland\", \"events\": []}}") == "");
    CHECK_THROWS_AS(store::parse_holiday_feed("{\"scotland\": ", "feed.json"), cspr::Error);
}
