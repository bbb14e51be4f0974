// cspr calendar: the working-day calendar on the command line.
#include <fmt/format.h>

#include <memory>

#include "app.hpp"
#include "cspr/error.hpp"

namespace cspr::cli {

namespace {

using calendar::Date;

// One leaf's arguments; --region is the group's (see region_calendar).
struct CalendarArgs {
    std::string date1, date2, count, file;
    std::optional<int> year;
    std::optional<std::string> from, to;
};

// "england-and-wales, scotland or northern-ireland", from the model's own list.
std::string region_names() {
    std::string names;
    for (std::size_t i = 0; i < calendar::kAllRegions.size(); ++i)
        names += (i == 0 ? "" : i + 1 == calendar::kAllRegions.size() ? " or " : ", ") +
                 std::string(calendar::region_name(calendar::kAllRegions[i]));
    return names;
}

// Which calendar a leaf uses, in its --help: a folder's deadlines and its calendar commands agree.
std::string region_note() {
    return "\nCalendar: --region R when given (R: " + region_names() +
           ");\nelse the case folder's region: in cspr.yaml; outside a case folder, " +
           std::string(calendar::region_name(calendar::kDefaultRegion)) + ".";
}

// --region (declared on the group, so that it works before or after the leaf's name), else the case
// folder's region, else the default: the calendar the folder's deadlines are counted on.
calendar::Calendar region_calendar(const Context& ctx, const CLI::App& leaf) {
    const CLI::Option* region = leaf.get_parent()->get_option("--region");
    if (region->count() > 0) return ctx.calendar(calendar::require_region(region->as<std::string>()));
    if (ctx.case_folder()) return ctx.calendar(ctx.open_folder().config.region);
    return ctx.calendar(calendar::kDefaultRegion);
}

int require_integer(const std::string& text, std::string_view what) {
    std::size_t used = 0;
    int value = 0;
    try {
        value = std::stoi(text, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used == 0 || used != text.size())
        throw Error("'" + text + "' is not a whole number", {.field = std::string(what)});
    return value;
}

// A projected answer is still an answer, but the reader must know it assumes no new announcement.
void note_if_projected(const Context& ctx, const calendar::Calendar& cal, Date d) {
    if (calendar::is_projected(cal, d))
        ctx.err << fmt::format("note: {} is in a year projected from the standing rules; it assumes no new "
                               "bank holiday is announced (data announced to {})\n",
                               calendar::format_iso_date(d), cal.last_announced_year);
}

void print_holidays(Context& ctx, const CLI::App& leaf, const CalendarArgs& a) {
    if (a.year && (a.from || a.to)) throw Error("give either --year or --from/--to, not both", {.field = "--year"});
    if (a.from.has_value() != a.to.has_value()) throw Error("--from and --to go together", {.field = a.from ? "--to" : "--from"});
    const auto cal = region_calendar(ctx, leaf);
    const int year = a.year.value_or(static_cast<int>(date::year_month_day{ctx.today()}.year()));
    const Date from = a.from ? calendar::require_iso_date(*a.from, "--from") : Date{date::year{year} / 1 / 1};
    const Date to = a.to ? calendar::require_iso_date(*a.to, "--to") : Date{date::year{year} / 12 / 31};
    if (to < from) throw Error("--to is before --from", {.field = "--to"});
    const auto& format = ctx.format();
    const auto holidays = calendar::holidays_between(cal, from, to);
    if (format == "json") {
        ctx.out << fmt::format("{{\n  \"region\": \"{}\",\n  \"from\": \"{}\",\n  \"to\": \"{}\",\n  \"holidays\": [",
                               calendar::region_name(cal.region), calendar::format_iso_date(from),
                               calendar::format_iso_date(to));
        const char* separator = "\n";
        for (const auto& h : holidays) {
            ctx.out << fmt::format("{}    {{\"date\": \"{}\", \"title\": {}, \"notes\": {}, \"projected\": {}}}", separator,
                                   calendar::format_iso_date(h.date), json_string(h.title), json_string(h.notes),
                                   h.projected ? "true" : "false");
            separator = ",\n";
        }
        ctx.out << (holidays.empty() ? "]\n}\n" : "\n  ]\n}\n");
    } else if (format == "csv") {
        ctx.out << "date,weekday,title,notes,projected\n";
        for (const auto& h : holidays)
            ctx.out << fmt::format("{},{},{},{},{}\n", calendar::format_iso_date(h.date), calendar::weekday_abbrev(h.date),
                                   csv_field(h.title), csv_field(h.notes), h.projected ? "yes" : "no");
    } else {
        for (const auto& h : holidays) {
            std::string remark = h.notes;
            if (h.projected) remark += std::string(remark.empty() ? "" : "; ") + "projected";
            ctx.out << fmt::format("{}  {}  {}{}\n", calendar::format_iso_date(h.date), calendar::weekday_abbrev(h.date),
                                   h.title, remark.empty() ? "" : " (" + remark + ")");
        }
    }
}

void print_added(Context& ctx, const CLI::App& leaf, const CalendarArgs& a) {
    const auto cal = region_calendar(ctx, leaf);
    const Date start = calendar::require_iso_date(a.date1, "DATE");
    const Date result = calendar::add_working_days(cal, start, require_integer(a.count, "N"));
    ctx.out << calendar::format_iso_date(result) << "\n";
    note_if_projected(ctx, cal, result);
}

void print_between(Context& ctx, const CLI::App& leaf, const CalendarArgs& a) {
    const auto cal = region_calendar(ctx, leaf);
    const Date from = calendar::require_iso_date(a.date1, "DATE1");
    const Date to = calendar::require_iso_date(a.date2, "DATE2");
    ctx.out << calendar::working_days_between(cal, from, to) << "\n";
    note_if_projected(ctx, cal, std::max(from, to));
}

void print_is_working_day(Context& ctx, const CLI::App& leaf, const CalendarArgs& a) {
    const auto cal = region_calendar(ctx, leaf);
    const Date d = calendar::require_iso_date(a.date1, "DATE");
    const bool working = calendar::is_working_day(cal, d);
    ctx.out << (working ? "yes" : "no") << "\n";
    note_if_projected(ctx, cal, d);
    if (!working) ctx.exit_code = kExitNo;
}

void import_feed(Context& ctx, const CalendarArgs& a) {
    const auto table = store::parse_holiday_feed(store::read_file(a.file), a.file);
    const auto target_folder = ctx.case_folder() ? ctx.case_folder() : store::user_data_folder();
    if (!target_folder) throw Error("nowhere to import to: no case folder and no $HOME");
    if (!target_folder->empty()) store::fs::create_directories(*target_folder);
    const auto target = *target_folder / store::kHolidayFileName;
    store::write_file_atomically(target, store::format_holiday_feed(table));
    for (auto r : calendar::kAllRegions) {
        const auto& events = table.of(r);
        if (events.empty()) continue;
        ctx.out << fmt::format("{}: {} holidays, {} to {}\n", calendar::region_name(r), events.size(),
                               calendar::format_iso_date(events.front().date),
                               calendar::format_iso_date(events.back().date));
    }
    ctx.out << "imported into " << target.string() << "; it now takes precedence over the built-in data\n";
}

void setup_holidays(CLI::App& sub, Context& ctx) {
    auto a = std::make_shared<CalendarArgs>();
    add_examples(sub, "  cspr calendar holidays --year 2022\n"
                      "  cspr calendar holidays --from 2025-12-01 --to 2026-01-31 --region scotland\n"
                      "  cspr calendar holidays --year 2026 --format csv\n" + region_note());
    sub.add_option("--year", a->year, "A calendar year (default: this year)");
    sub.add_option("--from", a->from, "First date, YYYY-MM-DD");
    sub.add_option("--to", a->to, "Last date, YYYY-MM-DD");
    sub.callback([&ctx, &sub, a] { print_holidays(ctx, sub, *a); });
}

void setup_add(CLI::App& sub, Context& ctx) {
    auto a = std::make_shared<CalendarArgs>();
    add_examples(sub, "  cspr calendar add 2024-12-20 5      # 2024-12-31\n"
                      "  cspr calendar add 2025-04-28 -7     # 2025-04-15\n" + region_note());
    sub.add_option("DATE", a->date1, "Start date (day 0), YYYY-MM-DD")->required();
    sub.add_option("N", a->count, "Working days to add; negative counts backwards")->required();
    sub.callback([&ctx, &sub, a] { print_added(ctx, sub, *a); });
}

void setup_between(CLI::App& sub, Context& ctx) {
    auto a = std::make_shared<CalendarArgs>();
    add_examples(sub, "  cspr calendar between 2024-12-20 2024-12-31   # 5\n" + region_note());
    sub.add_option("DATE1", a->date1, "Start date (not counted), YYYY-MM-DD")->required();
    sub.add_option("DATE2", a->date2, "End date (counted), YYYY-MM-DD")->required();
    sub.callback([&ctx, &sub, a] { print_between(ctx, sub, *a); });
}

void setup_is_working_day(CLI::App& sub, Context& ctx) {
    auto a = std::make_shared<CalendarArgs>();
    add_examples(sub, "  cspr calendar is-working-day 2023-05-08   # no (coronation), exit 1\n" + region_note());
    sub.add_option("DATE", a->date1, "YYYY-MM-DD")->required();
    sub.callback([&ctx, &sub, a] { print_is_working_day(ctx, sub, *a); });
}

void setup_import(CLI::App& sub, Context& ctx) {
    auto a = std::make_shared<CalendarArgs>();
    add_examples(sub, "  cspr calendar import bank-holidays.json\n"
                      "  cspr --cases ~/cspr-cases calendar import bank-holidays.json\n");
    sub.add_option("FILE", a->file, "A file in GOV.UK's bank-holidays.json format")->required();
    sub.callback([&ctx, a] { import_feed(ctx, *a); });
}

// The leaves of `cspr calendar`, set up under it by app.cpp; their formats are declared here only.
constexpr Command kCalendarCommands[] = {
    {"holidays", "List bank holidays", setup_holidays, {"table", "json", "csv"}},
    {"add", "Print the date N working days after DATE (before it when N is negative)", setup_add},
    {"between", "Print the number of working days in (DATE1, DATE2]", setup_between},
    {"is-working-day", "Print yes or no; exit 0 for yes, 1 for no", setup_is_working_day},
    {"import", "Install a newer GOV.UK bank-holidays.json, which then takes precedence", setup_import},
};

}  // namespace

std::span<const Command> calendar_commands() { return kCalendarCommands; }

void setup_calendar(CLI::App& sub, Context&) {
    sub.require_subcommand(1);
    // On the group, so that it works before or after the leaf's name (leaves fall through to it).
    const std::string region_help = region_names() + " (default: the case folder's region in cspr.yaml; outside one, " +
                                    std::string(calendar::region_name(calendar::kDefaultRegion)) + ")";
    sub.add_option("--region", region_help)->type_name("REGION");
    add_examples(sub, R"(  cspr calendar holidays --year 2012
  cspr calendar add 2024-12-20 5            # prints 2024-12-31
  cspr calendar add 2025-04-28 -7           # 7 working days before: 2025-04-15
  cspr calendar between 2025-03-04 2025-03-11
  cspr calendar is-working-day 2023-05-08   # prints no, exits 1
  cspr calendar import bank-holidays.json

Working days are Monday to Friday except the region's bank holidays. The start date is day 0 and
never counted. Years after the announced data are projected from the standing rules and flagged.
)" + region_note());
}

}  // namespace cspr::cli
