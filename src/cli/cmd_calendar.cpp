// cspr calendar: the working-day calendar on the command line.
#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <map>
#include <memory>
#include <numeric>
#include <set>

#include "app.hpp"
#include "json_writer.hpp"
#include "cspr/error.hpp"

namespace cspr::cli {

namespace {

using calendar::Date;

// One leaf's arguments; --region is the group's (see region_calendar).
struct CalendarArgs {
    std::string date1, date2, count, file;
    std::optional<int> year;
    bool replace = false;
    std::optional<std::string> from, to;
};

// "england-and-wales, scotland or northern-ireland", from the model's own list.
std::string region_names() {
    std::string names;
    for (std::size_t i = 0; i < calendar::kAllRegions.size(); ++i)
        names += (i == 0                                  ? ""
                  : i + 1 == calendar::kAllRegions.size() ? " or "
                                                          : ", ") +
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

int year_of(Date d) { return static_cast<int>(date::year_month_day{d}.year()); }

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

// Every leaf's JSON is one small object, shaped by schemas/calendar.schema.json: "format" names the leaf.
constexpr int kCalendarFormatVersion = 1;

Json calendar_json(std::string_view leaf, const calendar::Calendar& cal) {
    return Json::object()
        .add("format", "cspr-calendar-" + std::string(leaf))
        .add("version", kCalendarFormatVersion)
        .add("region", calendar::region_name(cal.region));
}

void print_holidays_json(Context& ctx, const calendar::Calendar& cal, Date from, Date to,
                         std::span<const calendar::Holiday> holidays) {
    Json list = Json::array();
    for (const auto& h : holidays)
        list.push(Json::object()
                      .add("date", json_date(h.date))
                      .add("title", h.title)
                      .add("notes", h.notes)
                      .add("projected", h.projected));
    Json doc = calendar_json("holidays", cal);
    doc.add("from", json_date(from)).add("to", json_date(to)).add("holidays", std::move(list));
    ctx.out << doc.dump();
}

void print_holidays(Context& ctx, const CLI::App& leaf, const CalendarArgs& a) {
    if (a.year && (a.from || a.to)) throw Error("give either --year or --from/--to, not both", {.field = "--year"});
    if (a.from.has_value() != a.to.has_value())
        throw Error("--from and --to go together", {.field = a.from ? "--to" : "--from"});
    const auto cal = region_calendar(ctx, leaf);
    const int year = a.year.value_or(year_of(ctx.today()));
    // Checked as a number first: date::year cannot even hold 99999.
    if (!a.from && (year < year_of(cal.first_day) || year > year_of(cal.last_day)))
        throw Error(fmt::format("{} is outside the {} calendar's range, {} to {}", year,
                                calendar::region_name(cal.region), year_of(cal.first_day), year_of(cal.last_day)),
                    {.field = "--year"});
    const Date from = a.from ? calendar::require_iso_date(*a.from, "--from") : Date{date::year{year} / 1 / 1};
    const Date to = a.to ? calendar::require_iso_date(*a.to, "--to") : Date{date::year{year} / 12 / 31};
    if (to < from) throw Error("--to is before --from", {.field = "--to"});
    const auto& format = ctx.format();
    const auto holidays = calendar::holidays_between(cal, from, to);
    if (format == "json") {
        print_holidays_json(ctx, cal, from, to, holidays);
    } else if (format == "csv") {
        ctx.out << "date,weekday,title,notes,projected\n";
        for (const auto& h : holidays)
            ctx.out << fmt::format("{},{},{},{},{}\n", calendar::format_iso_date(h.date),
                                   calendar::weekday_abbrev(h.date), csv_field(h.title), csv_field(h.notes),
                                   h.projected ? "yes" : "no");
    } else {
        for (const auto& h : holidays) {
            std::string remark = h.notes;
            if (h.projected) remark += std::string(remark.empty() ? "" : "; ") + "projected";
            ctx.out << fmt::format("{}  {}  {}{}\n", calendar::format_iso_date(h.date),
                                   calendar::weekday_abbrev(h.date), h.title,
                                   remark.empty() ? "" : " (" + remark + ")");
        }
    }
}

void print_added(Context& ctx, const CLI::App& leaf, const CalendarArgs& a) {
    const auto cal = region_calendar(ctx, leaf);
    const Date start = calendar::require_iso_date(a.date1, "DATE");
    const int count = require_integer(a.count, "N");
    const Date result = calendar::add_working_days(cal, start, count);
    if (ctx.format() == "json") {
        Json doc = calendar_json("add", cal);
        doc.add("date", json_date(start)).add("working_days", count).add("result", json_date(result));
        ctx.out << doc.add("projected", calendar::is_projected(cal, result)).dump();
        return;
    }
    ctx.out << calendar::format_iso_date(result) << "\n";
    note_if_projected(ctx, cal, result);
}

void print_between(Context& ctx, const CLI::App& leaf, const CalendarArgs& a) {
    const auto cal = region_calendar(ctx, leaf);
    const Date from = calendar::require_iso_date(a.date1, "DATE1");
    const Date to = calendar::require_iso_date(a.date2, "DATE2");
    const int days = calendar::working_days_between(cal, from, to);
    if (ctx.format() == "json") {
        Json doc = calendar_json("between", cal);
        doc.add("from", json_date(from)).add("to", json_date(to)).add("working_days", days);
        ctx.out << doc.add("projected", calendar::is_projected(cal, std::max(from, to))).dump();
        return;
    }
    ctx.out << days << "\n";
    note_if_projected(ctx, cal, std::max(from, to));
}

void print_is_working_day(Context& ctx, const CLI::App& leaf, const CalendarArgs& a) {
    const auto cal = region_calendar(ctx, leaf);
    const Date d = calendar::require_iso_date(a.date1, "DATE");
    const bool working = calendar::is_working_day(cal, d);
    if (!working) ctx.exit_code = kExitNo;
    if (ctx.format() == "json") {
        const auto holidays = calendar::holidays_between(cal, d, d);
        const auto weekday = date::weekday{d};
        Json doc = calendar_json("is-working-day", cal);
        doc.add("date", json_date(d)).add("working_day", working);
        doc.add("weekend", weekday == date::Saturday || weekday == date::Sunday);
        doc.add("holiday", holidays.empty() ? Json() : Json(holidays.front().title));
        ctx.out << doc.add("projected", calendar::is_projected(cal, d)).dump();
        return;
    }
    ctx.out << (working ? "yes" : "no") << "\n";
    note_if_projected(ctx, cal, d);
}

// ---- import: a feed may change holidays in force, and so deadlines; it says which, before it does

// Where the feed goes, and the holiday tables in force before and after it is installed there.
struct ImportPlan {
    store::fs::path target;
    bool into_case_folder = false;
    calendar::HolidayTable before, after;
};

ImportPlan plan_import(const Context& ctx, const calendar::HolidayTable& feed) {
    const auto folder = ctx.case_folder();
    const auto user = store::user_data_folder();
    const auto target_folder = folder ? folder : user;
    if (!target_folder) throw Error("nowhere to import to: no case folder and no $HOME");
    ImportPlan plan{*target_folder / store::kHolidayFileName, folder.has_value(), {}, {}};
    // As Context::calendar reads it, so that a broken feed is named the same way.
    plan.before = store::load_holidays({folder && folder->empty() ? store::fs::path(".") : folder, user});
    // The new file replaces the target's old one, so it overlays only what lies beneath it.
    const auto beneath = store::load_holidays({std::nullopt, folder ? user : std::nullopt});
    plan.after = calendar::overlay(beneath, feed);
    return plan;
}

// A year the calendar cannot hold (0001, 9999) would stretch it, or leave the years between without
// holidays: each feed date must lie in the calendar in force for its region.
void require_years_in_range(const calendar::HolidayTable& feed, const calendar::HolidayTable& before,
                            const std::string& file) {
    for (auto r : calendar::kAllRegions) {
        const auto& events = feed.of(r);
        if (events.empty()) continue;
        const auto cal = calendar::make_calendar(r, before);
        for (Date d : {events.front().date, events.back().date})
            if (!calendar::covers(cal, d))
                throw Error(fmt::format("{} is outside the {} calendar's range, {} to {}", calendar::format_iso_date(d),
                                        calendar::region_name(r), year_of(cal.first_day), year_of(cal.last_day)),
                            {file, 0, std::string(calendar::region_name(r))});
    }
}

struct YearChange {
    calendar::Region region;
    int year;
    std::vector<Date> removed, added;
};

std::map<int, std::set<Date>> holiday_dates_by_year(const calendar::Calendar& cal) {
    std::map<int, std::set<Date>> out;
    for (const auto& h : cal.holidays) out[year_of(h.date)].insert(h.date);
    return out;
}

// Every year whose holiday dates differ, announced or projected (a year left without announcements
// loses its projection too, so this compares whole calendars, not just the feed's years).
std::vector<YearChange> holiday_changes(const ImportPlan& plan) {
    std::vector<YearChange> out;
    for (auto r : calendar::kAllRegions) {
        auto before = holiday_dates_by_year(calendar::make_calendar(r, plan.before));
        auto after = holiday_dates_by_year(calendar::make_calendar(r, plan.after));
        std::set<int> years;
        for (const auto& m : {before, after})
            for (const auto& [year, dates] : m) years.insert(year);
        for (int y : years) {
            YearChange c{r, y, {}, {}};
            std::ranges::set_difference(before[y], after[y], std::back_inserter(c.removed));
            std::ranges::set_difference(after[y], before[y], std::back_inserter(c.added));
            if (!c.removed.empty() || !c.added.empty()) out.push_back(std::move(c));
        }
    }
    return out;
}

std::string date_list(const std::vector<Date>& dates) {
    std::string out;
    for (Date d : dates) out += (out.empty() ? "" : ", ") + calendar::format_iso_date(d);
    return out;
}

void print_holiday_changes(Context& ctx, const std::vector<YearChange>& changes) {
    if (changes.empty()) ctx.out << "bank holidays in force: no date changes\n";
    for (const auto& c : changes) {
        std::string line = fmt::format("{} {}:", calendar::region_name(c.region), c.year);
        if (!c.removed.empty()) line += " removes " + date_list(c.removed) + (c.added.empty() ? "" : ";");
        if (!c.added.empty()) line += " adds " + date_list(c.added);
        ctx.out << line << "\n";
    }
}

bool is_open(const rules::Deadline& d) {
    return d.status == rules::Status::pending || d.status == rules::Status::overdue ||
           d.status == rules::Status::paused;
}

// The open deadlines of the folder's cases whose due date the import moves, as the engine counts
// them on each calendar: case, step, rule, subject, due now, due after. No personal detail.
void print_moved_deadlines(Context& ctx, const ImportPlan& plan) {
    const auto folder = ctx.open_folder();
    const auto before = calendar::make_calendar(folder.config.region, plan.before);
    const auto after = calendar::make_calendar(folder.config.region, plan.after);
    std::vector<std::vector<std::string>> rows = {{"case", "step", "rule", "subject", "due now", "due after import"}};
    std::size_t unread = 0;
    for (const auto& loaded :
         store::load_cases(folder, store::list_case_ids(folder), store::Diagnostics::Mode::collect)) {
        if (!loaded.problems.empty()) {
            ++unread;
            continue;
        }
        const auto now = rules::case_deadlines(loaded.value, folder.config, before, ctx.today());
        const auto then = rules::case_deadlines(loaded.value, folder.config, after, ctx.today());
        for (const auto& d : now) {
            const auto same = std::ranges::find_if(then, [&](const rules::Deadline& x) {
                return x.rule == d.rule && x.subject == d.subject;
            });
            if (!is_open(d) || same == then.end() || due_text(*same) == due_text(d)) continue;
            rows.push_back({d.case_id, std::string(d.rule->step), std::string(d.rule->id),
                            d.subject.empty() ? "-" : d.subject, due_text(d), due_text(*same)});
        }
    }
    if (rows.size() == 1) ctx.out << "open deadlines of this case folder: none moves\n";
    else ctx.out << "open deadlines of this case folder that move:\n" << format_table(rows);
    if (unread > 0)
        ctx.out << unread << (unread == 1 ? " case" : " cases")
                << " not compared: problems in its files ('cspr validate' lists them)\n";
}

void import_feed(Context& ctx, const CLI::App& leaf, const CalendarArgs& a) {
    if (leaf.get_parent()->get_option("--region")->count() > 0)
        throw Error("calendar import installs every division the file has; it takes no --region",
                    {.field = "--region"});
    const auto feed = store::parse_holiday_feed(store::read_file(a.file), a.file);
    const auto plan = plan_import(ctx, feed);
    require_years_in_range(feed, plan.before, a.file);
    for (auto r : calendar::kAllRegions) {
        const auto& events = feed.of(r);
        if (events.empty()) continue;
        ctx.out << fmt::format("{}: {} holidays, {} to {}\n", calendar::region_name(r), events.size(),
                               calendar::format_iso_date(events.front().date),
                               calendar::format_iso_date(events.back().date));
    }
    const auto changes = holiday_changes(plan);
    print_holiday_changes(ctx, changes);
    if (plan.into_case_folder) print_moved_deadlines(ctx, plan);
    else
        ctx.out << "outside a case folder: this feed applies to every case folder without its own; their deadlines "
                   "were not compared\n";
    const auto removed = std::accumulate(changes.begin(), changes.end(), std::size_t{0},
                                         [](std::size_t n, const YearChange& c) { return n + c.removed.size(); });
    if (removed > 0 && !a.replace)
        throw Error(fmt::format("would remove {} bank holiday{} in force (listed above); nothing was imported: check "
                                "the "
                                "file, or give --replace to import it all the same",
                                removed, removed == 1 ? "" : "s"),
                    {a.file, 0, ""});
    if (!plan.target.parent_path().empty()) store::fs::create_directories(plan.target.parent_path());
    store::write_file_atomically(plan.target, store::format_holiday_feed(feed));
    ctx.out << "imported into " << plan.target.string() << "; it now takes precedence over the built-in data\n";
}

void setup_holidays(CLI::App& sub, Context& ctx) {
    auto a = std::make_shared<CalendarArgs>();
    add_examples(sub, "  cspr calendar holidays --year 2022\n"
                      "  cspr calendar holidays --from 2025-12-01 --to 2026-01-31 --region scotland\n"
                      "  cspr calendar holidays --year 2026 --format csv\n"
                      "  cspr calendar holidays --year 2026 --format json | jq -r '.holidays[].date'\n" +
                          region_note());
    sub.add_option("--year", a->year, "A calendar year (default: this year)");
    sub.add_option("--from", a->from, "First date, YYYY-MM-DD");
    sub.add_option("--to", a->to, "Last date, YYYY-MM-DD");
    sub.callback([&ctx, &sub, a] { print_holidays(ctx, sub, *a); });
}

void setup_add(CLI::App& sub, Context& ctx) {
    auto a = std::make_shared<CalendarArgs>();
    add_examples(sub, "  cspr calendar add 2024-12-20 5      # 2024-12-31\n"
                      "  cspr calendar add 2025-04-28 -7     # 2025-04-15\n"
                      "  cspr calendar add 2024-12-20 5 --format json | jq -r .result\n" +
                          region_note());
    sub.add_option("DATE", a->date1, "Start date (day 0), YYYY-MM-DD")->required();
    sub.add_option("N", a->count, "Working days to add; negative counts backwards")->required();
    sub.callback([&ctx, &sub, a] { print_added(ctx, sub, *a); });
}

void setup_between(CLI::App& sub, Context& ctx) {
    auto a = std::make_shared<CalendarArgs>();
    add_examples(sub, "  cspr calendar between 2024-12-20 2024-12-31   # 5\n"
                      "  cspr calendar between 2024-12-20 2024-12-31 --format json\n" +
                          region_note());
    sub.add_option("DATE1", a->date1, "Start date (not counted), YYYY-MM-DD")->required();
    sub.add_option("DATE2", a->date2, "End date (counted), YYYY-MM-DD")->required();
    sub.callback([&ctx, &sub, a] { print_between(ctx, sub, *a); });
}

void setup_is_working_day(CLI::App& sub, Context& ctx) {
    auto a = std::make_shared<CalendarArgs>();
    add_examples(sub, "  cspr calendar is-working-day 2023-05-08   # no (coronation), exit 1\n"
                      "  cspr calendar is-working-day 2023-05-08 --format json   # its holiday too; exit 1\n" +
                          region_note());
    sub.add_option("DATE", a->date1, "YYYY-MM-DD")->required();
    sub.callback([&ctx, &sub, a] { print_is_working_day(ctx, sub, *a); });
}

void setup_import(CLI::App& sub, Context& ctx) {
    auto a = std::make_shared<CalendarArgs>();
    add_examples(sub, "  cspr calendar import bank-holidays.json\n"
                      "  cspr --cases ~/cspr-cases calendar import bank-holidays.json\n"
                      "  cspr calendar import --replace corrected.json   # even though it removes holidays\n\n"
                      "Prints the dates it adds and removes per region and year and, in a case folder, the open\n"
                      "deadlines that move. A file that removes bank holidays in force is refused unless --replace;\n"
                      "a date outside the calendar's range is refused. Every division in the file is imported.\n");
    sub.add_option("FILE", a->file, "A file in GOV.UK's bank-holidays.json format")->required();
    sub.add_flag("--replace", a->replace, "Import even when the file removes bank holidays now in force");
    sub.callback([&ctx, &sub, a] { import_feed(ctx, sub, *a); });
}

// The leaves of `cspr calendar`, set up under it by app.cpp; their formats are declared here only.
constexpr Command kCalendarCommands[] = {
    {"holidays", "List bank holidays", setup_holidays, {"table", "json", "csv"}},
    {"add", "Print the date N working days after DATE (before it when N is negative)", setup_add, {"table", "json"}},
    {"between", "Print the number of working days in (DATE1, DATE2]", setup_between, {"table", "json"}},
    {"is-working-day", "Print yes or no; exit 0 for yes, 1 for no", setup_is_working_day, {"table", "json"}},
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
