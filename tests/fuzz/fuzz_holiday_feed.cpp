// libFuzzer target: the GOV.UK bank-holidays.json reader behind `cspr calendar import` (docs/fuzzing.md).
//
//   1. parse_holiday_feed never lets anything but cspr::Error escape;
//   2. what it accepts is a valid table: at least one event, each region's events in strictly
//      increasing date order, titles not empty, nothing marked projected;
//   3. round trip: format_holiday_feed(table) parses back to an equal table, and formatting that
//      gives the same bytes;
//   4. what import leads to works: the table overlaid on the embedded data (as load_holidays does)
//      builds a calendar for every region the feed covers (or refuses with cspr::Error), and every
//      imported holiday that falls on a weekday is then a day off.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <string_view>
#include <typeinfo>

#include "cspr/calendar.hpp"
#include "cspr/error.hpp"
#include "cspr/store.hpp"

namespace {

namespace cal = cspr::calendar;

[[noreturn]] void violated(std::string_view property, const std::string& detail) {
    const std::string report =
        "\n==== cspr fuzz: property violated ====\nproperty: " + std::string(property) + "\n" + detail + "\n";
    std::fwrite(report.data(), 1, report.size(), stderr);
    std::abort();
}

// The text as it is, but for control bytes (other than newline), shown as \xNN.
std::string visible(std::string_view text) {
    std::string out;
    for (char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c < 0x20 && c != '\n') || c == 0x7f) {
            static constexpr char kHex[] = "0123456789abcdef";
            out += {'\\', 'x', kHex[c >> 4], kHex[c & 15]};
        } else {
            out += ch;
        }
    }
    return out;
}

std::string block(std::string_view title, std::string_view text) {
    return std::string(title) + " (" + std::to_string(text.size()) + " bytes; control bytes shown as \\xNN):\n-----\n" +
           visible(text) + "\n-----\n";
}

// Parses, turning anything but cspr::Error into a violation. False when cspr::Error was thrown.
bool parse(std::string_view text, cal::HolidayTable& out, std::string& error) {
    try {
        out = cspr::store::parse_holiday_feed(text, "fuzz");
        return true;
    } catch (const cspr::Error& e) {
        error = e.what();
        return false;
    } catch (const std::exception& e) {
        violated("only cspr::Error may escape parse_holiday_feed",
                 std::string(typeid(e).name()) + ": " + e.what() + "\n" + block("input", text));
    } catch (...) {
        violated("only cspr::Error may escape parse_holiday_feed", "a non-std exception\n" + block("input", text));
    }
}

void check_table(const cal::HolidayTable& table, std::string_view text) {
    bool any = false;
    for (cal::Region r : cal::kAllRegions) {
        const auto& events = table.of(r);
        any = any || !events.empty();
        for (std::size_t i = 0; i < events.size(); ++i) {
            if (events[i].title.empty()) violated("accepted holidays have a title", block("input", text));
            if (events[i].projected) violated("accepted holidays are not projected", block("input", text));
            if (i > 0 && !(events[i - 1].date < events[i].date))
                violated("accepted holidays are in strictly increasing date order", block("input", text));
        }
    }
    if (!any) violated("an accepted feed has at least one event", block("input", text));
}

void check_import(const cal::HolidayTable& table, std::string_view text) {
    const cal::HolidayTable merged = cal::overlay(cal::embedded_holidays(), table);
    for (cal::Region r : cal::kAllRegions) {
        if (table.of(r).empty()) continue;
        cal::Calendar c;
        try {
            c = cal::make_calendar(r, merged);
        } catch (const cspr::Error&) {
            continue;
        } catch (const std::exception& e) {
            violated("only cspr::Error may escape make_calendar",
                     std::string(typeid(e).name()) + ": " + e.what() + "\n" + block("input", text));
        }
        for (const auto& h : table.of(r)) {
            if (!cal::covers(c, h.date)) violated("the calendar covers every imported holiday", block("input", text));
            if (cal::is_working_day(c, h.date))
                violated("an imported holiday is not a working day", cal::format_iso_date(h.date) + " in " +
                                                                         std::string(cal::region_name(r)) + "\n" +
                                                                         block("input", text));
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    cal::HolidayTable table;
    std::string error;
    if (!parse(text, table, error)) return 0;
    check_table(table, text);

    const std::string written = cspr::store::format_holiday_feed(table);
    cal::HolidayTable reread;
    if (!parse(written, reread, error)) {
        violated("round trip: what format_holiday_feed writes parses",
                 block("input", text) + block("formatted", written) + "error: " + error);
    }
    if (reread.by_region != table.by_region)
        violated("round trip: parse(format(t)) == t",
                 block("input", text) + block("formatted", written) +
                     block("formatted again", cspr::store::format_holiday_feed(reread)));
    const std::string rewritten = cspr::store::format_holiday_feed(reread);
    if (rewritten != written)
        violated("round trip: format(parse(format(t))) == format(t)",
                 block("input", text) + block("formatted", written) + block("formatted again", rewritten));

    check_import(table, text);
    return 0;
}
