// cspr show: one case — what is recorded, which steps are done, the deadlines that follow.
#include <fmt/format.h>

#include <memory>

#include "app.hpp"

namespace cspr::cli {

namespace {

constexpr std::string_view kHidden = "(hidden; --show-names shows it)";

std::string personal(const Context& ctx, const std::string& value) {
    if (value.empty()) return "-";
    return ctx.show_names ? value : std::string(kHidden);
}

void show_referral(Context& ctx, const model::Referral& r) {
    const auto& c = r.child;
    ctx.out << "Referral\n";
    ctx.out << fmt::format("  received      {} from {} ({})\n", calendar::format_london_datetime(r.received),
                           r.referrer.agency, r.referrer.role);
    ctx.out << fmt::format("  confirmed     {}\n", r.confirmed_in_writing ? calendar::format_london_datetime(*r.confirmed_in_writing) + " in writing"
                                                                          : std::string("not yet in writing"));
    ctx.out << fmt::format("  child         {}\n", personal(ctx, c.name));
    if (ctx.show_names && c.date_of_birth) ctx.out << "  born          " << calendar::format_iso_date(*c.date_of_birth) << "\n";
    ctx.out << fmt::format("  incident      {}\n", calendar::format_iso_date(c.incident_date));
    ctx.out << fmt::format("  died          {}\n", c.date_of_death ? (ctx.show_names ? calendar::format_iso_date(*c.date_of_death) : "yes")
                                                                   : "no");
    ctx.out << fmt::format("  looked after  {}\n", c.looked_after ? "yes" : "no");
    ctx.out << fmt::format("  CP plan       {}\n", model::cp_plan_name(c.child_protection_plan));
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

void show_notification(Context& ctx, const model::Notification& n) {
    ctx.out << "Notification\n";
    ctx.out << fmt::format("  aware         {}\n", calendar::format_iso_date(n.aware));
    ctx.out << fmt::format("  test          abuse or neglect {}; {}; {}; looked after {}{}\n", model::abuse_name(n.test.abuse_or_neglect),
                           model::harm_name(n.test.harm), model::location_name(n.test.location), n.test.looked_after ? "yes" : "no",
                           n.test.care_leaver ? "; care leaver" : "");
    ctx.out << fmt::format("  decision      {}\n", n.notifiable ? "notifiable to the Panel" : "not notifiable to the Panel");
    for (const auto& reason : n.reasons) ctx.out << "                - " << reason << "\n";
    if (!n.not_notifiable_route.empty()) ctx.out << "  route         " << n.not_notifiable_route << "\n";
}

void run_show(Context& ctx, const std::string& id) {
    ctx.format({"table"});
    const auto folder = ctx.open_folder();
    store::Diagnostics strict;
    const auto c = store::load_case(folder, id, strict);
    ctx.out << c.id << " (" << model::current_step(c) << ")\n";
    const auto done = [](bool b) { return b ? "done" : "-"; };
    ctx.out << fmt::format("Steps: refer {}, notify {}\n", done(c.referral.has_value()), done(c.notification.has_value()));
    if (c.referral) show_referral(ctx, *c.referral);
    if (c.notification) show_notification(ctx, *c.notification);
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
  cspr show NDSCP-2025-001 --show-names       # personal details too)");
    sub.callback([&ctx, id] { run_show(ctx, *id); });
}

}  // namespace cspr::cli
