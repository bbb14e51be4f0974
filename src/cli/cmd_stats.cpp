// cspr stats: timeliness per year for every rule, as the Panel's and DfE's figures count it: each
// clock within its rule's timescale (the engine's, after any cspr.yaml override), by the year the
// clock started. The year is the reporting year, 1 April to 31 March, unless --year calendar.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>

#include "app.hpp"
#include "json_writer.hpp"

namespace cspr::cli {

namespace {

// Which years, and which one only: --year reporting (the default), calendar, 2025 or 2025-26.
struct YearChoice {
    bool reporting = true;
    std::optional<int> only;  // the first calendar year of the one year to count
};

YearChoice parse_year(const std::string& text) {
    if (text == "reporting") return {};
    if (text == "calendar") return {false, std::nullopt};
    const auto digits = [&](std::size_t from, std::size_t n) {
        return text.size() >= from + n && text.find_first_not_of("0123456789", from) >= from + n;
    };
    if (text.size() == 4 && digits(0, 4)) return {false, std::stoi(text)};
    if (text.size() == 7 && digits(0, 4) && text[4] == '-' && digits(5, 2)) {
        const int first = std::stoi(text.substr(0, 4));
        if ((first + 1) % 100 == std::stoi(text.substr(5, 2))) return {true, first};
    }
    throw Error("'" + text +
                    "' is not a year: give reporting (1 April to 31 March, the default), calendar, "
                    "a calendar year (2025) or a reporting year (2025-26)",
                {.field = "--year"});
}

// The first calendar year of the year `day` falls in.
int year_of(calendar::Date day, bool reporting) {
    const date::year_month_day ymd{day};
    const int y = static_cast<int>(ymd.year());
    return reporting && ymd.month() < date::April ? y - 1 : y;
}

std::string year_label(int first, bool reporting) {
    return reporting ? fmt::format("{}-{:02}", first, (first + 1) % 100) : std::to_string(first);
}

struct Tally {
    int on_time = 0, late = 0, overdue = 0, open = 0, paused = 0;
    // On time as a whole percentage of the clocks decided (on time, late, overdue); none when none is.
    std::optional<int> timely() const {
        const int decided = on_time + late + overdue;
        if (decided == 0) return std::nullopt;
        return (on_time * 100 + decided / 2) / decided;
    }
    std::string percent() const {
        const auto t = timely();
        return t ? fmt::format("{}%", *t) : "-";
    }
};

// A deadline missed is counted late whatever its status now (a delay told after the due date).
void count(Tally& t, const rules::Deadline& d) {
    if (d.late && d.status != rules::Status::overdue) {
        ++t.late;
        return;
    }
    switch (d.status) {
        case rules::Status::met: ++t.on_time; break;
        case rules::Status::met_late: ++t.late; break;
        case rules::Status::overdue: ++t.overdue; break;
        case rules::Status::paused: ++t.paused; break;
        default: ++t.open;
    }
}

// Calls fn(year, deadline) for every deadline of every case that started in the years chosen: every
// rule with a deadline, but the periods (a report kept available), which are met by running out.
template <class F>
void for_each_counted(Context& ctx, const store::CaseFolder& folder, const YearChoice& years, F&& fn) {
    // A case that cannot be read is named on stderr and left out (exit 2), as deadlines does.
    for (const auto& report :
         report_cases(ctx, folder, store::list_case_ids(folder), ctx.calendar(folder.config.region))) {
        for (const auto& d : report.deadlines) {
            // Another body's duty (a notifying authority's) is not the partnership's figure.
            if (d.status == rules::Status::not_applicable || d.rule->period || !d.duty.empty()) continue;
            const int y = year_of(d.start.day, years.reporting);
            if (!years.only || *years.only == y) fn(y, d);
        }
    }
}

// Tallies by (year, the rule's place in the table).
std::map<std::pair<int, std::size_t>, Tally> tally(Context& ctx, const store::CaseFolder& folder,
                                                   const YearChoice& years) {
    const auto table = rules::rule_table();
    std::map<std::pair<int, std::size_t>, Tally> tallies;
    for_each_counted(ctx, folder, years, [&](int y, const rules::Deadline& d) {
        count(tallies[{y, static_cast<std::size_t>(d.rule - table.data())}], d);
    });
    return tallies;
}

// Late steps (met late, overdue, missed, paused late) by (year, reason): "no reason recorded" when none.
std::map<std::pair<int, std::string>, int> tally_reasons(Context& ctx, const store::CaseFolder& folder,
                                                         const YearChoice& years) {
    std::map<std::pair<int, std::string>, int> tallies;
    for_each_counted(ctx, folder, years, [&](int y, const rules::Deadline& d) {
        if (d.late && !rules::informational(d))  // the Panel's timescale needs no reason of ours
            ++tallies[{y, d.late_reason.empty() ? "no reason recorded" : d.late_reason}];
    });
    return tallies;
}

void print_rows(Context& ctx, const std::vector<std::vector<std::string>>& rows, const YearChoice& years) {
    if (ctx.format() == "csv") {
        std::string header;
        for (const auto& cell : rows[0]) {
            std::string name = cell;
            std::replace(name.begin(), name.end(), ' ', '_');
            for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            header += (header.empty() ? "" : ",") + name;
        }
        ctx.out << csv_start(ctx) << header << "\n";
        for (std::size_t i = 1; i < rows.size(); ++i) {
            std::string line;
            for (std::size_t j = 0; j < rows[i].size(); ++j)
                line += (j ? "," : "") + (rows[i][j] == "-" ? std::string() : csv_field(rows[i][j]));
            ctx.out << line << "\n";
        }
        return;
    }
    if (rows.size() == 1) {
        ctx.out << "nothing to count"
                << (years.only ? " in " + year_label(*years.only, years.reporting) : std::string()) << "\n";
        return;
    }
    ctx.out << format_table(rows);
    ctx.out << (years.reporting ? "YEAR: 1 April to 31 March, by the day each clock started or an action is due "
                                  "(--year calendar for calendar years)\n"
                                : "YEAR: the calendar year each clock started or an action is due\n");
}

void run_reasons(Context& ctx, const store::CaseFolder& folder, const YearChoice& years) {
    std::vector<std::vector<std::string>> rows = {{"YEAR", "REASON", "LATE STEPS"}};
    for (const auto& [key, n] : tally_reasons(ctx, folder, years))
        rows.push_back({year_label(key.first, years.reporting), key.second, std::to_string(n)});
    print_rows(ctx, rows, years);
    if (ctx.format() != "csv" && rows.size() > 1)
        ctx.out << "LATE STEPS: met late, overdue, missed, or paused only after the due date; reasons are recorded "
                   "with 'cspr late'\n";
}

constexpr int kStatsFormatVersion = 1;

// One document whatever the options: the options it was made with, then one row per line of the table.
void print_json(Context& ctx, const store::CaseFolder& folder, const YearChoice& years, const std::string& by,
                Json rows) {
    Json doc = report_document("cspr-stats", kStatsFormatVersion, ctx.today());
    doc.add("partnership", folder.config.code).add("by", by);
    doc.add("years", years.reporting ? "reporting" : "calendar");
    doc.add("only", years.only ? Json(year_label(*years.only, years.reporting)) : Json());
    doc.add("rows", std::move(rows));
    ctx.out << doc.dump();
}

Json rule_rows_json(Context& ctx, const store::CaseFolder& folder, const YearChoice& years) {
    const auto table = rules::rule_table();
    Json rows = Json::array();
    for (const auto& [key, t] : tally(ctx, folder, years)) {
        const rules::Rule& rule = table[key.second];
        const auto timely = t.timely();
        rows.push(Json::object()
                      .add("year", year_label(key.first, years.reporting))
                      .add("rule", rule.id)
                      .add("within", rules::describe_timescale(rule, folder.config))
                      .add("on_time", t.on_time)
                      .add("late", t.late)
                      .add("overdue", t.overdue)
                      .add("open", t.open)
                      .add("paused", t.paused)
                      .add("timely", timely ? Json(*timely) : Json()));
    }
    return rows;
}

Json reason_rows_json(Context& ctx, const store::CaseFolder& folder, const YearChoice& years) {
    Json rows = Json::array();
    for (const auto& [key, n] : tally_reasons(ctx, folder, years))
        rows.push(Json::object()
                      .add("year", year_label(key.first, years.reporting))
                      .add("reason", key.second)
                      .add("late_steps", n));
    return rows;
}

void run_stats(Context& ctx, const std::string& year_text, const std::string& by) {
    refuse_excel_unless_csv(ctx);
    const YearChoice years = parse_year(year_text);
    if (by != "rule" && by != "reason") throw Error("'" + by + "' is not rule or reason", {.field = "--by"});
    const auto folder = ctx.open_folder();
    if (ctx.format() == "json")
        return print_json(ctx, folder, years, by,
                          by == "reason" ? reason_rows_json(ctx, folder, years) : rule_rows_json(ctx, folder, years));
    if (by == "reason") return run_reasons(ctx, folder, years);
    const auto table = rules::rule_table();
    std::vector<std::vector<std::string>> rows = {
        {"YEAR", "RULE", "WITHIN", "ON TIME", "LATE", "OVERDUE", "OPEN", "PAUSED", "TIMELY"}};
    for (const auto& [key, t] : tally(ctx, folder, years)) {
        const rules::Rule& rule = table[key.second];
        rows.push_back({year_label(key.first, years.reporting), std::string(rule.id),
                        rules::describe_timescale(rule, folder.config), std::to_string(t.on_time),
                        std::to_string(t.late), std::to_string(t.overdue), std::to_string(t.open),
                        std::to_string(t.paused), t.percent()});
    }
    print_rows(ctx, rows, years);
    if (ctx.format() == "csv" || rows.size() == 1) return;
    ctx.out << "TIMELY: on time / (on time + late + overdue); open and paused clocks are not counted; a clock paused "
               "only\n"
               "after its due date, or recorded as not done, is late\n";
}

}  // namespace

void setup_stats(CLI::App& sub, Context& ctx) {
    auto year = std::make_shared<std::string>("reporting");
    auto by = std::make_shared<std::string>("rule");
    add_excel_flag(sub, ctx);
    sub.add_option("--year", *year,
                   "reporting (1 April to 31 March, as the Panel's and DfE's figures; the default), calendar, or one "
                   "year only: 2025-26 (a reporting year) or 2025 (a calendar year)");
    sub.add_option("--by", *by,
                   "rule (timeliness of each rule; the default) or reason (late steps by the reason recorded with "
                   "'cspr late')");
    add_examples(sub, R"(  cspr stats
  cspr stats --year 2025-26 --format csv
  cspr stats --year calendar
  cspr stats --by reason
  cspr stats --format json | jq '.rows[] | select(.timely != null and .timely < 100)'

A case with a file cspr cannot read is left out and named on stderr (one line per bad file), and
the exit code is 2: the figures count every other case.)");
    sub.callback([&ctx, year, by] { run_stats(ctx, *year, *by); });
}

}  // namespace cspr::cli
