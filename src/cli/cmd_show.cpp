// cspr show: one case — what is recorded, which steps are done, the deadlines that follow.
#include <fmt/format.h>

#include <map>
#include <memory>

#include "amend.hpp"
#include "app.hpp"
#include "next_step.hpp"

namespace cspr::cli {

// show_json.cpp: the case as one JSON document (schemas/show.schema.json).
void print_show_json(Context& ctx, const model::Case& c, const std::vector<rules::Deadline>& deadlines);

namespace {

constexpr std::string_view kHidden = "(hidden; --show-names shows it)";

// Personal text on a line of its own: a dash when there is none, else the value or kHidden. Text
// read from a case file never reaches the terminal with its control bytes (terminal_safe).
std::string shown(const Context& ctx, const std::string& value) {
    if (value.empty()) return "-";
    const auto text = personal(ctx, value);
    return text ? terminal_safe(*text) : std::string(kHidden);
}

void show_referral(Context& ctx, const model::Referral& r) {
    const auto& c = r.child;
    ctx.out << "Referral\n";
    ctx.out << fmt::format("  received      {} from {} ({})\n", calendar::format_london_datetime(r.received),
                           terminal_safe(r.referrer.agency), terminal_safe(r.referrer.role));
    ctx.out << fmt::format("  confirmed     {}\n",
                           r.confirmed_in_writing
                               ? calendar::format_london_datetime(*r.confirmed_in_writing) + " in writing"
                               : std::string("not yet in writing"));
    ctx.out << fmt::format("  child         {}\n", shown(ctx, c.name));
    // Dates: a hidden date of birth leaves its line out; a hidden date of death says only "yes".
    const auto born = c.date_of_birth ? personal(ctx, calendar::format_iso_date(*c.date_of_birth)) : std::nullopt;
    if (born) ctx.out << "  born          " << *born << "\n";
    ctx.out << fmt::format("  incident      {}\n", calendar::format_iso_date(c.incident_date));
    const auto died = c.date_of_death ? personal(ctx, calendar::format_iso_date(*c.date_of_death)) : std::nullopt;
    ctx.out << fmt::format("  died          {}\n", died ? *died : c.date_of_death ? "yes" : "no");
    ctx.out << fmt::format("  looked after  {}\n", c.looked_after ? "yes" : "no");
    ctx.out << fmt::format("  CP plan       {}\n", model::cp_plan_name(c.child_protection_plan));
    for (std::size_t i = 0; i < r.other_children.size(); ++i) {  // one incident, several children
        const auto& o = r.other_children[i];
        ctx.out << fmt::format("  child {}       {}; died {}; looked after {}\n", i + 2, shown(ctx, o.name),
                               o.date_of_death ? "yes" : "no", o.looked_after ? "yes" : "no");
    }
    ctx.out << fmt::format("  family        {} recorded\n", r.family.size());
    ctx.out << fmt::format("  agencies      {} recorded\n", r.agencies.size());
    ctx.out << "  criteria     ";
    if (r.criteria.empty()) ctx.out << " none";
    for (const auto& id : r.criteria) {
        const auto* c = model::find_criterion(id);
        ctx.out << " " << id << (c && c->must_notify ? " (must notify)" : "");
    }
    ctx.out << "\n";
}

std::string date_or_dash(const std::optional<calendar::Date>& d) { return d ? calendar::format_iso_date(*d) : "-"; }

void show_notifying_la(Context& ctx, const model::NotifyingLa& la) {
    ctx.out << fmt::format("  notifying LA  {}: aware {}, notified the Panel {}, rapid review sent {}\n",
                           terminal_safe(la.name), calendar::format_iso_date(la.aware), date_or_dash(la.notified),
                           date_or_dash(la.rapid_review_sent));
    for (const auto& c : la.contributions)
        ctx.out << fmt::format("  contribution  {}: asked {}, sent {}\n", terminal_safe(c.agency),
                               date_or_dash(c.asked), date_or_dash(c.sent));
}

void show_notification(Context& ctx, const model::Notification& n) {
    ctx.out << "Notification\n";
    ctx.out << fmt::format("  aware         {}\n", calendar::format_iso_date(n.aware));
    ctx.out << fmt::format("  test          abuse or neglect {}; {}; {}; looked after {}{}\n",
                           model::abuse_name(n.test.abuse_or_neglect), model::harm_name(n.test.harm),
                           model::location_name(n.test.location), n.test.looked_after ? "yes" : "no",
                           n.test.care_leaver ? "; care leaver" : "");
    for (std::size_t i = 0; i < n.test.other_children.size(); ++i) {
        const auto& o = n.test.other_children[i];
        ctx.out << fmt::format("  child {}       {}; looked after {}{}\n", i + 2, model::harm_name(o.harm),
                               o.looked_after ? "yes" : "no", o.care_leaver ? "; care leaver" : "");
    }
    const std::string decision =
        n.notifiable     ? "notifiable to the Panel"
        : n.notifying_la ? terminal_safe(n.notifying_la->name) + " notifies the Panel and leads the rapid review"
                         : "not notifiable to the Panel";
    ctx.out << fmt::format("  decision      {}\n", decision);
    for (const auto& reason : n.reasons) ctx.out << "                - " << terminal_safe(reason) << "\n";
    if (!n.home_la.empty())
        ctx.out << fmt::format("  home area     {} (its safeguarding partners decide on a local review)\n",
                               terminal_safe(n.home_la));
    if (n.notifying_la) show_notifying_la(ctx, *n.notifying_la);
    if (!n.not_notifiable_route.empty()) ctx.out << "  route         " << terminal_safe(n.not_notifiable_route) << "\n";
}

void show_rapid_review(Context& ctx, const model::RapidReview& r) {
    std::size_t back = 0;
    for (const auto& x : r.returns) back += x.returned ? 1 : 0;
    ctx.out << "Rapid review\n";
    ctx.out << fmt::format("  returns       {} requested, {} returned\n", r.returns.size(), back);
    ctx.out << fmt::format("  meeting       {}\n", date_or_dash(r.meeting));
    ctx.out << fmt::format("  route         {}{}\n",
                           r.recommended_route ? model::route_name(*r.recommended_route) : "-",
                           r.national_importance ? "; may be of national importance" : "");
    std::string signed_by;
    for (model::Partner p : model::kPartners)
        if (r.sign_off[static_cast<std::size_t>(p)].date)
            signed_by += (signed_by.empty() ? "" : ", ") + std::string(model::partner_key(p));
    ctx.out << fmt::format("  signed off    {}{}\n", signed_by.empty() ? "-" : signed_by,
                           model::is_complete(r) ? " (complete)" : "");
    ctx.out << fmt::format("  to the Panel  {}\n", date_or_dash(r.sent_to_panel));
    if (!r.amendments.empty())
        ctx.out << fmt::format("  amended       {}\n", amended_text(r.amendments));  // never the reason
}

void show_panel_response(Context& ctx, const model::PanelResponse& p) {
    std::size_t answered = 0;
    for (const auto& r : p.requests) answered += r.answered ? 1 : 0;
    ctx.out << "Panel's response\n";
    ctx.out << fmt::format("  received      {}: {}\n", calendar::format_iso_date(p.received), model::name_of(p.says));
    if (!p.requests.empty())
        ctx.out << fmt::format("  requests      {} asked, {} answered\n", p.requests.size(), answered);
    if (p.national_review)
        ctx.out << fmt::format("  national      review decided by the Panel on {} (its report is the Panel's)\n",
                               calendar::format_iso_date(p.national_review->decided));
    if (!p.note.empty()) ctx.out << fmt::format("  note          {}\n", shown(ctx, p.note));
}

void show_decision(Context& ctx, const model::Decision& d) {
    ctx.out << "Decision\n";
    ctx.out << fmt::format("  decided       {} on {}{}\n", model::route_name(d.outcome),
                           calendar::format_iso_date(d.date), d.unanimous ? ", unanimously" : ", not unanimously");
    std::string applies;
    for (std::size_t i = 0; i < d.criteria.size(); ++i)
        if (d.criteria[i].applies)
            applies += (applies.empty() ? "" : ", ") + std::string(model::decision_criteria()[i].key);
    ctx.out << fmt::format("  criteria met  {}\n", applies.empty() ? "none" : applies);
    ctx.out << fmt::format("  family told   {}\n", date_or_dash(d.family_told));
    if (!d.reviewers.empty()) ctx.out << fmt::format("  reviewers     {}\n", d.reviewers.size());
    if (d.outcome == model::Route::local_cspr)
        ctx.out << fmt::format("  informed      Panel {}, Ofsted {}, DfE {}\n", date_or_dash(d.informed_panel),
                               date_or_dash(d.informed_ofsted), date_or_dash(d.informed_dfe));
    if (!d.amendments.empty()) ctx.out << fmt::format("  amended       {}\n", amended_text(d.amendments));
}

void show_publication(Context& ctx, const model::Publication& p) {
    ctx.out << "Publication\n";
    ctx.out << fmt::format("  planned       {}{}\n", date_or_dash(p.publish_on),
                           p.full_report ? "" : " (improvements information only)");
    ctx.out << fmt::format("  copies sent   Panel {}, Secretary of State {}, Ofsted {}\n", date_or_dash(p.copy_panel),
                           date_or_dash(p.copy_secretary_of_state), date_or_dash(p.copy_ofsted));
    if (p.delay)
        ctx.out << fmt::format("  delay         {}; Panel and Secretary of State told {}\n",
                               model::delay_name(p.delay->reason), date_or_dash(p.delay->panel_and_sos_told));
    // The delay's note is free text, which may name people: like names, only with --show-names.
    if (p.delay && !p.delay->note.empty()) ctx.out << fmt::format("  delay note    {}\n", shown(ctx, p.delay->note));
    ctx.out << fmt::format("  published     {}\n", date_or_dash(p.published));
    if (!p.amendments.empty()) ctx.out << fmt::format("  amended       {}\n", amended_text(p.amendments));
}

void show_actions(Context& ctx, const model::Actions& a) {
    std::map<std::string_view, int> by_status;
    for (const auto& x : a.actions) ++by_status[model::action_status_name(x.status)];
    std::string summary;
    for (const auto& [status, n] : by_status)
        summary += (summary.empty() ? "" : ", ") + std::to_string(n) + " " + std::string(status);
    ctx.out << "Actions\n"
            << fmt::format("  recorded      {}{}\n", a.actions.size(), summary.empty() ? "" : " (" + summary + ")");
}

void run_show(Context& ctx, const std::string& id) {
    const auto folder = ctx.open_folder();
    store::Diagnostics strict;
    const auto c = store::load_case(folder, id, strict);
    if (ctx.format() == "json")
        return print_show_json(ctx, c,
                               rules::case_deadlines(c, folder.config, ctx.calendar(folder.config.region),
                                                     ctx.today()));
    ctx.out << c.id << " (" << model::current_step(c) << ")\n";
    const auto done = [](bool b) { return b ? "done" : "-"; };
    ctx.out << fmt::format("Steps: refer {}, notify {}, rapid-review {}, decide {}, publish {}, actions {}\n",
                           done(c.referral.has_value()), done(c.notification.has_value()),
                           done(c.rapid_review && c.rapid_review->sent_to_panel), done(c.decision.has_value()),
                           done(c.publication && c.publication->published), c.actions ? "recorded" : "-");
    if (const auto next = next_step(c)) ctx.out << "next: " << next->command << "\n";
    if (c.referral) show_referral(ctx, *c.referral);
    if (c.notification) show_notification(ctx, *c.notification);
    if (c.rapid_review) show_rapid_review(ctx, *c.rapid_review);
    if (c.panel_response) show_panel_response(ctx, *c.panel_response);
    if (c.decision) show_decision(ctx, *c.decision);
    if (c.publication) show_publication(ctx, *c.publication);
    if (c.actions) show_actions(ctx, *c.actions);
    const auto deadlines = rules::case_deadlines(c, folder.config, ctx.calendar(folder.config.region), ctx.today());
    ctx.out << "Deadlines (as of " << calendar::format_iso_date(ctx.today()) << ")\n";
    if (deadlines.empty()) ctx.out << "  none\n";
    else print_deadline_table(ctx.out, deadlines);
}

}  // namespace

void setup_show(CLI::App& sub, Context& ctx) {
    auto id = std::make_shared<std::string>();
    sub.add_option("ID", *id, "The case, e.g. NDSCP-2025-001")->required();
    sub.add_flag("--show-names", ctx.show_names, "Show the child's name and dates (hidden by default)");
    add_examples(sub, R"(  cspr show NDSCP-2025-001
  cspr --as-of 2025-03-12 show NDSCP-2025-001
  cspr show NDSCP-2025-001 --show-names       # personal details too
  cspr show NDSCP-2025-001 --format json | jq '.deadlines[] | select(.status == "overdue")'

JSON: schemas/show.schema.json; names, dates of birth and death and free-text notes read
{"hidden": true} unless --show-names.)");
    sub.callback([&ctx, id] { run_show(ctx, *id); });
}

}  // namespace cspr::cli
