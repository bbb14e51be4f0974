// cspr dev-generate (hidden): writes N realistic, fictional cases with every step file, for the
// benchmark. Deterministic for a given seed.
#include <fmt/format.h>

#include <memory>
#include <random>

#include "app.hpp"

namespace cspr::cli {

namespace {

constexpr const char* kFirst[] = {"Robin", "Casey",  "Morgan", "Jamie", "Riley",
                                  "Sky",   "Taylor", "Quinn",  "Rowan", "Ash"};
constexpr const char* kLast[] = {"Example",   "Sample", "Placeholder", "Fictitious",
                                 "Imaginary", "Madeup", "Invented",    "Notreal"};
constexpr const char* kAgencies[] = {"Northdale Police", "Northdale Health Visiting", "Northdale Primary School",
                                     "Northdale Children's Social Care", "Northdale Hospital Trust"};

struct Generator {
    std::mt19937 rng;
    int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); }
    bool chance(int percent) { return pick(100) < percent; }
    std::string name() { return std::string(kFirst[pick(10)]) + " " + kLast[pick(8)]; }
};

model::Case make_case(Generator& g, const calendar::Calendar& cal, const std::string& id, calendar::Date received) {
    model::Case c;
    c.id = id;
    model::Referral r;
    r.id = id;
    r.received = calendar::DateTime{received} + std::chrono::hours{9 + g.pick(8)};
    r.confirmed_in_writing = r.received + std::chrono::hours{2 + g.pick(60)};
    r.referrer = {g.name(), kAgencies[g.pick(5)], "Designated Safeguarding Lead", "duty@example.org", {}};
    const bool died = g.chance(40);
    r.child.name = g.name();
    r.child.date_of_birth = received - date::days{400 + g.pick(5000)};
    r.child.incident_date = received - date::days{1 + g.pick(3)};
    if (died) r.child.date_of_death = r.child.incident_date;
    r.child.home_address =
        fmt::format("{} Example Row, Northdale, ND{} {}AB", 1 + g.pick(90), 1 + g.pick(9), 1 + g.pick(9));
    r.child.child_protection_plan = static_cast<model::CpPlan>(g.pick(4));
    r.child.looked_after = g.chance(10);
    r.family = {{g.name(), "mother", std::nullopt, r.child.home_address, "", "", {}},
                {g.name(), "father", std::nullopt, "", "", "", {}}};
    r.agencies = {{g.name(), kAgencies[g.pick(5)], "", true, {}}};
    r.criteria = {died ? "died-abuse-neglect" : "life-threatening-injury", "cp-plan"};
    r.narrative = "A fictional incident, generated for the benchmark.\nNo real child or family is described.\n";
    c.referral = r;

    model::Notification n;
    n.id = id;
    n.aware = received;
    n.test = {model::AbuseOrNeglect::suspected,
              died ? model::Harm::died : model::Harm::seriously_harmed,
              model::Location::in_area,
              r.child.looked_after,
              false,
              {}};
    const auto decision = rules::decide_notification(n.test);
    n.notifiable = decision.notifiable;
    n.reasons = decision.reasons;
    for (const auto* who : decision.who)
        n.recipients.push_back({std::string(who->id),
                                std::string(who->rule),
                                calendar::add_working_days(cal, received, 1 + g.pick(6)),
                                {}});
    c.notification = n;
    const calendar::Date panel = n.recipients.front().sent.value();

    model::RapidReview rr;
    rr.id = id;
    for (const char* agency : kAgencies)
        rr.returns.push_back({agency, panel, panel + date::days{5}, "Known to the service.", {}});
    rr.meeting = calendar::add_working_days(cal, panel, 10);
    rr.facts = "Fictional facts.";
    rr.recommended_route = g.chance(60) ? model::Route::local_cspr : model::Route::single_agency_review;
    for (auto& s : rr.sign_off) s = {g.name(), rr.meeting, {}};
    rr.sent_to_panel = calendar::add_working_days(cal, panel, 12 + g.pick(6));
    c.rapid_review = rr;

    model::Decision d;
    d.id = id;
    d.date = *rr.sent_to_panel;
    d.outcome = *rr.recommended_route;
    for (auto& a : d.criteria) a = {g.chance(50), "Considered by the partners.", {}};
    for (auto& a : d.circumstances) a = {g.chance(20), "Considered by the partners.", {}};
    d.rationale = "The partners' fictional rationale.";
    for (auto& s : d.decided_by) s = {g.name(), std::nullopt, {}};
    d.family_told = d.date + date::days{3};
    if (d.outcome == model::Route::local_cspr) {
        d.reviewers = {{g.name(), "None declared.", {}}};
        d.informed_panel = d.informed_ofsted = d.informed_dfe = calendar::add_working_days(cal, d.date, 1 + g.pick(6));
    }
    c.decision = d;

    if (d.outcome == model::Route::local_cspr) {
        model::Publication p;
        p.id = id;
        p.publish_on = calendar::add_months(d.date, 5 + g.pick(2));
        p.copy_panel = p.copy_secretary_of_state = p.copy_ofsted = calendar::add_working_days(cal, *p.publish_on, -8);
        if (g.chance(50)) p.published = p.publish_on;
        c.publication = p;
        model::Actions actions{id, {}, {}};
        for (int i = 1; i <= 3; ++i) {
            model::Action a;
            a.ref = "R" + std::to_string(i);
            a.recommendation = "A fictional recommendation.";
            a.owner = kAgencies[g.pick(5)];
            a.due = *p.publish_on + date::days{60 * i};
            a.status = g.chance(50) ? model::ActionStatus::done : model::ActionStatus::open;
            if (a.status == model::ActionStatus::done) a.completed = a.due - date::days{10};
            actions.actions.push_back(a);
        }
        c.actions = actions;
    }
    return c;
}

void write_case(const store::CaseFolder& folder, const model::Case& c) {
    const auto dir = store::case_path(folder, c.id);
    store::write_case_file(folder, dir / store::kReferralFile, store::format_referral(*c.referral));
    store::write_case_file(folder, dir / store::kNotificationFile, store::format_notification(*c.notification));
    store::write_case_file(folder, dir / store::kRapidReviewFile, store::format_rapid_review(*c.rapid_review));
    store::write_case_file(folder, dir / store::kDecisionFile, store::format_decision(*c.decision));
    if (c.publication)
        store::write_case_file(folder, dir / store::kPublicationFile, store::format_publication(*c.publication));
    if (c.actions) store::write_case_file(folder, dir / store::kActionsFile, store::format_actions(*c.actions));
}

void run_generate(Context& ctx, int count, unsigned seed, const std::string& dir) {
    std::error_code ec;
    if (!store::fs::exists(store::fs::path(dir) / store::kCaseFolderMarker, ec))
        store::init_case_folder(dir, {"Northdale Safeguarding Children Partnership",
                                      "NDSCP",
                                      "Northdale Council",
                                      calendar::kDefaultRegion,
                                      false,
                                      {},
                                      {},
                                      {}});
    const auto folder = store::open_case_folder(dir);
    const auto cal = ctx.calendar(folder.config.region);
    Generator g{std::mt19937(seed)};
    std::map<int, int> numbers;
    for (int i = 0; i < count; ++i) {
        const calendar::Date received =
            calendar::working_day_on_or_after(cal, calendar::Date{date::year{2023} / 1 / 9} + date::days{g.pick(1000)});
        const int year = static_cast<int>(date::year_month_day{received}.year());
        const std::string id = fmt::format("NDSCP-{}-{:04}", year, ++numbers[year]);
        write_case(folder, make_case(g, cal, id, received));
    }
    ctx.out << "generated " << count << " cases in " << dir << "\n";
}

}  // namespace

void setup_dev_generate(CLI::App& sub, Context& ctx) {
    auto count = std::make_shared<int>(1000);
    auto seed = std::make_shared<unsigned>(1);
    auto dir = std::make_shared<std::string>();
    sub.group("");  // hidden: a developer's tool for the benchmark
    sub.add_option("DIR", *dir, "Case folder to fill (created if needed)")->required();
    sub.add_option("-n,--count", *count, "How many cases");
    sub.add_option("--seed", *seed, "Random seed");
    add_examples(sub, "  cspr dev-generate /tmp/bench --count 10000\n");
    sub.callback([&ctx, count, seed, dir] { run_generate(ctx, *count, *seed, *dir); });
}

}  // namespace cspr::cli
