// Build step: turns data/bank-holidays.json into a C++ table, so that cspr carries its holiday data
// and parses nothing at start-up. The data goes through the same parser as `cspr calendar import`,
// so a bad data file fails the build with its file and line.
#include <fmt/format.h>

#include <iostream>

#include "cspr/error.hpp"
#include "cspr/store.hpp"

namespace {

// Octal escapes, unlike \x, stop after three digits, so the next character can never join them.
std::string cpp_string(std::string_view s) {
    std::string out = "\"";
    for (unsigned char c : s) {
        if (c == '"' || c == '\\') out += {'\\', static_cast<char>(c)};
        else if (c < 0x20 || c >= 0x7f) out += fmt::format("\\{:03o}", c);
        else out += static_cast<char>(c);
    }
    return out + "\"";
}

std::string generate(const cspr::calendar::HolidayTable& table, const std::string& source) {
    std::string rows;
    for (auto region : cspr::calendar::kAllRegions) {
        for (const auto& h : table.of(region)) {
            const date::year_month_day ymd{h.date};
            rows += fmt::format("    {{{}, {}, {}, {}, {}, {}, {}}},\n", static_cast<int>(region),
                                static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                                static_cast<unsigned>(ymd.day()), cpp_string(h.title), cpp_string(h.notes),
                                h.bunting ? "true" : "false");
        }
    }
    return fmt::format(R"(// Generated from {} by tools/embed_holidays.cpp. Do not edit.
#include "cspr/calendar.hpp"

namespace cspr::calendar {{

namespace {{

struct Row {{
    int region, year;
    unsigned month, day;
    const char* title;
    const char* notes;
    bool bunting;
}};

constexpr Row kRows[] = {{
{}}};

}}  // namespace

const HolidayTable& embedded_holidays() {{
    static const HolidayTable table = [] {{
        HolidayTable t;
        for (const Row& row : kRows)
            t.by_region[static_cast<std::size_t>(row.region)].push_back(
                {{Date{{date::year{{row.year}} / date::month{{row.month}} / date::day{{row.day}}}}, row.title, row.notes,
                 row.bunting, false}});
        return t;
    }}();
    return table;
}}

}}  // namespace cspr::calendar
)",
                       source, rows);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::cerr << "usage: embed_holidays INPUT.json OUTPUT.cpp DISPLAY-NAME\n";
        return 2;
    }
    try {
        const auto table = cspr::store::parse_holiday_feed(cspr::store::read_file(argv[1]), argv[3]);
        cspr::store::write_file_atomically(argv[2], generate(table, argv[3]),
                                           std::filesystem::perms::owner_read | std::filesystem::perms::owner_write |
                                               std::filesystem::perms::group_read |
                                               std::filesystem::perms::others_read);
    } catch (const cspr::Error& e) {
        std::cerr << "embed_holidays: " << e.what() << "\n";
        return 2;
    }
    return 0;
}
