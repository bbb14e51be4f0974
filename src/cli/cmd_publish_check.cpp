// cspr publish-check: "may we publish on that date?" (Working Together 2018 ch. 4 "Expectations for
// the final report"; the Regulations; Bradford and Durham procedures), and the record of publication.
#include <fmt/format.h>

#include <memory>

#include "amend.hpp"
#include "app.hpp"
#include "case_change.hpp"

namespace cspr::cli {

namespace {

struct PublishArgs {
    std::string id;
    std::optional<std::string> report, publish_on, delay, delay_note, delay_told, justification, published;
    std::vector<std::string> copies, not_sent;
    bool plan = false, not_full = false, national = false;
    AmendOptions amendment;
};

struct Check {
    bool ok;
    std::string text;
};

struct CopySlot {
    std::optional<calendar::Date>* sent;
    std::string* not_sent;
};

std::optional<CopySlot> copy_slot(model::Publication& p, const std::string& body) {
    if (body == "panel") return CopySlot{&p.copy_panel, &p.not_sent_panel};
    if (body == "secretary-of-state" || body == "sos")
        return CopySlot{&p.copy_secretary_of_state, &p.not_sent_secretary_of_state};
    if (body == "ofsted") return CopySlot{&p.copy_ofsted, &p.not_sent_ofsted};
    return std::nullopt;
}

CopySlot require_copy_slot(model::Publication& p, const std::string& body, std::string_view option) {
    if (auto slot = copy_slot(p, body)) return *slot;
    throw Error("'" + body + "' is not panel, secretary-of-state or ofsted" +
                    did_you_mean(body, {"panel", "secretary-of-state", "ofsted"}),
                {.field = std::string(option)});
}

bool records_something(const PublishArgs& a) {
    return a.plan || !a.copies.empty() || !a.not_sent.empty() || a.delay || a.delay_note || a.delay_told ||
           a.not_full || a.justification || a.published || a.national;
}

void apply_options(model::Publication& p, const PublishArgs& a) {
    if (a.plan) {
        if (!a.publish_on) throw Error("--plan records the date given with --publish-on", {.field = "--plan"});
        p.publish_on = calendar::require_iso_date(*a.publish_on, "--publish-on");
    }
    for (const auto& text : a.copies) {
        const auto [body, day] = split_assignment(text, "--copy-sent", "panel=2025-09-10");
        const CopySlot slot = require_copy_slot(p, body, "--copy-sent");
        *slot.sent = calendar::require_iso_date(day, "--copy-sent " + body);
        slot.not_sent->clear();
    }
    for (const auto& text : a.not_sent) {
        const auto [body, reason] = split_assignment(text, "--copy-not-sent", "ofsted=\"sent with the Panel's copy\"");
        const CopySlot slot = require_copy_slot(p, body, "--copy-not-sent");
        if (*slot.sent)
            throw Error("a copy to " + body + " is recorded as sent; it cannot also be not sent",
                        {.field = "--copy-not-sent"});
        if (reason.empty()) throw Error("say why the copy to " + body + " was not sent", {.field = "--copy-not-sent"});
        *slot.not_sent = reason;
    }
    if (a.delay) {
        const auto reason = option_choice<model::DelayReason>(*a.delay, "--delay");
        if (!p.delay) p.delay = model::Delay{};
        p.delay->reason = reason;
    }
    if ((a.delay_note || a.delay_told) && !p.delay)
        throw Error("record the delay's reason first with --delay", {.field = "--delay"});
    if (a.delay_note) p.delay->note = *a.delay_note;
    if (a.delay_told) p.delay->panel_and_sos_told = calendar::require_iso_date(*a.delay_told, "--delay-told");
    if (a.not_full) p.full_report = false;
    if (a.justification) p.justification = *a.justification;
    if (a.published) p.published = calendar::require_iso_date(*a.published, "--published");
    // A national review is the Panel's, published by the Panel: cspr has no local report to keep for
    // three years (keep-available is a year). Refused, rather than silently recording a contradiction.
    if (a.national)
        throw Error("a local review's report is kept available for at least a year (keep-available); the three years "
                    "are for "
                    "the Panel's national review reports, which the Panel publishes",
                    {.field = "--national"});
}

// A recorded value (the publication date, a copy's date...) changes only by amendment, which `after`
// then keeps. True when it is one. available_until is the rules engine's, recomputed on every write.
bool amend_recorded(const Context& ctx, const PublishArgs& a, const model::Publication& before,
                    model::Publication& after) {
    std::vector<std::string> ignored = kRecordHeader;
    ignored.push_back("available_until");
    const std::string old_text = store::format_publication(before), new_text = store::format_publication(after);
    const auto changed =
        store::changed_recorded_values(old_text, new_text, store::format_publication({.id = after.id}), ignored);
    auto amendment =
        amend_or_refuse(a.amendment, store::kPublicationFile, changed, old_text, new_text, ignored, ctx.today());
    if (amendment) after.amendments.push_back(std::move(*amendment));
    return amendment.has_value();
}

const rules::Deadline& deadline_of(const std::vector<rules::Deadline>& all, std::string_view rule,
                                   std::string_view subject = "") {
    const auto it = std::find_if(all.begin(), all.end(),
                                 [&](const rules::Deadline& d) { return d.rule->id == rule && d.subject == subject; });
    if (it == all.end())
        throw Error("internal: the rules engine gave no " + std::string(rule) + " deadline", {.field = "ID"});
    return *it;
}

Check publish_check(const rules::Deadline& d, const model::Publication& p, calendar::Date day) {
    const std::string length = rules::describe_length(d.length, d.unit);
    const std::string due = calendar::format_iso_date(d.due);
    if (day <= d.due)
        return {true, fmt::format("within {} of the decision of {} (by {}) [publish]", length,
                                  calendar::format_iso_date(d.start.day), due)};
    const auto* delay = p.delay ? &*p.delay : nullptr;
    const std::string reason = delay ? std::string(model::delay_name(delay->reason)) : "";
    if (d.status == rules::Status::met)  // the engine excused it: a delay told by the due date
        return {true, fmt::format("after the {} to {}, delayed by {}; the Panel and Secretary of State were told on {} "
                                  "[publish]",
                                  length, due, reason, calendar::format_iso_date(*delay->panel_and_sos_told))};
    if (delay && delay->panel_and_sos_told)
        return {false, fmt::format("after the {} to {}: the delay ({}) was told to the Panel and the Secretary of "
                                   "State on {}, after the "
                                   "due date, so the report is late [publish]",
                                   length, due, reason, calendar::format_iso_date(*delay->panel_and_sos_told))};
    if (delay)
        return {false, fmt::format("after the {} to {}: a delay ({}) is recorded, but not that the Panel and the "
                                   "Secretary of State "
                                   "were told (--delay-told DATE) [publish]",
                                   length, due, reason)};
    return {false,
            fmt::format("more than {} after the decision of {} (limit {}) and no delay reason recorded (--delay REASON "
                        "--delay-told DATE) [publish]",
                        length, calendar::format_iso_date(d.start.day), due)};
}

Check copy_check(const rules::Deadline& d, const std::string& what, std::string_view body, calendar::Date day) {
    const std::string latest = calendar::format_iso_date(d.due);
    const std::string before = rules::describe_length(d.length, d.unit) + " before";
    if (d.status == rules::Status::met)
        return {true, fmt::format("{} sent to {} on {} (latest allowable {}) [copy-before-publish]", what, body,
                                  calendar::format_iso_date(d.met->day), latest)};
    if (d.met)
        return {false, fmt::format("{} sent to {} on {}, after the latest allowable date {} ({}) [copy-before-publish]",
                                   what, body, calendar::format_iso_date(d.met->day), latest, before)};
    if (d.status == rules::Status::missed)
        return {false, fmt::format("{} not sent to {}: recorded as not sent, with a reason [copy-before-publish]", what,
                                   body)};
    return {false, fmt::format("{} not yet sent to {}: send by {}, {} {} (--copy-sent) [copy-before-publish]", what,
                               body, latest, before, calendar::format_iso_date(day))};
}

// "May we publish on `day`?" is asked of the rules engine, about the case as it would be if it were
// published that day: the due dates, figures and excuses are the engine's (and cspr.yaml's).
std::vector<Check> timing_checks(const Context& ctx, const store::CaseFolder& folder, const model::Case& c,
                                 calendar::Date day) {
    model::Case then = c;
    if (!then.publication) then.publication = model::Publication{};
    then.publication->published = day;
    const auto& p = *then.publication;
    const auto deadlines = rules::case_deadlines(then, folder.config, ctx.calendar(folder.config.region), ctx.today());
    std::vector<Check> checks{publish_check(deadline_of(deadlines, "publish"), p, day)};
    const std::string what = p.full_report ? "the report" : "the improvements information";
    const std::pair<const char*, const char*> copies[] = {{"panel", "the Panel"},
                                                          {"secretary-of-state", "the Secretary of State"},
                                                          {"ofsted", "Ofsted"}};
    for (const auto& [subject, body] : copies)
        checks.push_back(copy_check(deadline_of(deadlines, "copy-before-publish", subject), what, body, day));
    if (!p.full_report)
        checks.push_back({!p.justification.empty(),
                          p.justification.empty()
                              ? "only the improvements information is to be published, but no justification is "
                                "recorded (--justification)"
                              : "only the improvements information is published; the justification is recorded"});
    return checks;
}

std::vector<Check> report_checks(const model::Case& c, const std::string& file) {
    std::vector<Check> checks;
    const auto findings = rules::check_report(store::read_file(file), rules::identifying_details(c));
    for (const auto& f : findings)
        checks.push_back({false, f.line > 0 ? fmt::format("{}:{}: {}", file, f.line, f.problem)
                                            : fmt::format("{}: {}", file, f.problem)});
    if (findings.empty())
        checks.push_back(
            {true, file + ": summary, analysis, reviewer, recommendations (who and by when); no identifying detail"});
    return checks;
}

int run_checks(Context& ctx, const store::CaseFolder& folder, const model::Case& c, const PublishArgs& a) {
    const calendar::Date day =
        a.publish_on ? calendar::require_iso_date(*a.publish_on, "--publish-on") : *c.publication->publish_on;
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
    CaseChange change(ctx, a.id);
    const auto& folder = change.folder();
    model::Case& c = change.after();
    if (!c.decision) throw Error(a.id + " has no decision yet (cspr decide)", {.field = "ID"});
    if (c.decision->outcome != model::Route::local_cspr)
        throw Error(a.id + " has no local review to publish: the decision was " +
                        std::string(model::route_name(c.decision->outcome)),
                    {.field = "ID"});
    const bool planned = c.publication && c.publication->publish_on;
    if (!a.publish_on && !records_something(a) && !planned)
        throw Error("give --publish-on DATE to check (no publication date is planned), or something to record",
                    {.field = "--publish-on"});
    check_amend_options(a.amendment, c.publication.has_value(), a.id, store::kPublicationFile);
    if (a.amendment.amend && !records_something(a))
        throw Error("give the value to change, e.g. --published DATE or --copy-sent BODY=DATE", {.field = "--amend"});
    if (records_something(a)) {
        const std::optional<model::Publication>& before = change.before().publication;
        if (!c.publication) c.publication = model::Publication{};
        c.publication->id = c.id;
        apply_options(*c.publication, a);
        std::string message = "publish-check " + c.id + ": ";
        if (a.published) message += "published " + *a.published;
        else if (a.plan) message += "publication planned for " + *a.publish_on;
        else message += "publication record updated";
        const auto deadlines = rules::case_deadlines(c, folder.config, ctx.calendar(folder.config.region), ctx.today());
        if (c.publication->published) c.publication->available_until = deadline_of(deadlines, "keep-available").due;
        if (before && amend_recorded(ctx, a, *before, *c.publication))
            message = "publish-check " + c.id + ": amended " + amended_fields(c.publication->amendments.back());
        change.save(store::kPublicationFile, store::format_publication(*c.publication), message);
        if (a.published) {
            const auto& keep = deadline_of(deadlines, "keep-available");
            ctx.out << fmt::format("{}: published {}; keep it publicly available until at least {} ({} "
                                   "[keep-available])\n",
                                   c.id, *a.published, calendar::format_iso_date(keep.due),
                                   rules::describe_length(keep.length, keep.unit));
        } else ctx.out << c.id << ": publication record updated\n";
        if (a.amendment.amend) ctx.out << c.id << ": amended " << amended_text(c.publication->amendments) << "\n";
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
    sub.add_option("--copy-sent,--told", a->copies,
                   "BODY=DATE: the report sent to panel, secretary-of-state or ofsted (repeat)");
    sub.add_option("--delay", a->delay, "Other proceedings delay publication: " + model::one_of<model::DelayReason>());
    sub.add_option("--delay-note", a->delay_note, "About the delay");
    sub.add_option("--delay-told", a->delay_told, "When the Panel and the Secretary of State were told of the delay");
    sub.add_flag("--not-full", a->not_full, "Only the improvements information will be published");
    sub.add_option("--justification", a->justification, "Why the full report will not be published");
    sub.add_option("--published", a->published, "Record the publication date");
    sub.add_option("--copy-not-sent", a->not_sent,
                   "BODY=REASON: a copy that was not sent before publication, and why (repeat)");
    add_amend_options(sub, a->amendment, "publication record");
    sub.add_flag("--national", a->national, "Refused: a national review's report is the Panel's (kept for old scripts)")
        ->group("");
    add_commit_flag(sub, ctx);
    add_examples(sub, R"(  cspr publish-check NDSCP-2025-001 --report final.md --publish-on 2025-09-22
  cspr publish-check NDSCP-2025-001 --publish-on 2025-09-22 --plan
  cspr publish-check NDSCP-2025-001 --copy-sent panel=2025-09-10 --copy-sent secretary-of-state=2025-09-10 \
      --copy-sent ofsted=2025-09-10
  cspr publish-check NDSCP-2025-001 --delay inquest --delay-note "listed for October" --delay-told 2025-08-29
  cspr publish-check NDSCP-2025-001 --published 2025-09-22
  cspr publish-check NDSCP-2025-001 --amend --reason "The Panel's copy went on the 9th" --copy-sent panel=2025-09-09

Exit 0: may publish (every check passed, report included); 1: may not, with every failure listed.
The report's expected shape is in docs/report-shape.md; hits name path:line and the kind of
detail, never the text. A recorded date or answer is changed only with --amend --reason, which
keeps the earlier value in publication.yaml.)");
    sub.callback([&ctx, a] { run_publish_check(ctx, *a); });
}

}  // namespace cspr::cli
