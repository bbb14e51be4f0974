// cspr publish-check: "may we publish on that date?" (Working Together 2018 ch. 4 "Expectations for
// the final report"; the Regulations; seeds 001, 002), and the record of publication.
#include <fmt/format.h>

#include <memory>

#include "app.hpp"

namespace cspr::cli {

namespace {

struct PublishArgs {
    std::string id;
    std::optional<std::string> report, publish_on, delay, delay_note, delay_told, justification, published;
    std::vector<std::string> copies;
    bool plan = false, not_full = false, national = false;
};

struct Check {
    bool ok;
    std::string text;
};

std::optional<calendar::Date>* copy_slot(model::Publication& p, const std::string& body) {
    if (body == "panel") return &p.copy_panel;
    if (body == "secretary-of-state" || body == "sos") return &p.copy_secretary_of_state;
    if (body == "ofsted") return &p.copy_ofsted;
    return nullptr;
}

bool records_something(const PublishArgs& a) {
    return a.plan || !a.copies.empty() || a.delay || a.delay_note || a.delay_told || a.not_full || a.justification ||
           a.published || a.national;
}

void apply_options(model::Publication& p, const PublishArgs& a) {
    if (a.plan) {
        if (!a.publish_on) throw Error("--plan records the date given with --publish-on", {.field = "--plan"});
        p.publish_on = calendar::require_iso_date(*a.publish_on, "--publish-on");
    }
    for (const auto& text : a.copies) {
        const auto [body, day] = split_assignment(text, "--copy-sent", "panel=2025-09-10");
        auto* slot = copy_slot(p, body);
        if (!slot) throw Error("'" + body + "' is not panel, secretary-of-state or ofsted", {.field = "--copy-sent"});
        *slot = calendar::require_iso_date(day, "--copy-sent " + body);
    }
    if (a.delay) {
        const auto reason = model::delay_from_name(*a.delay);
        if (!reason) throw Error("'" + *a.delay + "' is not one of criminal-investigation, inquest, prosecution, other", {.field = "--delay"});
        if (!p.delay) p.delay = model::Delay{};
        p.delay->reason = *reason;
    }
    if ((a.delay_note || a.delay_told) && !p.delay) throw Error("record the delay's reason first with --delay", {.field = "--delay"});
    if (a.delay_note) p.delay->note = *a.delay_note;
    if (a.delay_told) p.delay->panel_and_sos_told = calendar::require_iso_date(*a.delay_told, "--delay-told");
    if (a.not_full) p.full_report = false;
    if (a.justification) p.justification = *a.justification;
    if (a.published) p.published = calendar::require_iso_date(*a.published, "--published");
    if (a.national) p.national = true;
}

std::vector<Check> timing_checks(const Context& ctx, const store::CaseFolder& folder, const model::Case& c, calendar::Date day) {
    std::vector<Check> checks;
    const auto& d = *c.decision;
    const calendar::Date limit = calendar::add_months(d.date, 6);
    const model::Publication p = c.publication.value_or(model::Publication{});
    if (day <= limit) {
        checks.push_back({true, fmt::format("within 6 months of the decision of {} (by {}) [publish]", calendar::format_iso_date(d.date),
                                            calendar::format_iso_date(limit))});
    } else if (p.delay && p.delay->panel_and_sos_told) {
        checks.push_back({true, fmt::format("after the 6 months to {}, delayed by {}; the Panel and Secretary of State were told on {} [publish]",
                                            calendar::format_iso_date(limit), model::delay_name(p.delay->reason),
                                            calendar::format_iso_date(*p.delay->panel_and_sos_told))});
    } else if (p.delay) {
        checks.push_back({false, fmt::format("after the 6 months to {}: a delay ({}) is recorded, but not that the Panel and the "
                                             "Secretary of State were told (--delay-told DATE) [publish]",
                                             calendar::format_iso_date(limit), model::delay_name(p.delay->reason))});
    } else {
        checks.push_back({false, fmt::format("more than 6 months after the decision of {} (limit {}) and no delay reason recorded "
                                             "(--delay REASON --delay-told DATE) [publish]",
                                             calendar::format_iso_date(d.date), calendar::format_iso_date(limit))});
    }
    const auto cal = ctx.calendar(folder.config.region);
    const calendar::Date latest = calendar::add_working_days(cal, day, -7);
    const std::pair<const char*, std::optional<calendar::Date>> copies[] = {
        {"the Panel", p.copy_panel}, {"the Secretary of State", p.copy_secretary_of_state}, {"Ofsted", p.copy_ofsted}};
    const std::string what = p.full_report ? "the report" : "the improvements information";
    for (const auto& [body, sent] : copies) {
        if (sent && *sent <= latest)
            checks.push_back({true, fmt::format("{} sent to {} on {} (latest allowable {}) [copy-before-publish]", what, body,
                                                calendar::format_iso_date(*sent), calendar::format_iso_date(latest))});
        else if (sent)
            checks.push_back({false, fmt::format("{} sent to {} on {}, after the latest allowable date {} (7 working days "
                                                 "before) [copy-before-publish]",
                                                 what, body, calendar::format_iso_date(*sent), calendar::format_iso_date(latest))});
        else
            checks.push_back({false, fmt::format("{} not yet sent to {}: send by {}, 7 working days before {} "
                                                 "(--copy-sent) [copy-before-publish]",
                                                 what, body, calendar::format_iso_date(latest), calendar::format_iso_date(day))});
    }
    if (!p.full_report)
        checks.push_back({!p.justification.empty(), p.justification.empty()
                                                        ? "only the improvements information is to be published, but no justification is recorded (--justification)"
                                                        : "only the improvements information is published; the justification is recorded"});
    return checks;
}

std::vector<Check> report_checks(const model::Case& c, const std::string& file) {
    std::vector<Check> checks;
    const auto findings = rules::check_report(store::read_file(file), rules::identifying_details(c));
    for (const auto& f : findings)
        checks.push_back({false, f.line > 0 ? fmt::format("{}:{}: {}", file, f.line, f.problem) : fmt::format("{}: {}", file, f.problem)});
    if (findings.empty())
        checks.push_back({true, file + ": summary, analysis, reviewer, recommendations (who and by when); no identifying detail"});
    return checks;
}

int run_checks(Context& ctx, const store::CaseFolder& folder, const model::Case& c, const PublishArgs& a) {
    const calendar::Date day = a.publish_on ? calendar::require_iso_date(*a.publish_on, "--publish-on") : *c.publication->publish_on;
    auto checks = timing_checks(ctx, folder, c, day);
    if (a.report) {
        const auto more = report_checks(c, *a.report);
        checks.insert(checks.end(), more.begin(), more.end());
    }
    ctx.out << fmt::format("{}: may we publish on {}?\n", c.id, calendar::format_iso_date(day));
    std::size_t failures = 0;
    for (const auto& check : checks) {
        ctx.out << (check.ok ? "  ok    " : "  FAIL  ") << check.text << "\n";
        failures += check.ok ? 0 : 1;
    }
    if (failures > 0) ctx.out << "no: " << failures << (failures == 1 ? " check failed\n" : " checks failed\n");
    else if (!a.report) ctx.out << "no: the report itself was not checked (--report FILE)\n";
    else ctx.out << "yes\n";
    return failures == 0 && a.report ? kExitOk : kExitNo;
}

void run_publish_check(Context& ctx, const PublishArgs& a) {
    const auto folder = ctx.open_folder();
    store::Diagnostics strict;
    const auto lock = ctx.lock_case(folder, a.id);  // read, change and write as one
    model::Case c = store::load_case(folder, a.id, strict);
    if (!c.decision) throw Error(a.id + " has no decision yet (cspr decide)", {.field = "ID"});
    if (c.decision->outcome != model::Route::local_cspr)
        throw Error(a.id + " has no local review to publish: the decision was " + std::string(model::route_name(c.decision->outcome)), {.field = "ID"});
    const bool planned = c.publication && c.publication->publish_on;
    if (!a.publish_on && !records_something(a) && !planned)
        throw Error("give --publish-on DATE to check (no publication date is planned), or something to record", {.field = "--publish-on"});
    if (records_something(a)) {
        if (!c.publication) c.publication = model::Publication{};
        c.publication->id = c.id;
        apply_options(*c.publication, a);
        std::string message = "publish-check " + c.id + ": ";
        if (a.published) message += "published " + *a.published;
        else if (a.plan) message += "publication planned for " + *a.publish_on;
        else message += "publication record updated";
        save_step(ctx, folder, c, store::kPublicationFile, store::format_publication(*c.publication), message);
        if (a.published)
            ctx.out << fmt::format("{}: published {}; keep it publicly available until at least {} ({})\n", c.id, *a.published,
                                   calendar::format_iso_date(calendar::add_years(*c.publication->published, c.publication->national ? 3 : 1)),
                                   c.publication->national ? "three years: national review" : "one year: local review");
        else ctx.out << c.id << ": publication record updated\n";
    }
    // A recording command checks only when asked to with a report; a bare --publish-on asks.
    if ((a.publish_on || planned) && (a.report || !records_something(a))) ctx.exit_code = run_checks(ctx, folder, c, a);
}

}  // namespace

void setup_publish_check(CLI::App& sub, Context& ctx) {
    auto a = std::make_shared<PublishArgs>();
    sub.add_option("ID", a->id, "The case, e.g. NDSCP-2025-001")->required();
    sub.add_option("--report", a->report, "The final report (Markdown or plain text) to check");
    sub.add_option("--publish-on", a->publish_on, "The proposed publication date");
    sub.add_flag("--plan", a->plan, "Record --publish-on as the planned date (starts the 7-working-day clock)");
    sub.add_option("--copy-sent", a->copies, "BODY=DATE: the report sent to panel, secretary-of-state or ofsted (repeat)");
    sub.add_option("--delay", a->delay, "Other proceedings delay publication: criminal-investigation, inquest, prosecution, other");
    sub.add_option("--delay-note", a->delay_note, "About the delay");
    sub.add_option("--delay-told", a->delay_told, "When the Panel and the Secretary of State were told of the delay");
    sub.add_flag("--not-full", a->not_full, "Only the improvements information will be published");
    sub.add_option("--justification", a->justification, "Why the full report will not be published");
    sub.add_option("--published", a->published, "Record the publication date");
    sub.add_flag("--national", a->national, "A national review: keep available for three years, not one");
    add_commit_flag(sub, ctx);
    add_examples(sub, R"(  cspr publish-check NDSCP-2025-001 --report final.md --publish-on 2025-09-22
  cspr publish-check NDSCP-2025-001 --publish-on 2025-09-22 --plan
  cspr publish-check NDSCP-2025-001 --copy-sent panel=2025-09-10 --copy-sent secretary-of-state=2025-09-10 \
      --copy-sent ofsted=2025-09-10
  cspr publish-check NDSCP-2025-001 --delay inquest --delay-note "listed for October" --delay-told 2025-08-29
  cspr publish-check NDSCP-2025-001 --published 2025-09-22

Exit 0: may publish (every check passed, report included); 1: may not, with every failure listed.
The report's expected shape is in docs/report-shape.md; hits name path:line and the kind of
detail, never the text.)");
    sub.callback([&ctx, a] { run_publish_check(ctx, *a); });
}

}  // namespace cspr::cli
