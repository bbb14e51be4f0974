// cspr stats: timeliness per year as the Panel's annual report counts it: notifications to the Panel,
// rapid reviews, reports published, each within its rule's timescale (the engine's, after any
// cspr.yaml override). The year is that of the day the clock started.
#include <fmt/format.h>

#include <map>
#include <memory>

#include "app.hpp"

namespace cspr::cli {

namespace {

struct Measure {
    std::string_view rule;
    std::string_view subject;  // "" for any
    std::string_view counted;  // what is counted; the figure comes from the rule
    std::string_view from;     // what the figure counts from, when the reader needs telling
};

constexpr Measure kMeasures[] = {
    {"notify-panel", "panel", "notifications to the Panel", ""},
    {"rapid-review", "", "rapid reviews to the Panel", ""},
    {"publish", "", "reports published", " of the decision"},
};

std::string label(const Measure& m, const model::Config& config) {
    const rules::Rule* rule = rules::find_rule(m.rule);
    return fmt::format("{} within {}{}", m.counted, rules::describe_timescale(*rule, config), m.from);
}

struct Tally {
    int on_time = 0, late = 0, overdue = 0, open = 0, paused = 0;
    std::string percent() const {
        const int decided = on_time + late + overdue;
        return decided == 0 ? "-" : fmt::format("{}%", (on_time * 100 + decided / 2) / decided);
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

void run_stats(Context& ctx, std::optional<int> year) {
    const auto& format = ctx.format();
    const auto folder = ctx.open_folder();
    const auto cal = ctx.calendar(folder.config.region);
    std::map<std::pair<int, std::size_t>, Tally> tallies;
    for (const auto& loaded : store::load_cases(folder, store::list_case_ids(folder), store::Diagnostics::Mode::strict)) {
        const auto& c = loaded.value;
        for (const auto& d : rules::case_deadlines(c, folder.config, cal, ctx.today())) {
            for (std::size_t m = 0; m < std::size(kMeasures); ++m) {
                if (d.rule->id != kMeasures[m].rule || d.status == rules::Status::not_applicable) continue;
                if (!kMeasures[m].subject.empty() && d.subject != kMeasures[m].subject) continue;
                const int y = static_cast<int>(date::year_month_day{d.start.day}.year());
                if (!year || *year == y) count(tallies[{y, m}], d);
            }
        }
    }
    std::vector<std::vector<std::string>> rows = {{"YEAR", "MEASURE", "ON TIME", "LATE", "OVERDUE", "OPEN", "PAUSED", "TIMELY"}};
    for (const auto& [key, t] : tallies)
        rows.push_back({std::to_string(key.first), label(kMeasures[key.second], folder.config), std::to_string(t.on_time),
                        std::to_string(t.late), std::to_string(t.overdue), std::to_string(t.open), std::to_string(t.paused),
                        t.percent()});
    if (format == "csv") {
        ctx.out << "year,measure,on_time,late,overdue,open,paused,timely\n";
        for (std::size_t i = 1; i < rows.size(); ++i) {
            auto r = rows[i];
            ctx.out << fmt::format("{},{},{},{},{},{},{},{}\n", r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7] == "-" ? "" : r[7]);
        }
        return;
    }
    if (rows.size() == 1) {
        ctx.out << "nothing to count" << (year ? " in " + std::to_string(*year) : std::string()) << "\n";
        return;
    }
    ctx.out << format_table(rows);
    ctx.out << "TIMELY: on time / (on time + late + overdue); open and paused clocks are not counted; a clock paused only\n"
               "after its due date, or recorded as not done, is late\n";
}

}  // namespace

void setup_stats(CLI::App& sub, Context& ctx) {
    auto year = std::make_shared<std::optional<int>>();
    sub.add_option("--year", *year, "Only this year (the year each clock started)");
    add_examples(sub, R"(  cspr stats
  cspr stats --year 2025 --format csv)");
    sub.callback([&ctx, year] { run_stats(ctx, *year); });
}

}  // namespace cspr::cli
